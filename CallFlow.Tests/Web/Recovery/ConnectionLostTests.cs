using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Conversation;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Calls;
using CallFlow.Web.Recovery;
using CallFlow.Web.Telephony;
using static CallFlow.Domain.Calls.CallState;

namespace CallFlow.Tests.Web.Recovery;

/// <summary>
/// connection_lost end to end over the carrier endpoints: a caller cut off mid-booking keeps their progress, is offered
/// to continue when they call again within the window, and is otherwise called back and picked up where they stopped.
/// </summary>
public class ConnectionLostTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string AtTheTimeStep = "And what time suits you?";

    /// <summary>A caller asks for a haircut on Friday and hangs up when asked for the time.</summary>
    private static async Task<string> DropAtTheTimeStepAsync(TelephonyApp app)
    {
        var leg = await app.DialAsync();
        await leg.SpeakAsync("I'd like a haircut on Friday");
        leg.LastPrompt.ShouldBe(AtTheTimeStep);
        await leg.HangUpAsync(Token);
        return leg.CallSid;
    }

    [Fact]
    public async Task A_caller_who_drops_at_the_time_step_and_calls_back_resumes_at_the_time_step_with_service_and_date_kept()
    {
        await using var app = Conversations.OpenSalon();
        var lost = await DropAtTheTimeStepAsync(app);
        app.Clock!.Advance(TimeSpan.FromMinutes(3));

        var again = await app.DialAsync();
        again.LastPrompt.ShouldBe("Welcome back! Would you like to continue booking your haircut for Friday, March 6th?");
        await again.SpeakAsync("yes please");

        again.LastPrompt.ShouldBe($"Great, let's pick up where we left off. {AtTheTimeStep}");
        var call = (await app.CallAsync(again.CallSid))!;
        (call.Context.CollectedData["service"], call.Context.CollectedData["date"]).ShouldBe(("Haircut", "2026-03-06"));
        (call.CurrentStepId, call.Context.Recovery.ResumedFromCallId).ShouldBe(("time", (await app.CallAsync(lost))!.Id));
        await again.SpeakAsync("3 pm");
        again.LastPrompt.ShouldBe("Can I have your name and the best number to reach you?");

        var callback = (await app.CallbacksAsync()).ShouldHaveSingleItem();
        callback.Status.ShouldBe(CallbackStatus.Cancelled, "the caller reached us first");
        (await app.AuditAsync(lost))[^1].Detail.ShouldStartWith("recovery: connection_lost → the caller called back within the resume window");
    }

    [Fact]
    public async Task A_caller_who_declines_to_continue_starts_afresh()
    {
        await using var app = Conversations.OpenSalon();
        await DropAtTheTimeStepAsync(app);

        var again = await app.DialAsync();
        await again.SpeakAsync("no thanks");

        again.LastPrompt.ShouldBe("No problem. How can I help you today?");
        (await app.CallAsync(again.CallSid))!.Context.CollectedData.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_caller_back_after_the_resume_window_is_greeted_as_usual_and_still_called_back()
    {
        await using var app = Conversations.OpenSalon();
        await DropAtTheTimeStepAsync(app);
        app.Clock!.Advance(TimeSpan.FromMinutes(16));

        var again = await app.DialAsync();

        again.LastPrompt.ShouldStartWith("Thanks for calling Demo Salon!");
        (await app.CallbacksAsync()).ShouldHaveSingleItem().Status.ShouldBe(CallbackStatus.Pending);
    }

    [Fact]
    public async Task The_lost_call_keeps_its_progress_and_books_a_callback_in_five_minutes_in_its_audit_trail()
    {
        await using var app = Conversations.OpenSalon();
        var dropped = app.Clock!.GetUtcNow();

        var lost = await DropAtTheTimeStepAsync(app);

        var call = (await app.CallAsync(lost))!;
        (call.State, call.Context.Recovery.ProgressSavedAt).ShouldBe((Failed, dropped));
        var callback = (await app.CallbacksAsync()).ShouldHaveSingleItem();
        (callback.PhoneNumber, callback.DueAt, callback.Status, callback.RequestedBy).ShouldBe((TelephonyApp.Caller, dropped.AddMinutes(5), CallbackStatus.Pending, CallbackRequest.ByRecovery));
        var decision = (await app.AuditAsync(lost))[^1];
        (decision.From, decision.To, decision.Trigger, decision.ActorName).ShouldBe((Failed, Failed, CallTrigger.RecoveryDecided, "recovery"));
        decision.Detail.ShouldBe("recovery: connection_lost → progress saved, call back at 2026-03-04 15:05 UTC (attempt 1 of 3) (carrier status completed)");
    }

    [Fact]
    public async Task The_callback_fires_places_an_outbound_call_and_the_answered_callback_resumes_the_flow()
    {
        await using var app = Conversations.OpenSalon();
        var lost = await DropAtTheTimeStepAsync(app);
        app.Clock!.Advance(TimeSpan.FromMinutes(5));

        await app.RunDueJobsAsync();

        var outbound = (await app.OutboundCallsAsync()).ShouldHaveSingleItem();
        (outbound.From, outbound.To).ShouldBe((TelephonyApp.DemoNumber, TelephonyApp.Caller));
        (await app.OutboxAsync(OutboxKind.Call)).ShouldHaveSingleItem().CarrierSid.ShouldBe(outbound.CallSid);
        var callee = await app.AnsweredCallbackAsync(outbound.CallSid);
        callee.LastPrompt.ShouldBe($"Hello, this is Demo Salon returning your call. Let's pick up your booking where we left off. {AtTheTimeStep}");
        await callee.SpeakAsync("3 pm");
        callee.LastPrompt.ShouldBe("Can I have your name and the best number to reach you?");

        (await app.CallbacksAsync()).ShouldHaveSingleItem().Status.ShouldBe(CallbackStatus.Answered);
        var resumed = (await app.CallAsync(outbound.CallSid))!;
        (resumed.Context.CollectedData["service"], resumed.Context.CollectedData["date"], resumed.Context.CollectedData["time"]).ShouldBe(("Haircut", "2026-03-06", "15:00"));
        (await app.ChainAsync(outbound.CallSid)).ShouldBe([Ringing, Connected, BookingAppointment, CollectingInfo, CollectingInfo]);
        (await app.AuditAsync(lost)).ShouldContain(t => t.Trigger == CallTrigger.RecoveryDecided && t.Detail!.Contains("callback #1, attempt 1 of 3 placed"));
    }

    [Fact]
    public async Task A_loss_detected_while_the_caller_is_still_connected_tells_them_we_will_call_back_shortly()
    {
        await using var app = Conversations.OpenSalon();
        var carrier = app.Carrier();
        var leg = await app.DialAsync(carrier);
        await leg.SpeakAsync("I'd like a haircut on Friday");

        using var response = await carrier.PostAsync(WebhookUrls.Fallback,
            TelephonyApp.CallForm(leg.CallSid, extra: [("ErrorCode", "11200"), ("ErrorUrl", carrier.Url(WebhookUrls.Turn))]), Token);
        var twiml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync(Token)).Root!;
        await app.RunDueJobsAsync();

        twiml.Element("Say")!.Value.ShouldContain("we'll call you back shortly");
        twiml.Element("Hangup").ShouldNotBeNull();
        (await app.CallAsync(leg.CallSid))!.State.ShouldBe(Failed);
        var callback = (await app.CallbacksAsync()).ShouldHaveSingleItem();
        (callback.Status, callback.DueAt).ShouldBe((CallbackStatus.Pending, app.Clock!.GetUtcNow().AddMinutes(5)));
    }

    [Fact]
    public async Task An_unanswered_callback_is_tried_again_after_the_spacing_and_then_the_owner_is_texted()
    {
        await using var app = new TelephonyApp(clock: Conversations.WednesdayMorning());
        app.With("Carrier:AnswerSimulatedCalls", "false");
        await DropAtTheTimeStepAsync(app);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            app.Clock!.Advance(TimeSpan.FromMinutes(attempt == 1 ? 5 : 10));
            await app.RunDueJobsAsync();
            var outbound = (await app.OutboundCallsAsync())[^1];
            await app.Carrier().MissOutboundAsync(outbound.CallSid, outbound.From, outbound.To, cancellationToken: Token);
        }

        await app.RunDueJobsAsync();
        (await app.OutboundCallsAsync()).Count.ShouldBe(3);
        var callback = (await app.CallbacksAsync()).ShouldHaveSingleItem();
        (callback.Status, callback.Attempts).ShouldBe((CallbackStatus.Failed, 3));
        var told = (await app.OutboxAsync(OutboxKind.Message)).ShouldHaveSingleItem();
        (told.To, told.Body).ShouldBe(("+12125550147", $"Demo Salon: we could not reach {TelephonyApp.Caller} after 3 callback attempts (connection_lost at time). Please call them."));
    }
}
