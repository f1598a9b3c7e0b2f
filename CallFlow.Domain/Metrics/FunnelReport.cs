namespace CallFlow.Domain.Metrics;

/// <summary>The booking funnel: calls → booking intent → each flow step in order → booked.</summary>
public sealed record FunnelReport(IReadOnlyList<FunnelStage> Stages)
{
    public int Calls => Stages.Count == 0 ? 0 : Stages[0].Reached;

    public int Booked => Stages.Count == 0 ? 0 : Stages[^1].Reached;

    /// <summary>Booked calls as a share of all calls (0–1), or null without calls.</summary>
    public double? BookingRate => Calls == 0 ? null : (double)Booked / Calls;

    public FunnelStage? Stage(string key) => Stages.FirstOrDefault(s => s.Key == key);
}

public enum FunnelStageKind
{
    Calls,
    BookingIntent,
    Step,
    Booked,
}

/// <summary>
/// One stage of the funnel. Every call counts once, at the furthest stage it reached (a booked call has passed
/// every stage; a call reaching a later step has passed the earlier ones, even one it answered before being asked),
/// so <see cref="Reached"/> never grows down the funnel, and the drops of all stages plus the booked calls add up to the calls.
/// </summary>
/// <param name="Key">Stable across versions: "calls", "booking_intent", "step:{id}", "booked".</param>
/// <param name="Name">"Calls", "Wanted to book", the step's name, "Booked".</param>
/// <param name="Kind">Which of the four kinds of stage this is.</param>
/// <param name="Reached">Calls that got at least this far.</param>
/// <param name="Conversion">Reached here ÷ reached at the stage before (0–1); null for the first stage or when none reached the stage before.</param>
/// <param name="ShareOfCalls">Reached here ÷ all calls (0–1); null without calls.</param>
/// <param name="Dropped">Calls that got this far and no further (none at "booked": those calls made it).</param>
/// <param name="Reasons">Why they stopped here, most frequent first (see <see cref="DropReasons"/>).</param>
/// <param name="Step">What the step's events say, for step stages.</param>
public sealed record FunnelStage(
    string Key,
    string Name,
    FunnelStageKind Kind,
    int Reached,
    double? Conversion,
    double? ShareOfCalls,
    int Dropped,
    IReadOnlyList<ReasonCount> Reasons,
    StepFigures? Step = null)
{
    /// <summary>Dropped ÷ reached (0–1); null when nobody reached the stage.</summary>
    public double? DropOffRate => Reached == 0 ? null : (double)Dropped / Reached;

    public IEnumerable<ReasonCount> TopReasons(int count) => Reasons.Take(count);
}

public sealed record ReasonCount(string Reason, int Count);

/// <summary>
/// A step's own events over the calls: how many calls were asked it, completed it (also before being asked:
/// <see cref="Unprompted"/>), failed it (retries ran out, transferred, or hung up there), the retries it took, and
/// the average time from being asked to being completed.
/// </summary>
public sealed record StepFigures(int Entered, int Completed, int Unprompted, int Failed, int Retries, double? AverageSecondsToComplete);

/// <summary>One stage of two funnels side by side (either may lack a step the other's flow has).</summary>
public sealed record FunnelComparisonRow(string Key, string Name, FunnelStage? A, FunnelStage? B)
{
    /// <summary>How many percentage points more of B's calls than A's reached the stage (negative: fewer).</summary>
    public double? SharePointsDifference => A?.ShareOfCalls is { } a && B?.ShareOfCalls is { } b ? Math.Round((b - a) * 100, 1) : null;
}
