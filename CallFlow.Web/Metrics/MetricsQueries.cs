using CallFlow.Domain.Calls;
using CallFlow.Domain.Metrics;
using CallFlow.Web.Calls;
using CallFlow.Web.Conversation;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Metrics;

/// <summary>
/// The figures behind the metrics page and its CSV, for one business the viewer may see (the ids come from
/// <c>BusinessScope</c>; any other business gives null). Days are the business's (see <see cref="ReportingPeriod"/>).
/// The database does the counting: calls grouped by quarter hour and outcome, step events grouped per call and
/// step, percentiles picked by rank; only the per-call facts the funnel needs come back row by row. Test calls from the
/// console are left out (<see cref="Call.IsTest"/>).
/// </summary>
public sealed partial class MetricsQueries(IDbContextFactory<CallFlowDb> dbFactory)
{
    // Every zone in use today is offset from UTC by whole quarter hours, so a quarter hour of UTC falls on one local day and hour.
    private const long QuarterHour = TimeSpan.TicksPerMinute * 15;

    // FollowUp.ScheduleCallback's kind.
    private const string ScheduleCallbackKind = "schedule_callback";

    /// <summary>The flow versions the figures can be limited to: the business's published and archived versions, and the built-in flow if calls ran it.</summary>
    public async Task<IReadOnlyList<FlowVersionChoice>> VersionsAsync(IReadOnlyCollection<string> businessIds, string businessId, CancellationToken cancellationToken = default)
    {
        if (!businessIds.Contains(businessId))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var versions = await db.FlowVersions.AsNoTracking()
            .Where(v => v.BusinessId == businessId && v.Status != FlowStatus.Draft)
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.Status })
            .ToListAsync(cancellationToken);
        var choices = versions.Select(v => new FlowVersionChoice(v.Id, VersionLabel(v.Number, v.Status))).ToList();
        if (await db.Calls.AnyAsync(c => c.BusinessId == businessId && c.FlowVersionId == FlowVersionFilter.BuiltIn && !c.IsTest, cancellationToken))
        {
            choices.Add(new FlowVersionChoice(FlowVersionFilter.BuiltIn, "Built-in flow"));
        }

        return choices;
    }

    /// <summary>The report, or null when the business is not one of <paramref name="businessIds"/> (or does not exist).</summary>
    /// <exception cref="ArgumentException">The period is backwards or longer than <see cref="ReportingPeriod.MaxDays"/>.</exception>
    public async Task<MetricsReport?> ReportAsync(IReadOnlyCollection<string> businessIds, MetricsRequest request, CancellationToken cancellationToken = default)
    {
        if (!businessIds.Contains(request.BusinessId))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var business = await db.Businesses.AsNoTracking().Where(b => b.Id == request.BusinessId)
            .Select(b => new { b.Id, b.Name, b.TimeZoneId })
            .FirstOrDefaultAsync(cancellationToken);
        if (business is null)
        {
            return null;
        }

        var period = new ReportingPeriod(request.From, request.To, Zone(business.TimeZoneId));
        var calls = CallsOf(db, business.Id, period, request.FlowVersionId);
        var activity = await ActivityAsync(calls, period, cancellationToken);
        var funnel = await FunnelAsync(db, calls, business.Id, request.FlowVersionId, activity.Outcomes, cancellationToken);
        var latency = await LatencyAsync(db, calls, cancellationToken);
        var callbacks = await CallbacksAsync(db, calls, cancellationToken);
        var label = await VersionLabelAsync(db, business.Id, request.FlowVersionId, cancellationToken);
        return new MetricsReport(business.Id, business.Name, business.TimeZoneId, period, label, funnel, activity.Days, activity.Hours, activity.HandleTime, latency, callbacks);
    }

    private static IQueryable<Call> CallsOf(CallFlowDb db, string businessId, ReportingPeriod period, long? version)
    {
        var (start, end) = (period.Start, period.End);
        var calls = db.Calls.AsNoTracking().Where(c => c.BusinessId == businessId && c.StartedAt >= start && c.StartedAt < end && !c.IsTest);
        return version is { } v ? calls.Where(c => c.FlowVersionId == v) : calls;
    }

    private sealed record Activity(IReadOnlyList<DayOutcomes> Days, WeekHours Hours, HandleTime HandleTime, IReadOnlyList<OutcomeTally> Outcomes);

    private static async Task<Activity> ActivityAsync(IQueryable<Call> calls, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var quarters = await calls
            .GroupBy(c => new { Quarter = StoredTicks.Of(c.StartedAt) / QuarterHour, c.Outcome })
            .Select(g => new
            {
                g.Key.Quarter,
                g.Key.Outcome,
                Calls = g.Count(),
                Handled = g.Count(c => c.AnsweredAt != null && c.EndedAt != null),
                HandleTicks = g.Sum(c => c.AnsweredAt != null && c.EndedAt != null ? StoredTicks.Of(c.EndedAt) - StoredTicks.Of(c.AnsweredAt) : 0),
            })
            .ToListAsync(cancellationToken);

        var byDay = period.Dates.ToDictionary(d => d, d => new DayTally());
        var hours = WeekHours.Empty();
        var (handled, handleTicks) = (0, 0L);
        foreach (var quarter in quarters)
        {
            var instant = new DateTimeOffset(quarter.Quarter * QuarterHour, TimeSpan.Zero);
            var day = byDay[period.DayOf(instant)];
            if (quarter.Outcome is { } outcome)
            {
                day.Outcomes[outcome] = day.Outcomes.GetValueOrDefault(outcome) + quarter.Calls;
            }
            else
            {
                day.StillGoing += quarter.Calls;
            }

            var (weekday, hour) = period.HourOfWeek(instant);
            hours.Add(weekday, hour, quarter.Calls);
            handled += quarter.Handled;
            handleTicks += Math.Max(0, quarter.HandleTicks ?? 0);
        }

        var outcomes = quarters.GroupBy(q => q.Outcome).Select(g => new OutcomeTally(g.Key, g.Sum(q => q.Calls))).ToList();
        var days = byDay.OrderBy(d => d.Key).Select(d => new DayOutcomes(d.Key, d.Value.Outcomes, d.Value.StillGoing)).ToList();
        return new Activity(days, hours, new HandleTime(handled, TimeSpan.FromTicks(handleTicks)), outcomes);
    }

    private static async Task<LatencyFigures> LatencyAsync(CallFlowDb db, IQueryable<Call> calls, CancellationToken cancellationToken)
    {
        var turns = db.ConversationTurns.AsNoTracking().Where(t => calls.Any(c => c.Id == t.CallId)).Select(t => t.ProcessingMs);
        var summary = await turns.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Mean = g.Average(), Max = g.Max() })
            .FirstOrDefaultAsync(cancellationToken);
        if (summary is null || summary.Count == 0)
        {
            return new LatencyFigures(0, null, null, null, null, null);
        }

        // Nearest rank: the database sorts and hands back the one value at each rank, so no turn list is loaded.
        async Task<double> AtAsync(double percentile) =>
            await turns.OrderBy(ms => ms).Skip(Percentiles.NearestRank(percentile, summary.Count) - 1).FirstAsync(cancellationToken);

        return new LatencyFigures(summary.Count, await AtAsync(50), await AtAsync(95), await AtAsync(99), Math.Round(summary.Mean, 1), summary.Max);
    }

    private static async Task<CallbackFigures> CallbacksAsync(CallFlowDb db, IQueryable<Call> calls, CancellationToken cancellationToken)
    {
        var requested = await db.CallbackRequests.AsNoTracking().Where(r => calls.Any(c => c.Id == r.CallId))
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var promised = await db.FollowUps.AsNoTracking().Where(f => f.Kind == ScheduleCallbackKind && calls.Any(c => c.Id == f.CallId))
            .GroupBy(f => f.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new CallbackFigures(
            requested.ToDictionary(r => r.Key.ToString(), r => r.Count),
            promised.ToDictionary(p => p.Key.ToString(), p => p.Count));
    }

    private static async Task<string> VersionLabelAsync(CallFlowDb db, string businessId, long? version, CancellationToken cancellationToken)
    {
        switch (version)
        {
            case null:
                return FlowVersionFilter.AllLabel;
            case FlowVersionFilter.BuiltIn:
                return "Built-in flow";
        }

        var stored = await db.FlowVersions.AsNoTracking().Where(v => v.Id == version && v.BusinessId == businessId)
            .Select(v => new { v.Number, v.Status }).FirstOrDefaultAsync(cancellationToken);
        return stored is null ? $"Version #{version}" : VersionLabel(stored.Number, stored.Status);
    }

    private static string VersionLabel(int number, FlowStatus status) =>
        status == FlowStatus.Published ? $"Version {number} (published)" : $"Version {number}";

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private sealed class DayTally
    {
        public Dictionary<CallOutcome, int> Outcomes { get; } = [];

        public int StillGoing { get; set; }
    }
}
