using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Flows;
using CallFlow.Domain.Metrics;
using CallFlow.Web.Calls;
using CallFlow.Web.Conversation;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Metrics;

/// <summary>The booking funnel's data: which calls wanted to book, their step events tallied per call and step, and the steps in order.</summary>
public sealed partial class MetricsQueries
{
    private static async Task<FunnelReport> FunnelAsync(
        CallFlowDb db, IQueryable<Call> calls, string businessId, long? version, IReadOnlyList<OutcomeTally> allOutcomes, CancellationToken cancellationToken)
    {
        // Booking intent: the call went into booking (the audit trail says so) or reached a step (a callback resuming a booking).
        var booking = calls.Where(c =>
            db.CallTransitions.Any(t => t.CallId == c.Id && t.Accepted && t.To == CallState.BookingAppointment)
            || db.StepEvents.Any(e => e.CallId == c.Id));
        var bookingCalls = await booking.Select(c => new { c.Id, c.Outcome }).ToListAsync(cancellationToken);
        var tallies = await db.StepEvents.AsNoTracking()
            .Where(e => calls.Any(c => c.Id == e.CallId))
            .GroupBy(e => new { e.CallId, e.StepId, e.Kind, e.Reason, e.Unprompted })
            .Select(g => new
            {
                g.Key.CallId,
                g.Key.StepId,
                g.Key.Kind,
                g.Key.Reason,
                g.Key.Unprompted,
                Count = g.Count(),
                DurationMs = g.Sum(e => e.DurationMs ?? 0),
                Durations = g.Count(e => e.DurationMs != null),
                LastOrder = g.Max(e => e.Id),
            })
            .ToListAsync(cancellationToken);

        var byCall = tallies.ToLookup(t => t.CallId, t => new StepTally(t.StepId, t.Kind, t.Count)
        {
            Reason = t.Reason,
            Unprompted = t.Unprompted,
            DurationMs = t.DurationMs,
            Durations = t.Durations,
            LastOrder = t.LastOrder,
        });
        var funnelCalls = bookingCalls.Select(c => new FunnelCall(c.Id, c.Outcome, [.. byCall[c.Id]])).ToList();

        // Calls that never wanted to book: every call's outcome less the booking calls' outcomes.
        var otherCalls = allOutcomes.Select(o => o with { Count = o.Count - funnelCalls.Count(c => c.Outcome == o.Outcome) }).ToList();

        var steps = await StepsAsync(db, calls, businessId, version, cancellationToken);
        return Funnel.Compute(new FunnelInput(steps, otherCalls, funnelCalls));
    }

    /// <summary>
    /// The steps in order: the version's own; for all versions, those of every version the period's calls ran, merged
    /// newest first; without calls, the published version's (or the built-in flow's).
    /// </summary>
    private static async Task<IReadOnlyList<FunnelStep>> StepsAsync(CallFlowDb db, IQueryable<Call> calls, string businessId, long? version, CancellationToken cancellationToken)
    {
        List<long> ran = version is { } v
            ? [v]
            : await calls.Where(c => c.FlowVersionId != null).Select(c => c.FlowVersionId!.Value).Distinct().ToListAsync(cancellationToken);
        var stored = db.FlowVersions.AsNoTracking().Where(f => f.BusinessId == businessId);
        var definitions = ran.Count > 0
            ? await stored.Where(f => ran.Contains(f.Id)).OrderByDescending(f => f.Number).Select(f => f.Definition).ToListAsync(cancellationToken)
            : await stored.Where(f => f.Status == FlowStatus.Published).Select(f => f.Definition).ToListAsync(cancellationToken);

        var flows = definitions.Select(json => FlowJson.TryDeserialize(json, out var flow, out _) ? StepsOf(flow!) : []).ToList();
        if (ran.Contains(FlowVersionFilter.BuiltIn) || flows.Count == 0)
        {
            flows.Add(StepsOf(BuiltInFlow));
        }

        return Funnel.MergeSteps(flows);
    }

    private static readonly FlowDefinition BuiltInFlow = DefaultFlows.Booking(new BusinessProfile { Id = "", Name = "", TimeZoneId = "UTC" });

    /// <summary>A flow's steps as the funnel shows them, with the read-back the engine adds when the flow has none.</summary>
    private static IReadOnlyList<FunnelStep> StepsOf(FlowDefinition flow)
    {
        var steps = flow.Steps.Select(s => new FunnelStep(s.Id, string.IsNullOrWhiteSpace(s.Name) ? s.Id : s.Name)).ToList();
        if (!flow.Steps.Any(s => s.Type == StepType.Confirmation))
        {
            steps.Add(new FunnelStep(ConversationSteps.Confirmation, "Read-back"));
        }

        return steps;
    }
}
