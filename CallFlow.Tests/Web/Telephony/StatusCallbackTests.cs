using System.Net;
using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calls;
using CallFlow.Web.Telephony;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.Web.Telephony;

public class StatusCallbackTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task PostStatusAsync(TelephonyApp app, string callSid, string status, int? sequence, string direction = "inbound")
    {
        var form = TelephonyApp.CallForm(callSid, extra: [("CallbackSource", "call-progress-events"), ("Timestamp", "Mon, 24 Nov 2026 10:00:00 +0000")])
            .Select(p => p.Key switch
            {
                "CallStatus" => KeyValuePair.Create(p.Key, status),
                "Direction" => KeyValuePair.Create(p.Key, direction),
                _ => p,
            })
            .ToList();
        if (sequence is { } number)
        {
            form.Add(new("SequenceNumber", number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        (await app.PostSignedAsync(WebhookUrls.Status, form)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    private static async Task<List<CallTransition>> TrailAsync(TelephonyApp app, Call call)
    {
        await using var db = app.Db();
        return await db.CallTransitions.AsNoTracking().Where(t => t.CallId == call.Id).OrderBy(t => t.Id).ToListAsync(Token);
    }

    /// <summary>An outbound call as its placer (callback recovery) records it before the carrier reports on it.</summary>
    internal static async Task<Call> CreateOutboundAsync(TelephonyApp app, string? callSid = null)
    {
        await using var db = app.Db();
        var call = new Call
        {
            CallSid = callSid ?? Sids.New(),
            BusinessId = DemoBusiness.Id,
            Direction = CallDirection.Outbound,
            From = TelephonyApp.DemoNumber,
            To = TelephonyApp.Caller,
            StartedAt = DateTimeOffset.UtcNow,
            LastActivityAt = DateTimeOffset.UtcNow,
        };
        db.Calls.Add(call);
        await db.SaveChangesAsync(Token);
        return call;
    }

    [Fact]
    public async Task A_completed_callback_delivered_twice_ends_the_call_once()
    {
        await using var app = new TelephonyApp();
        var call = await app.StartAsync();

        await PostStatusAsync(app, call.CallSid, "completed", 3);
        var once = await TrailAsync(app, call);
        await PostStatusAsync(app, call.CallSid, "completed", 3);

        (await TrailAsync(app, call)).Count.ShouldBe(once.Count);
        once[^1].Trigger.ShouldBe(CallTrigger.CallEnded);
        var stored = (await app.CallAsync(call.CallSid))!;
        stored.State.ShouldBe(CallState.Ended);
        (stored.CarrierStatus, stored.CarrierSequence).ShouldBe(("completed", 3));
    }

    [Fact]
    public async Task An_older_callback_arriving_after_the_end_changes_nothing()
    {
        await using var app = new TelephonyApp();
        var call = await app.StartAsync();

        await PostStatusAsync(app, call.CallSid, "completed", 2);
        var version = (await app.CallAsync(call.CallSid))!.Version;
        await PostStatusAsync(app, call.CallSid, "in-progress", 1);
        await PostStatusAsync(app, call.CallSid, "ringing", 0);

        var stored = (await app.CallAsync(call.CallSid))!;
        (stored.State, stored.CarrierStatus, stored.CarrierSequence, stored.Version).ShouldBe((CallState.Ended, "completed", 2, version));
    }

    [Fact]
    public async Task A_terminal_status_is_never_overwritten_by_a_later_one()
    {
        await using var app = new TelephonyApp();
        var call = await app.StartAsync();

        await PostStatusAsync(app, call.CallSid, "completed", 2);
        await PostStatusAsync(app, call.CallSid, "failed", 3);

        var stored = (await app.CallAsync(call.CallSid))!;
        (stored.State, stored.CarrierStatus, stored.CarrierSequence).ShouldBe((CallState.Ended, "completed", 2));
    }

    [Fact]
    public async Task An_outbound_call_rings_and_connects_whatever_order_its_callbacks_arrive_in()
    {
        await using var app = new TelephonyApp();
        var call = await CreateOutboundAsync(app);

        await PostStatusAsync(app, call.CallSid, "ringing", 1, "outbound-api");
        await PostStatusAsync(app, call.CallSid, "initiated", 0, "outbound-api");
        await PostStatusAsync(app, call.CallSid, "in-progress", 2, "outbound-api");
        await PostStatusAsync(app, call.CallSid, "in-progress", 2, "outbound-api");

        (await TrailAsync(app, call)).Select(t => (t.From, t.To, t.Trigger)).ShouldBe(
        [
            (CallState.Idle, CallState.Ringing, CallTrigger.DialOut),
            (CallState.Ringing, CallState.Connected, CallTrigger.CallAnswered),
        ]);
        (await app.CallAsync(call.CallSid))!.CarrierStatus.ShouldBe("in-progress");
    }

    [Fact]
    public async Task An_outbound_call_nobody_answers_fails_as_not_answered()
    {
        await using var app = new TelephonyApp();
        var call = await CreateOutboundAsync(app);

        await PostStatusAsync(app, call.CallSid, "ringing", 0, "outbound-api");
        await PostStatusAsync(app, call.CallSid, "no-answer", 1, "outbound-api");

        var stored = (await app.CallAsync(call.CallSid))!;
        (stored.State, stored.Outcome).ShouldBe((CallState.Failed, CallOutcome.Failed));
        (await TrailAsync(app, call))[^1].Trigger.ShouldBe(CallTrigger.NotAnswered);
    }

    [Fact]
    public async Task A_hang_up_mid_booking_is_a_connection_loss_that_keeps_progress_and_tells_the_recovery_seam()
    {
        var ended = new RecordingEndedHandler();
        await using var app = new TelephonyApp { TestServices = services => services.AddSingleton<ICallEndedHandler>(ended) };
        var call = await app.StartAsync();
        await app.IdentifyIntentAsync(call, CallFlow.Domain.Conversation.Intent.Book);
        await app.FireAsync(call, CallTrigger.CollectInfo);

        await PostStatusAsync(app, call.CallSid, "completed", 4);

        var lost = (await TrailAsync(app, call)).Last(t => t.From != t.To);
        (lost.From, lost.To, lost.Trigger).ShouldBe((CallState.CollectingInfo, CallState.Failed, CallTrigger.ConnectionLost));
        lost.Detail.ShouldBe("carrier status completed #4");
        var notice = ended.Calls.ShouldHaveSingleItem();
        (notice.CallSid, notice.FinalState, notice.ProgressSaved).ShouldBe((call.CallSid, CallState.Failed, true));
    }

    [Fact]
    public async Task A_hang_up_outside_a_booking_ends_the_call_and_saves_no_progress()
    {
        var ended = new RecordingEndedHandler();
        await using var app = new TelephonyApp { TestServices = services => services.AddSingleton<ICallEndedHandler>(ended) };
        var call = await app.StartAsync();

        await PostStatusAsync(app, call.CallSid, "completed", 1);

        var notice = ended.Calls.ShouldHaveSingleItem();
        (notice.FinalState, notice.Trigger, notice.ProgressSaved).ShouldBe((CallState.Ended, CallTrigger.CallEnded, false));
    }

    [Fact]
    public async Task The_completed_callback_after_the_assistant_hung_up_is_recorded_without_a_transition()
    {
        await using var app = new TelephonyApp();
        var call = await app.StartAsync();
        await app.FireAsync(call, CallTrigger.CallEnded);
        var before = (await TrailAsync(app, call)).Count;

        await PostStatusAsync(app, call.CallSid, "completed", 1);

        (await TrailAsync(app, call)).Count.ShouldBe(before);
        (await app.CallAsync(call.CallSid))!.CarrierStatus.ShouldBe("completed");
    }

    [Fact]
    public async Task Callbacks_without_sequence_numbers_are_ordered_by_the_lifecycle()
    {
        await using var app = new TelephonyApp();
        var call = await CreateOutboundAsync(app);

        await PostStatusAsync(app, call.CallSid, "in-progress", null, "outbound-api");
        await PostStatusAsync(app, call.CallSid, "ringing", null, "outbound-api");

        var stored = (await app.CallAsync(call.CallSid))!;
        (stored.State, stored.CarrierStatus).ShouldBe((CallState.Connected, "in-progress"));
    }

    private sealed class RecordingEndedHandler : ICallEndedHandler
    {
        public List<CallEndedByCarrier> Calls { get; } = [];

        public Task CallEndedAsync(CallEndedByCarrier ended, CancellationToken cancellationToken)
        {
            Calls.Add(ended);
            return Task.CompletedTask;
        }
    }
}
