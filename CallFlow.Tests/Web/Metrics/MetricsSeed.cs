using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Flows;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calls;
using CallFlow.Web.Conversation;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Metrics;

/// <summary>One step event of a seeded call.</summary>
internal sealed record SeededStep(string StepId, StepEventKind Kind, StepFailureReason? Reason = null, double? DurationMs = null, bool Unprompted = false);

/// <summary>
/// A call written straight into the app's database with what the recorders would have saved: the call (its outcome,
/// times, flow version), the transition into booking when the caller wanted to book, step events and turns.
/// </summary>
internal sealed record SeededCall(string StartedAtLocal, CallOutcome? Outcome)
{
    public string BusinessId { get; init; } = DemoBusiness.Id;

    public bool WantsToBook { get; init; }

    public long? FlowVersionId { get; init; }

    /// <summary>From answering to hanging up.</summary>
    public TimeSpan Length { get; init; } = TimeSpan.FromMinutes(2);

    public IReadOnlyList<SeededStep> Steps { get; init; } = [];

    /// <summary>The server processing time of each turn, in milliseconds.</summary>
    public IReadOnlyList<double> TurnsMs { get; init; } = [];

    public IReadOnlyList<CallbackStatus> Callbacks { get; init; } = [];

    /// <summary>Placed from the console's test-call page.</summary>
    public bool IsTest { get; init; }
}

internal static class MetricsSeed
{
    public static SeededStep Entered(string step) => new(step, StepEventKind.Entered);

    public static SeededStep Completed(string step, double? ms = null, bool unprompted = false) => new(step, StepEventKind.Completed, DurationMs: ms, Unprompted: unprompted);

    public static SeededStep Retried(string step, StepFailureReason reason) => new(step, StepEventKind.Retried, reason);

    public static SeededStep Failed(string step, StepFailureReason reason) => new(step, StepEventKind.Failed, reason);

    /// <summary>Every step of the demo flow asked and answered, then the read-back confirmed.</summary>
    public static SeededStep[] WholeBooking() =>
    [
        Entered("service"), Completed("service", 2_000), Entered("date"), Completed("date", 3_000), Entered("time"), Completed("time", 4_000),
        Entered("contact"), Completed("contact", 6_000), Entered("confirmation"), Completed("confirmation", 1_000),
    ];

    /// <summary>The demo salon's published flow (version 1, seeded with the business).</summary>
    public static async Task<long> DemoFlowVersionAsync(this CallFlowApp app)
    {
        await using var db = app.Db();
        return await db.FlowVersions.Where(v => v.BusinessId == DemoBusiness.Id).Select(v => v.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>An archived version of the demo salon's flow with these steps (each filling a field of its name).</summary>
    public static async Task<long> AddFlowVersionAsync(this CallFlowApp app, int number, params string[] steps)
    {
        var flow = new FlowDefinition { Name = $"Version {number}", Steps = [.. steps.Select(id => new FlowStep { Id = id, Prompt = $"{id}?", Fields = [id] })] };
        var version = new FlowVersion
        {
            BusinessId = DemoBusiness.Id, Number = number, Status = FlowStatus.Archived, Definition = FlowJson.Serialize(flow),
            CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "test",
        };
        await using var db = app.Db();
        db.FlowVersions.Add(version);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return version.Id;
    }

    public static async Task<IReadOnlyList<string>> SeedAsync(this CallFlowApp app, params SeededCall[] calls)
    {
        var ids = new List<string>();
        await using var db = app.Db();
        var zones = await db.Businesses.ToDictionaryAsync(b => b.Id, b => TimeZoneInfo.FindSystemTimeZoneById(b.TimeZoneId), TestContext.Current.CancellationToken);
        foreach (var seeded in calls)
        {
            var local = DateTime.Parse(seeded.StartedAtLocal, System.Globalization.CultureInfo.InvariantCulture);
            var zone = zones[seeded.BusinessId];
            var started = new DateTimeOffset(local, zone.GetUtcOffset(local));
            var call = new Call
            {
                CallSid = Infrastructure.Calls.NewSid(),
                BusinessId = seeded.BusinessId,
                From = "+12125550100",
                To = "+15005550006",
                State = StateOf(seeded.Outcome, seeded.WantsToBook),
                StartedAt = started,
                AnsweredAt = started,
                EndedAt = seeded.Outcome is null ? null : started + seeded.Length,
                LastActivityAt = started,
                Outcome = seeded.Outcome,
                FlowVersionId = seeded.FlowVersionId,
                IsTest = seeded.IsTest,
            };
            db.Calls.Add(call);
            ids.Add(call.Id);
            if (seeded.WantsToBook)
            {
                db.CallTransitions.Add(new CallTransition { CallId = call.Id, From = CallState.Connected, To = CallState.BookingAppointment, Trigger = CallTrigger.IntentIdentified, At = started });
            }

            var turn = 0;
            foreach (var step in seeded.Steps)
            {
                db.StepEvents.Add(new CallStepEvent
                {
                    CallId = call.Id, BusinessId = call.BusinessId, FlowVersionId = seeded.FlowVersionId, TurnSequence = ++turn, StepId = step.StepId,
                    Kind = step.Kind, Reason = step.Reason, Unprompted = step.Unprompted, DurationMs = step.DurationMs, At = started.AddSeconds(turn),
                });
            }

            var sequence = 0;
            foreach (var ms in seeded.TurnsMs)
            {
                db.ConversationTurns.Add(new ConversationTurn { CallId = call.Id, Sequence = ++sequence, At = started.AddSeconds(sequence), Reply = "…", ProcessingMs = ms });
            }

            foreach (var status in seeded.Callbacks)
            {
                db.CallbackRequests.Add(new CallbackRequest
                {
                    CallId = call.Id, BusinessId = call.BusinessId, PhoneNumber = call.From, DueAt = started.AddHours(1), RequestedBy = "Dana", RequestedAt = started, Status = status,
                });
            }
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return ids;
    }

    private static CallState StateOf(CallOutcome? outcome, bool booking) => outcome switch
    {
        null => booking ? CallState.CollectingInfo : CallState.InConversation,
        CallOutcome.Booked => CallState.Completed,
        CallOutcome.Abandoned => CallState.Abandoned,
        CallOutcome.Failed => CallState.Failed,
        _ => CallState.Ended,
    };
}
