using System.Text.RegularExpressions;

namespace CallFlow.Domain.Flows;

/// <summary>
/// A flow that passed <see cref="FlowValidator"/>, with its validation patterns compiled once: the only form the
/// engine runs, so a broken flow cannot be half-run. Made by <see cref="FlowValidator.Compile"/>; immutable and
/// safe to share between calls.
/// </summary>
public sealed class CompiledFlow
{
    private readonly Dictionary<string, FlowStep> _steps;
    private readonly Dictionary<string, FlowStep> _collectors;
    private readonly Dictionary<string, List<(Regex Pattern, string Message)>> _checks;

    internal CompiledFlow(FlowDefinition definition)
    {
        Definition = definition;
        _steps = definition.Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _collectors = definition.Steps.SelectMany(s => s.Fields.Select(f => (f, s))).ToDictionary(x => x.f, x => x.s, StringComparer.Ordinal);
        _checks = new(StringComparer.Ordinal);
        foreach (var step in definition.Steps.Where(s => s.Validation is not null))
        {
            Add(step.Validation!.Field ?? step.Fields[0], step.Validation.Pattern, step.Validation.Message);
        }

        foreach (var rule in definition.ValidationRules)
        {
            Add(rule.Field, rule.Pattern, rule.Message);
        }
    }

    public FlowDefinition Definition { get; }

    public IReadOnlyList<FlowStep> Steps => Definition.Steps;

    public FlowRules Rules => Definition.Rules;

    /// <summary>The flow's read-back step, if it has one (its prompt is the question after the read-back).</summary>
    public FlowStep? Confirmation => Definition.Steps.FirstOrDefault(s => s.Type == StepType.Confirmation);

    public FlowStep? Step(string? id) => id is not null && _steps.TryGetValue(id, out var step) ? step : null;

    /// <summary>The step that collects <paramref name="field"/>, if any does.</summary>
    public FlowStep? StepCollecting(string field) => _collectors.GetValueOrDefault(field);

    public bool Collects(string field) => _collectors.ContainsKey(field);

    /// <summary>
    /// What is wrong with <paramref name="value"/> for <paramref name="field"/>: the message of the first pattern it
    /// does not match, or null when it passes. A pattern that times out does not hold the caller up: it passes.
    /// </summary>
    public string? Check(string field, string value)
    {
        foreach (var (pattern, message) in _checks.GetValueOrDefault(field) ?? [])
        {
            try
            {
                if (!pattern.IsMatch(value))
                {
                    return message;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // The owner's pattern is too slow for this value; refusing the caller for it would be worse.
            }
        }

        return null;
    }

    private void Add(string field, string pattern, string message)
    {
        if (!_checks.TryGetValue(field, out var checks))
        {
            _checks[field] = checks = [];
        }

        checks.Add((FlowValidator.TryCompile(pattern, out _)!, message));
    }
}
