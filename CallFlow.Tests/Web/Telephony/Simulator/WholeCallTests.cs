using CallFlow.Domain.Calls;
using CallFlow.Web.Calls;
using CallFlow.Web.Conversation;
using CallFlow.Web.Telephony;
using CallFlow.Web.Telephony.Simulator;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CallFlow.Tests.Web.Telephony.Simulator;

/// <summary>Whole calls played by the carrier simulator against the real webhooks over HTTP.</summary>
public class WholeCallTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Wednesday 4 March 2026, 10:00 in New York: the demo salon is open.</summary>
    private static FakeTimeProvider OpenHours() => new(DateTimeOffset.Parse("2026-03-04T15:00:00Z", CultureInfo.InvariantCulture));

    /// <summary>Saturday 7 March 2026, 20:00 in New York: the demo salon is closed.</summary>
    private static FakeTimeProvider AfterHours() => new(DateTimeOffset.Parse("2026-03-08T01:00:00Z", CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_caller_walks_the_booking_steps_and_every_exchange_is_stored()
    {
        await using var app = new TelephonyApp(clock: OpenHours());
        var carrier = app.Carrier();

        var leg = await carrier.DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, Token);
        leg.LastPrompt.ShouldStartWith("Thanks for calling Demo Salon!");
        leg.IsListening.ShouldBeTrue();

        await leg.SayAsync("I'd like a trim please", cancellationToken: Token);
        leg.LastPrompt.ShouldBe("What day would you like to come in?");
        await leg.SayAsync("tomorrow", cancellationToken: Token);
        leg.LastPrompt.ShouldBe("And what time suits you?");
        await leg.SayAsync("3 pm", cancellationToken: Token);
        leg.LastPrompt.ShouldBe("Can I have your name and the best number to reach you?");
        await leg.SayAsync("Ana Lopez, same number", cancellationToken: Token);

        leg.LastPrompt.ShouldStartWith("Let me read that back: a Haircut on Thursday, March 5th at 3 PM for Ana Lopez");
        leg.IsListening.ShouldBeTrue();
        var call = (await app.CallAsync(leg.CallSid))!;
        call.State.ShouldBe(CallState.ConfirmingDetails);
        call.Context.CollectedData.ShouldBe(new Dictionary<string, string>
        {
            ["service"] = "Haircut", ["date"] = "2026-03-05", ["time"] = "15:00", ["customerName"] = "Ana Lopez", ["customerPhone"] = TelephonyApp.Caller,
        });
        await using var db = app.Db();
        var turns = await db.ConversationTurns.Where(t => t.CallId == call.Id).OrderBy(t => t.Sequence).ToListAsync(Token);
        turns.Select(t => t.CallerText).ShouldBe([null, "I'd like a trim please", "tomorrow", "3 pm", "Ana Lopez, same number"]);
        turns.Select(t => t.Sequence).ShouldBe([1, 2, 3, 4, 5]);
        turns.ShouldAllBe(t => t.Reply.Length > 0 && t.ProcessingMs >= 0);
        turns[1].Confidence.ShouldBe(0.92);
        var trail = await db.CallTransitions.Where(t => t.CallId == call.Id).OrderBy(t => t.Id).Select(t => t.To).ToListAsync(Token);
        trail.ShouldBe([CallState.Incoming, CallState.Connected, CallState.BookingAppointment, CallState.CollectingInfo,
            CallState.CollectingInfo, CallState.CollectingInfo, CallState.ConfirmingDetails]);
    }

    [Fact]
    public async Task Silence_is_reprompted_and_the_third_silence_ends_the_call_politely()
    {
        await using var app = new TelephonyApp(clock: AfterHours());
        var leg = await app.Carrier().DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, Token);

        await leg.StayQuietAsync(Token);
        leg.LastPrompt.ShouldStartWith("Sorry, I didn't catch that.");
        await leg.StayQuietAsync(Token);
        leg.IsListening.ShouldBeTrue();
        await leg.StayQuietAsync(Token);

        leg.LastPrompt.ShouldStartWith("I'm sorry, I'm having trouble understanding. Someone from Demo Salon will call you back");
        leg.EndedBy.ShouldBe(SimulatedCallEnd.AppHungUp);
        var call = (await app.CallAsync(leg.CallSid))!;
        (call.State, call.Outcome).ShouldBe((CallState.Ended, CallOutcome.CallbackScheduled));
    }

    [Fact]
    public async Task Speaking_resets_the_silence_count()
    {
        await using var app = new TelephonyApp(clock: OpenHours());
        var leg = await app.Carrier().DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, Token);

        await leg.StayQuietAsync(Token);
        await leg.StayQuietAsync(Token);
        await leg.SayAsync("a color", cancellationToken: Token);
        await leg.StayQuietAsync(Token);
        await leg.StayQuietAsync(Token);

        leg.IsListening.ShouldBeTrue();
        leg.LastPrompt.ShouldBe("Sorry, I didn't catch that. You can say a day like tomorrow, Friday, or March 12th.");
    }

    [Fact]
    public async Task A_caller_who_asks_for_a_person_is_transferred_and_the_call_ends_when_the_transfer_completes()
    {
        await using var app = new TelephonyApp(clock: OpenHours());
        var carrier = app.Carrier();
        carrier.DialOutcome = "completed";
        var leg = await carrier.DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, Token);

        await leg.SayAsync("Can I talk to a person?", cancellationToken: Token);

        leg.Dialed.ShouldBe(["+12125550147"]);
        leg.EndedBy.ShouldBe(SimulatedCallEnd.AppHungUp);
        var call = (await app.CallAsync(leg.CallSid))!;
        (call.State, call.Outcome).ShouldBe((CallState.Ended, CallOutcome.Transferred));
    }

    [Theory]
    [InlineData("no-answer")]
    [InlineData("busy")]
    [InlineData("failed")]
    public async Task A_transfer_nobody_takes_brings_the_caller_back_to_the_assistant(string outcome)
    {
        await using var app = new TelephonyApp(clock: OpenHours());
        var carrier = app.Carrier();
        carrier.DialOutcome = outcome;
        var leg = await carrier.DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, Token);

        await leg.SayAsync("I'd like to speak to someone at the desk", cancellationToken: Token);

        leg.LastPrompt.ShouldBe("Of course. Connecting you to the front desk now. Please hold. I'm sorry, nobody could take your call right now. Would you like someone to call you back at this number?");
        leg.Dialed.ShouldBe(["+12125550147"]);
        leg.IsListening.ShouldBeTrue();
        (await app.CallAsync(leg.CallSid))!.State.ShouldBe(CallState.InConversation);
    }

    [Fact]
    public async Task A_caller_who_hangs_up_mid_booking_leaves_a_failed_call_with_what_they_said()
    {
        await using var app = new TelephonyApp();
        var leg = await app.Carrier().DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, Token);
        await leg.SayAsync("a haircut", cancellationToken: Token);

        await leg.HangUpAsync(Token);

        leg.EndedBy.ShouldBe(SimulatedCallEnd.CallerHungUp);
        var call = (await app.CallAsync(leg.CallSid))!;
        (call.State, call.CarrierStatus).ShouldBe((CallState.Failed, "completed"));
        call.Context.CollectedData["service"].ShouldBe("Haircut");
    }

    [Fact]
    public async Task Saying_goodbye_ends_the_call()
    {
        await using var app = new TelephonyApp();
        var leg = await app.Carrier().DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, Token);

        await leg.SayAsync("ok bye", cancellationToken: Token);

        leg.LastPrompt.ShouldBe("Thanks for calling Demo Salon. Goodbye!");
        (await app.CallAsync(leg.CallSid))!.State.ShouldBe(CallState.Ended);
    }

    [Fact]
    public async Task Keypad_digits_count_as_an_answer()
    {
        await using var app = new TelephonyApp(clock: OpenHours());
        var leg = await app.Carrier().DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, Token);
        await leg.SayAsync("I'd like to book an appointment", cancellationToken: Token);

        await leg.PressAsync("2", Token);

        leg.LastPrompt.ShouldBe("What day would you like to come in?");
        leg.Transcript[^2].ShouldBe(new SimulatedLine("caller", "[pressed 2]"));
        (await app.CallAsync(leg.CallSid))!.Context.CollectedData["service"].ShouldBe("Color");
    }

    [Fact]
    public async Task Caller_words_that_look_like_markup_never_break_the_reply()
    {
        await using var app = new TelephonyApp(clock: OpenHours());
        var leg = await app.Carrier().DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, Token);

        await leg.SayAsync("Tom & Jerry's <Hangup/> \"special\"", cancellationToken: Token);

        leg.IsListening.ShouldBeTrue();
        leg.LastPrompt.ShouldStartWith("Sorry, I didn't quite understand.");
        await using var db = app.Db();
        (await db.ConversationTurns.OrderBy(t => t.Id).LastAsync(Token)).CallerText.ShouldBe("Tom & Jerry's <Hangup/> \"special\"");
    }

    [Fact]
    public async Task A_call_to_an_unknown_number_hears_it_is_not_in_service()
    {
        await using var app = new TelephonyApp();

        var leg = await app.Carrier().DialAsync(TelephonyApp.Caller, "+15550009999", Token);

        leg.LastPrompt.ShouldBe(Receptionist.NotInService);
        leg.EndedBy.ShouldBe(SimulatedCallEnd.AppHungUp);
    }

    [Fact]
    public async Task The_fallback_url_apologises_promises_a_callback_and_records_the_failure()
    {
        await using var app = new TelephonyApp();
        var carrier = app.Carrier();
        var leg = await carrier.DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, Token);
        await leg.SayAsync("a color", cancellationToken: Token);

        var form = TelephonyApp.CallForm(leg.CallSid, extra: [("ErrorCode", "11205"), ("ErrorUrl", carrier.Url(WebhookUrls.Turn))]);
        using var response = await carrier.PostAsync(WebhookUrls.Fallback, form, Token);

        var twiml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync(Token)).Root!;
        twiml.Elements().Select(e => e.Name.LocalName).ShouldBe(["Say", "Hangup"]);
        twiml.Element("Say")!.Value.ShouldContain("we'll call you back shortly");
        var call = (await app.CallAsync(leg.CallSid))!;
        (call.State, call.Outcome).ShouldBe((CallState.Failed, CallOutcome.CallbackScheduled));
        call.Context.CollectedData["service"].ShouldBe("Color");
        await using var db = app.Db();
        var last = await db.CallTransitions.Where(t => t.CallId == call.Id).OrderBy(t => t.Id).LastAsync(Token);
        last.Trigger.ShouldBe(CallTrigger.ConnectionLost);
        last.Detail.ShouldStartWith("recovery: connection_lost → progress saved, call back at ");
        last.Detail.ShouldEndWith("(carrier error 11205)");
    }

    [Fact]
    public async Task A_caller_put_on_hold_hears_the_wait_message_and_comes_back_when_redirected()
    {
        await using var app = new TelephonyApp();
        var carrier = app.Carrier();
        var leg = await carrier.DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, Token);

        await leg.RedirectAsync(CallInstructions.FromTwiml($"<Response><Enqueue waitUrl=\"{carrier.Url(WebhookUrls.Wait)}\">front-desk</Enqueue></Response>"), Token);
        (leg.IsOnHold, leg.Queue).ShouldBe((true, "front-desk"));
        leg.LastPrompt.ShouldBe("Thanks for holding. Someone will be with you shortly.");

        await leg.RedirectAsync(CallInstructions.FromUrl(carrier.Url(WebhookUrls.Turn)), Token);
        (leg.IsOnHold, leg.IsListening).ShouldBe((false, true));
    }

    [Fact]
    public async Task The_simulator_signs_for_the_public_url_it_is_told_while_sending_to_the_local_server()
    {
        await using var app = new TelephonyApp();
        app.With("Twilio:PublicBaseUrl", "https://callflow.example.com/");

        var leg = await app.Carrier(new Uri("https://callflow.example.com/")).DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, Token);
        await leg.SayAsync("a haircut", cancellationToken: Token);

        leg.LastPrompt.ShouldEndWith("What day would you like to come in?");
    }
}
