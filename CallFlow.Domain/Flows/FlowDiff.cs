using System.Globalization;
using CallFlow.Domain.Calls;

namespace CallFlow.Domain.Flows;

/// <summary>How one step differs between two versions of a flow.</summary>
public enum StepChangeKind
{
    Added,
    Removed,

    /// <summary>Some of its properties changed (its position may be one of them).</summary>
    Changed,

    /// <summary>Only its place in the order changed.</summary>
    Moved,
}

/// <summary>One property that differs, named and valued as an owner reads them; null means it was not set.</summary>
public sealed record PropertyChange(string Property, string? Old, string? New);

/// <summary>
/// A step added, removed, changed or moved, with what changed. An added step lists its values as new, a removed one
/// its values as old. Steps are matched by id, so a renamed id reads as one step removed and another added.
/// </summary>
public sealed record StepChange(StepChangeKind Kind, string StepId, string StepName, IReadOnlyList<PropertyChange> Changes);

/// <summary>
/// What changed from one version of a flow to another, for the version history: the flow's own settings (name,
/// required fields, field checks, rules) and each step that was added, removed, changed or moved. A step counts as
/// moved only when its order relative to the other kept steps changed, not when a step before it came or went.
/// </summary>
public sealed record FlowDiff(IReadOnlyList<PropertyChange> FlowChanges, IReadOnlyList<StepChange> StepChanges)
{
    public const string Position = "Position";

    public bool IsEmpty => FlowChanges.Count == 0 && StepChanges.Count == 0;

    /// <summary>The changes that turn <paramref name="older"/> into <paramref name="newer"/>, steps in the newer order then removed ones.</summary>
    public static FlowDiff Between(FlowDefinition older, FlowDefinition newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);

        var oldSteps = older.Steps.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newIds = newer.Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var moved = MovedSteps(older, newer);

        var steps = new List<StepChange>();
        for (var position = 0; position < newer.Steps.Count; position++)
        {
            var step = newer.Steps[position];
            if (!oldSteps.TryGetValue(step.Id, out var before))
            {
                steps.Add(new StepChange(StepChangeKind.Added, step.Id, step.Name, Compare(DescribeStep(null), DescribeStep(step))));
                continue;
            }

            var changes = Compare(DescribeStep(before), DescribeStep(step));
            if (moved.Contains(step.Id))
            {
                var was = IndexOf(older.Steps, step.Id) + 1;
                changes = [new PropertyChange(Position, Text(was), Text(position + 1)), .. changes];
            }

            if (changes.Count > 0)
            {
                var onlyMoved = changes.Count == 1 && moved.Contains(step.Id);
                steps.Add(new StepChange(onlyMoved ? StepChangeKind.Moved : StepChangeKind.Changed, step.Id, step.Name, changes));
            }
        }

        foreach (var removed in older.Steps.Where(s => !newIds.Contains(s.Id)))
        {
            steps.Add(new StepChange(StepChangeKind.Removed, removed.Id, removed.Name, Compare(DescribeStep(removed), DescribeStep(null))));
        }

        return new FlowDiff(Compare(Describe(older), Describe(newer)), steps);
    }

    /// <summary>Kept steps outside the longest run that keeps its relative order: the fewest steps that explain the new order.</summary>
    private static HashSet<string> MovedSteps(FlowDefinition older, FlowDefinition newer)
    {
        var newIds = newer.Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var oldIds = older.Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var a = older.Steps.Select(s => s.Id).Where(newIds.Contains).Distinct(StringComparer.Ordinal).ToList();
        var b = newer.Steps.Select(s => s.Id).Where(oldIds.Contains).Distinct(StringComparer.Ordinal).ToList();

        var length = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                length[i, j] = a[i] == b[j] ? length[i + 1, j + 1] + 1 : Math.Max(length[i + 1, j], length[i, j + 1]);
            }
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0, j = 0; i < a.Count && j < b.Count;)
        {
            if (a[i] == b[j])
            {
                kept.Add(a[i]);
                (i, j) = (i + 1, j + 1);
            }
            else if (length[i + 1, j] >= length[i, j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return [.. b.Where(id => !kept.Contains(id))];
    }

    private static List<PropertyChange> Compare(IReadOnlyList<(string Property, string? Value)> before, IReadOnlyList<(string Property, string? Value)> after) =>
        [.. before.Zip(after)
            .Where(pair => !string.Equals(pair.First.Value, pair.Second.Value, StringComparison.Ordinal))
            .Select(pair => new PropertyChange(pair.First.Property, pair.First.Value, pair.Second.Value))];

    private static (string, string?)[] DescribeStep(FlowStep? step) =>
    [
        ("Name", Blank(step?.Name)),
        ("Type", step is null ? null : Words(step.Type)),
        ("Prompt", Blank(step?.Prompt)),
        ("Reprompt", Blank(step?.Reprompt)),
        ("Expected input", step is null ? null : Words(step.Input)),
        ("Options", List(step?.Options)),
        ("Validation pattern", Blank(step?.Validation?.Pattern)),
        ("Validation message", Blank(step?.Validation?.Message)),
        ("Validation field", Blank(step?.Validation?.Field)),
        ("Required", step is null ? null : YesNo(step.Required)),
        ("Depends on", List(step?.DependsOn)),
        ("Fields collected", List(step?.Fields)),
        ("Retry limit", step is null ? null : Text(step.MaxRetries)),
    ];

    private static (string, string?)[] Describe(FlowDefinition flow) =>
    [
        ("Flow name", Blank(flow.Name)),
        ("Required fields", List(flow.RequiredFields)),
        ("Field checks", flow.ValidationRules.Count == 0 ? null : string.Join("; ", flow.ValidationRules.Select(r => $"{r.Field} must match {r.Pattern} (\"{r.Message}\")"))),
        ("Transfer to staff", YesNo(flow.Rules.TransferToStaff)),
        ("When nobody can take the call", flow.Rules.WhenNobodyCanTakeTheCall switch
        {
            Fallback.Callback => "promise a callback",
            Fallback.TakeMessage => "take a message",
            var other => Words(other),
        }),
        ("Alternatives to offer", Text(flow.Rules.AlternativesToOffer)),
        ("Minimum confidence", flow.Rules.MinimumConfidence.ToString("0.##", CultureInfo.InvariantCulture)),
    ];

    private static int IndexOf(IReadOnlyList<FlowStep> steps, string id)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string? List(IReadOnlyList<string>? items) => items is null || items.Count == 0 ? null : string.Join(", ", items);

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Words(Enum value) => WireNames.ToSnakeCase(value.ToString()).Replace('_', ' ');
}
