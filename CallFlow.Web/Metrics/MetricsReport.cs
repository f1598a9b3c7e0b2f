using CallFlow.Domain.Calls;
using CallFlow.Domain.Metrics;

namespace CallFlow.Web.Metrics;

/// <summary>
/// What to report on: one business, whole days in its time zone (inclusive), and the flow version the calls ran
/// (null: every version; <see cref="FlowVersionFilter.BuiltIn"/>: the built-in default flow).
/// </summary>
public sealed record MetricsRequest(string BusinessId, DateOnly From, DateOnly To, long? FlowVersionId = null);

/// <summary>A flow version the figures can be limited to.</summary>
public sealed record FlowVersionChoice(long Id, string Label);

public static class FlowVersionFilter
{
    /// <summary>The id calls on the built-in default flow carry (<c>StoredFlow.BuiltInVersionId</c>).</summary>
    public const long BuiltIn = 0;

    public const string AllLabel = "All versions";
}

/// <summary>
/// Everything the metrics page and its CSV show for one business, period and flow version. Calls are counted on
/// the day they started (in the business's zone); turns, step events and callbacks belong to the calls they are part of.
/// </summary>
public sealed record MetricsReport(
    string BusinessId,
    string BusinessName,
    string TimeZoneId,
    ReportingPeriod Period,
    string VersionLabel,
    FunnelReport Funnel,
    IReadOnlyList<DayOutcomes> Days,
    WeekHours BusiestHours,
    HandleTime HandleTime,
    LatencyFigures Latency,
    CallbackFigures Callbacks)
{
    public int Calls => Funnel.Calls;

    public int Booked => Funnel.Booked;

    public bool IsEmpty => Calls == 0;

    public int StillGoing => Days.Sum(d => d.StillGoing);
}

/// <summary>How the calls that started on one day ended so far.</summary>
public sealed record DayOutcomes(DateOnly Date, IReadOnlyDictionary<CallOutcome, int> Outcomes, int StillGoing)
{
    public int Total => Outcomes.Values.Sum() + StillGoing;

    public int Count(CallOutcome outcome) => Outcomes.GetValueOrDefault(outcome);
}

/// <summary>Calls started per day of the week and hour of the day, on the business's clock.</summary>
public sealed record WeekHours(int[][] Counts)
{
    /// <summary>Monday first, as the table and heat map show them.</summary>
    public static readonly DayOfWeek[] Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static WeekHours Empty() => new([.. Enumerable.Range(0, 7).Select(_ => new int[24])]);

    public int this[DayOfWeek day, int hour] => Counts[(int)day][hour];

    public void Add(DayOfWeek day, int hour, int calls) => Counts[(int)day][hour] += calls;

    public int Max => Counts.SelectMany(c => c).DefaultIfEmpty().Max();

    /// <summary>The busiest hour of the week, or null without calls.</summary>
    public (DayOfWeek Day, int Hour, int Calls)? Busiest => Max == 0 ? null
        : Days.SelectMany(d => Enumerable.Range(0, 24).Select(h => (d, h, this[d, h]))).First(x => x.Item3 == Max);
}

/// <summary>Handle time: from answering to hanging up, over the calls that were answered and have ended.</summary>
public sealed record HandleTime(int Calls, TimeSpan Total)
{
    public TimeSpan? Average => Calls == 0 ? null : Total / Calls;
}

/// <summary>
/// Server processing time per turn (the time to produce a reply, stored with each turn) as nearest-rank
/// percentiles (<see cref="Percentiles"/>), in milliseconds; null without turns.
/// </summary>
public sealed record LatencyFigures(int Turns, double? P50, double? P95, double? P99, double? Mean, double? Max);

/// <summary>
/// Callbacks of the period's calls: asked for from the console (<c>CallbackRequest</c>, completed once placed) and
/// promised by the assistant (<c>schedule_callback</c> follow-ups, completed once done), each by status.
/// </summary>
public sealed record CallbackFigures(IReadOnlyDictionary<string, int> Requested, IReadOnlyDictionary<string, int> Promised)
{
    public const string Placed = "Placed";
    public const string Done = "Done";

    public int Scheduled => Requested.Values.Sum() + Promised.Values.Sum();

    public int Completed => Requested.GetValueOrDefault(Placed) + Promised.GetValueOrDefault(Done);
}
