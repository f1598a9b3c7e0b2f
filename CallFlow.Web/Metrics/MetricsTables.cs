using System.Globalization;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Metrics;

namespace CallFlow.Web.Metrics;

/// <summary>One table of figures, as the page shows it and the CSV lists it (the same strings in both).</summary>
public sealed record FigureTable(string Id, string Title, string RowHeader, IReadOnlyList<string> Columns, IReadOnlyList<FigureRow> Rows);

public sealed record FigureRow(string Label, IReadOnlyList<string> Cells);

/// <summary>
/// A report as tables of text: counts as integers, rates as percentages with one decimal, times in seconds or
/// milliseconds as the row or column says; an empty cell where there is nothing to divide by.
/// </summary>
public static class MetricsTables
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<FigureTable> For(MetricsReport report) =>
        [Summary(report), Funnel(report.Funnel), OutcomesByDay(report), BusiestHours(report.BusiestHours), Latency(report.Latency), Callbacks(report.Callbacks)];

    public static FigureTable Summary(MetricsReport report)
    {
        var turnsPerCall = report.Calls == 0 ? "" : ((double)report.Latency.Turns / report.Calls).ToString("0.0", Invariant);
        var busiest = report.BusiestHours.Busiest is { } b ? $"{b.Day} {b.Hour:00}:00 ({b.Calls})" : "";
        return new FigureTable("summary", "Summary", "Figure", ["Value"],
        [
            Row("Calls", Count(report.Calls)),
            Row("Booked", Count(report.Booked)),
            Row("Booking rate", Percent(report.Funnel.BookingRate)),
            Row("Still on the call", Count(report.StillGoing)),
            Row("Average handle time (s)", Seconds(report.HandleTime.Average?.TotalSeconds)),
            Row("Calls handled (answered and ended)", Count(report.HandleTime.Calls)),
            Row("Turns", Count(report.Latency.Turns)),
            Row("Turns per call", turnsPerCall),
            Row("Callbacks scheduled", Count(report.Callbacks.Scheduled)),
            Row("Callbacks completed", Count(report.Callbacks.Completed)),
            Row("Busiest hour", busiest),
        ]);
    }

    public static FigureTable Funnel(FunnelReport funnel) => new("funnel", "Booking funnel", "Stage",
        ["Reached", "Conversion", "Of calls", "Dropped", "Drop-off", "Top drop-off reasons", "Entered", "Completed", "Unprompted", "Failed", "Retries", "Seconds to complete"],
        [.. funnel.Stages.Select(s => new FigureRow(s.Name,
        [
            Count(s.Reached), Percent(s.Conversion), Percent(s.ShareOfCalls), Count(s.Dropped), Percent(s.DropOffRate),
            string.Join("; ", s.TopReasons(3).Select(r => $"{r.Reason} {r.Count}")),
            Count(s.Step?.Entered), Count(s.Step?.Completed), Count(s.Step?.Unprompted), Count(s.Step?.Failed), Count(s.Step?.Retries),
            Seconds(s.Step?.AverageSecondsToComplete),
        ]))]);

    public static FigureTable OutcomesByDay(MetricsReport report)
    {
        var outcomes = Enum.GetValues<CallOutcome>();
        return new FigureTable("outcomes_by_day", "Outcomes per day", "Day",
            [.. outcomes.Select(o => DropReasons.For(o)), DropReasons.StillOnTheCall, "total"],
            [.. report.Days.Select(d => new FigureRow(d.Date.ToString("yyyy-MM-dd", Invariant),
                [.. outcomes.Select(o => Count(d.Count(o))), Count(d.StillGoing), Count(d.Total)]))]);
    }

    public static FigureTable BusiestHours(WeekHours hours) => new("busiest_hours", "Calls by hour of the week", "Day",
        [.. Enumerable.Range(0, 24).Select(h => h.ToString("00", Invariant))],
        [.. WeekHours.Days.Select(d => new FigureRow(d.ToString(), [.. Enumerable.Range(0, 24).Select(h => Count(hours[d, h]))]))]);

    public static FigureTable Latency(LatencyFigures latency) => new("latency", "Server processing time per turn", "Figure", ["Value"],
    [
        Row("Turns", Count(latency.Turns)),
        Row("p50 (ms)", Milliseconds(latency.P50)),
        Row("p95 (ms)", Milliseconds(latency.P95)),
        Row("p99 (ms)", Milliseconds(latency.P99)),
        Row("Mean (ms)", Milliseconds(latency.Mean)),
        Row("Max (ms)", Milliseconds(latency.Max)),
    ]);

    public static FigureTable Callbacks(CallbackFigures callbacks) => new("callbacks", "Callbacks", "Figure", ["Value"],
    [
        Row("Scheduled", Count(callbacks.Scheduled)),
        Row("Completed", Count(callbacks.Completed)),
        .. callbacks.Requested.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => Row($"Requested by staff: {r.Key}", Count(r.Value))),
        .. callbacks.Promised.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Row($"Promised on the call: {p.Key}", Count(p.Value))),
    ]);

    private static FigureRow Row(string label, string value) => new(label, [value]);

    private static string Count(int? count) => count?.ToString(Invariant) ?? "";

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", Invariant) + "%" : "";

    private static string Seconds(double? seconds) => seconds?.ToString("0.0", Invariant) ?? "";

    private static string Milliseconds(double? ms) => ms?.ToString("0.0", Invariant) ?? "";
}
