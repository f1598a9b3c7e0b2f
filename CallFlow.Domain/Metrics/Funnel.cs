using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;

namespace CallFlow.Domain.Metrics;

/// <summary>
/// The booking funnel's arithmetic, from tallies the Web reads out of the database. Each call counts once, at the
/// furthest stage it reached: booked calls at "booked"; other calls with booking intent at the latest flow step they
/// have any event for (or at "booking intent" when none); calls without booking intent at "calls". A call stopped
/// at a step is explained by its last failure there (no input, no match, validation, calendar conflict, caller hung
/// up, transferred), else by how the call ended, else "still on the call".
/// </summary>
public static class Funnel
{
    public const string CallsKey = "calls";
    public const string BookingIntentKey = "booking_intent";
    public const string BookedKey = "booked";

    public static string StepKey(string stepId) => $"step:{stepId}";

    public static FunnelReport Compute(FunnelInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var steps = input.Steps.DistinctBy(s => s.Id).ToList();
        var position = steps.Select((step, i) => (step.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var stageCount = steps.Count + 3;
        var stoppedAt = new int[stageCount];
        var reasons = Enumerable.Range(0, stageCount).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();

        foreach (var other in input.OtherCalls.Where(o => o.Count > 0))
        {
            stoppedAt[0] += other.Count;
            Add(reasons[0], DropReasons.For(other.Outcome), other.Count);
        }

        foreach (var call in input.BookingCalls)
        {
            var (stage, reason) = Furthest(call, steps, position);
            stoppedAt[stage]++;
            if (reason is not null)
            {
                Add(reasons[stage], reason, 1);
            }
        }

        var stages = new List<FunnelStage>(stageCount);
        var calls = stoppedAt.Sum();
        var reached = calls;
        for (var i = 0; i < stageCount; i++)
        {
            var (key, name, kind) = i switch
            {
                0 => (CallsKey, "Calls", FunnelStageKind.Calls),
                1 => (BookingIntentKey, "Wanted to book", FunnelStageKind.BookingIntent),
                _ when i == stageCount - 1 => (BookedKey, "Booked", FunnelStageKind.Booked),
                _ => (StepKey(steps[i - 2].Id), steps[i - 2].Name, FunnelStageKind.Step),
            };
            var before = i == 0 ? (int?)null : stages[i - 1].Reached;
            stages.Add(new FunnelStage(
                key, name, kind, reached,
                Conversion: before is > 0 ? (double)reached / before.Value : null,
                ShareOfCalls: calls == 0 ? null : (double)reached / calls,
                Dropped: kind == FunnelStageKind.Booked ? 0 : stoppedAt[i],
                Reasons: [.. reasons[i].OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => new ReasonCount(r.Key, r.Value))],
                Step: kind == FunnelStageKind.Step ? Figures(steps[i - 2].Id, input.BookingCalls) : null));
            reached -= stoppedAt[i];
        }

        return new FunnelReport(stages);
    }

    /// <summary>Two funnels stage by stage, in A's order with B's own steps placed after the step they follow in B.</summary>
    public static IReadOnlyList<FunnelComparisonRow> Compare(FunnelReport a, FunnelReport b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var keys = MergeOrder([[.. a.Stages.Select(s => s.Key)], [.. b.Stages.Select(s => s.Key)]]);
        return [.. keys.Select(key =>
        {
            var (left, right) = (a.Stage(key), b.Stage(key));
            return new FunnelComparisonRow(key, (left ?? right)!.Name, left, right);
        })];
    }

    /// <summary>
    /// One step order for several flow versions (newest first): the first's order, with each step only another has
    /// placed right after the step it follows there. Used for a funnel over calls on different versions.
    /// </summary>
    public static IReadOnlyList<FunnelStep> MergeSteps(IEnumerable<IReadOnlyList<FunnelStep>> flows)
    {
        var all = flows.ToList();
        var names = all.SelectMany(f => f).GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        return [.. MergeOrder([.. all.Select(f => (IReadOnlyList<string>)[.. f.Select(s => s.Id)])]).Select(id => new FunnelStep(id, names[id]))];
    }

    private static List<string> MergeOrder(IReadOnlyList<IReadOnlyList<string>> orders)
    {
        var merged = new List<string>();
        foreach (var order in orders)
        {
            var after = -1;
            foreach (var key in order)
            {
                var at = merged.IndexOf(key);
                if (at < 0)
                {
                    at = after + 1;
                    merged.Insert(at, key);
                }

                after = at;
            }
        }

        return merged;
    }

    private static (int Stage, string? Reason) Furthest(FunnelCall call, List<FunnelStep> steps, Dictionary<string, int> position)
    {
        var booked = steps.Count + 2;
        if (call.Outcome == CallOutcome.Booked)
        {
            return (booked, null);
        }

        var furthest = call.Steps.Where(t => t.Count > 0 && position.ContainsKey(t.StepId)).Select(t => position[t.StepId]).DefaultIfEmpty(-1).Max();
        if (furthest < 0)
        {
            return (1, DropReasons.For(call.Outcome));
        }

        var stepId = steps[furthest].Id;
        var failure = call.Steps
            .Where(t => t.StepId == stepId && t.Kind == StepEventKind.Failed && t.Reason is not null && t.Count > 0)
            .MaxBy(t => t.LastOrder);
        return (furthest + 2, failure is not null ? DropReasons.For(failure.Reason!.Value) : DropReasons.For(call.Outcome));
    }

    private static StepFigures Figures(string stepId, IReadOnlyList<FunnelCall> calls)
    {
        int entered = 0, completed = 0, unprompted = 0, failed = 0, retries = 0, timed = 0;
        var milliseconds = 0.0;
        foreach (var call in calls)
        {
            var tallies = call.Steps.Where(t => t.StepId == stepId && t.Count > 0).ToList();
            entered += tallies.Any(t => t.Kind == StepEventKind.Entered) ? 1 : 0;
            completed += tallies.Any(t => t.Kind == StepEventKind.Completed) ? 1 : 0;
            unprompted += tallies.Any(t => t.Kind == StepEventKind.Completed && t.Unprompted) ? 1 : 0;
            failed += tallies.Any(t => t.Kind == StepEventKind.Failed) ? 1 : 0;
            retries += tallies.Where(t => t.Kind == StepEventKind.Retried).Sum(t => t.Count);
            foreach (var done in tallies.Where(t => t.Kind == StepEventKind.Completed && !t.Unprompted))
            {
                milliseconds += done.DurationMs;
                timed += done.Durations;
            }
        }

        return new StepFigures(entered, completed, unprompted, failed, retries, timed == 0 ? null : Math.Round(milliseconds / timed / 1000, 1));
    }

    private static void Add(Dictionary<string, int> counts, string reason, int count) =>
        counts[reason] = counts.GetValueOrDefault(reason) + count;
}
