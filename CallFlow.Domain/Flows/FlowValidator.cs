using System.Text.RegularExpressions;

namespace CallFlow.Domain.Flows;

/// <summary>
/// Why a flow cannot be used, in words an owner can act on; <see cref="StepId"/> names the step when one is at fault
/// and <see cref="Property"/> the part of it (one of <see cref="FlowPaths"/>), so an editor can show the problem
/// next to the field that causes it.
/// </summary>
public sealed record FlowProblem(string? StepId, string Message, string? Property = null)
{
    public override string ToString() => Message;
}

/// <summary>
/// Checks a flow before it can be published or run: steps have unique, well-formed ids and prompts; dependencies
/// name existing steps and form no circle; every required field (for a booking flow, every booking field) is
/// collected by a required step; booking fields are collected with the input they need; selections have options;
/// validation patterns compile (with a match timeout); the rules are in range. A flow with any problem is refused
/// as a whole, never half-run.
/// </summary>
public static partial class FlowValidator
{
    /// <summary>How long one validation pattern may take on one value, so a pathological pattern cannot stall a call.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly Regex Identifier = new("^[A-Za-z][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant, MatchTimeout);

    public static IReadOnlyList<FlowProblem> Validate(FlowDefinition flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var problems = new List<FlowProblem>();
        if (flow.Type != FlowTypes.Booking)
        {
            problems.Add(new(null, $"Unknown flow type '{flow.Type}'; the only type is '{FlowTypes.Booking}'.", FlowPaths.Type));
        }

        if (string.IsNullOrWhiteSpace(flow.Name))
        {
            problems.Add(new(null, "The flow needs a name.", FlowPaths.Name));
        }

        if (flow.Steps.Count == 0)
        {
            problems.Add(new(null, "The flow has no steps.", FlowPaths.Steps));
            return problems;
        }

        CheckSteps(flow, problems);
        CheckDependencies(flow, problems);
        CheckFields(flow, problems);
        CheckRules(flow, problems);
        return problems;
    }

    /// <summary>Validates and, when there is no problem, compiles the flow for the engine.</summary>
    public static FlowCompilation Compile(FlowDefinition flow)
    {
        var problems = Validate(flow);
        return new FlowCompilation(problems.Count == 0 ? new CompiledFlow(flow) : null, problems);
    }

    internal static Regex? TryCompile(string pattern, out string? error)
    {
        try
        {
            error = null;
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static void CheckDependencies(FlowDefinition flow, List<FlowProblem> problems)
    {
        var ids = flow.Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var step in flow.Steps)
        {
            foreach (var dependency in step.DependsOn)
            {
                if (dependency == step.Id)
                {
                    problems.Add(new(step.Id, $"{Describe(step)} depends on itself.", FlowPaths.DependsOn));
                }
                else if (!ids.Contains(dependency))
                {
                    problems.Add(new(step.Id, $"{Describe(step)} depends on '{dependency}', which is not a step of this flow.", FlowPaths.DependsOn));
                }
            }
        }

        if (FindCycle(flow) is { } cycle)
        {
            problems.Add(new(cycle[0], $"Steps {string.Join(" → ", cycle)} depend on each other in a circle, so none of them could be asked.", FlowPaths.DependsOn));
        }
    }

    private static void CheckFields(FlowDefinition flow, List<FlowProblem> problems)
    {
        var collectors = flow.Steps.SelectMany(s => s.Fields.Select(f => (Field: f, Step: s))).ToLookup(x => x.Field, x => x.Step, StringComparer.Ordinal);
        foreach (var twice in collectors.Where(c => c.Count() > 1))
        {
            problems.Add(new(twice.Last().Id, $"{twice.Key} is collected by more than one step ({string.Join(", ", twice.Select(s => s.Id))}).", FlowPaths.Fields));
        }

        var required = flow.RequiredFields.ToList();
        if (flow.Type == FlowTypes.Booking)
        {
            foreach (var field in FlowFields.Booking.Where(f => !required.Contains(f, StringComparer.Ordinal)))
            {
                problems.Add(new(null, $"A booking flow must require {field}: the calendar cannot book without it.", FlowPaths.RequiredFields));
            }
        }

        foreach (var field in required.Distinct(StringComparer.Ordinal))
        {
            if (!collectors.Contains(field))
            {
                problems.Add(new(null, $"The required field {field} is not collected by any step.", FlowPaths.RequiredFields));
            }
            else if (collectors[field].All(s => !s.Required))
            {
                problems.Add(new(collectors[field].First().Id, $"The required field {field} is collected only by an optional step.", FlowPaths.Required));
            }
        }

        for (var i = 0; i < flow.ValidationRules.Count; i++)
        {
            var rule = flow.ValidationRules[i];
            if (!collectors.Contains(rule.Field))
            {
                problems.Add(new(null, $"A validation rule checks {rule.Field}, which no step collects.", FlowPaths.ValidationRule(i, nameof(FieldRule.Field))));
            }

            CheckPattern(problems, null, $"The validation pattern for {rule.Field}", rule.Pattern, rule.Message,
                FlowPaths.ValidationRule(i, nameof(FieldRule.Pattern)), FlowPaths.ValidationRule(i, nameof(FieldRule.Message)));
        }
    }

    private static void CheckRules(FlowDefinition flow, List<FlowProblem> problems)
    {
        var rules = flow.Rules;
        if (rules.AlternativesToOffer is < 1 or > 5)
        {
            problems.Add(new(null, $"Offer between 1 and 5 alternatives, not {rules.AlternativesToOffer}.", FlowPaths.AlternativesToOffer));
        }

        if (rules.MinimumConfidence is < 0 or >= 1 || double.IsNaN(rules.MinimumConfidence))
        {
            problems.Add(new(null, "The minimum confidence must be at least 0 and below 1.", FlowPaths.MinimumConfidence));
        }

        if (rules.WhenNobodyCanTakeTheCall == Calls.Fallback.TransferToStaff)
        {
            problems.Add(new(null, "When nobody can take the call, the assistant can promise a callback or take a message, not transfer.", FlowPaths.WhenNobodyCanTakeTheCall));
        }
    }

    private static void CheckPattern(List<FlowProblem> problems, string? stepId, string what, string pattern, string message, string patternPath, string messagePath)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            problems.Add(new(stepId, $"{what} is empty.", patternPath));
        }
        else if (TryCompile(pattern, out var error) is null)
        {
            problems.Add(new(stepId, $"{what} does not compile: {error}", patternPath));
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            problems.Add(new(stepId, $"{what} has no message to tell the caller what is wrong.", messagePath));
        }
    }

    /// <summary>The first circle of dependencies found, as step ids with the first repeated at the end.</summary>
    private static List<string>? FindCycle(FlowDefinition flow)
    {
        var byId = flow.Steps.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        List<string>? Visit(string id)
        {
            var at = path.IndexOf(id);
            if (at >= 0)
            {
                return [.. path[at..], id];
            }

            if (!done.Add(id) || !byId.TryGetValue(id, out var step))
            {
                return null;
            }

            path.Add(id);
            foreach (var dependency in step.DependsOn.Where(d => d != id))
            {
                if (Visit(dependency) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return byId.Keys.Select(Visit).FirstOrDefault(c => c is not null);
    }

    private static string Describe(FlowStep step) => string.IsNullOrWhiteSpace(step.Id) ? "A step" : $"Step '{step.Id}'";

    private static string Snake(Enum value) => Calls.WireNames.ToSnakeCase(value.ToString());
}

/// <summary>A flow checked by <see cref="FlowValidator.Compile"/>: the runnable flow, or the reasons it is refused.</summary>
public sealed record FlowCompilation(CompiledFlow? Flow, IReadOnlyList<FlowProblem> Problems)
{
    public bool IsValid => Flow is not null;
}
