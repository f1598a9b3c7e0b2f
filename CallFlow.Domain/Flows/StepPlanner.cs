namespace CallFlow.Domain.Flows;

/// <summary>
/// Which step to ask next: the first step, in the flow's order, whose dependencies are complete and which is not
/// complete itself. A step is complete when every field it collects is known (whoever gave it, and whenever) or the
/// caller skipped it (optional steps only). The confirmation step is never "next": the read-back comes when
/// nothing else is.
/// </summary>
public static class StepPlanner
{
    public static FlowStep? Next(CompiledFlow flow, IReadOnlyDictionary<string, string> collected, IReadOnlyCollection<string> skipped)
    {
        foreach (var step in flow.Steps)
        {
            if (step.Type != StepType.Confirmation
                && !IsComplete(step, collected, skipped)
                && step.DependsOn.All(id => flow.Step(id) is { } dependency && IsComplete(dependency, collected, skipped)))
            {
                return step;
            }
        }

        return null;
    }

    public static bool IsComplete(FlowStep step, IReadOnlyDictionary<string, string> collected, IReadOnlyCollection<string> skipped) =>
        step.Type == StepType.Confirmation || skipped.Contains(step.Id) || step.Fields.All(collected.ContainsKey);

    /// <summary>The step's fields still to collect, in the step's order.</summary>
    public static IReadOnlyList<string> Missing(FlowStep step, IReadOnlyDictionary<string, string> collected) =>
        [.. step.Fields.Where(f => !collected.ContainsKey(f))];

    /// <summary>Every required field of the flow is known.</summary>
    public static bool HasRequired(CompiledFlow flow, IReadOnlyDictionary<string, string> collected) =>
        flow.Definition.RequiredFields.All(collected.ContainsKey);
}
