using System.Text.Json;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Conversation;
using CallFlow.Web.Telephony.Simulator;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Conversation;

/// <summary>What the receptionist stores with each turn, in the same save as the call's state.</summary>
public class ReceptionistTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_turn_stores_what_was_said_how_it_was_read_the_step_and_the_reply()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await app.DialAsync();
        await leg.SpeakAsync("a haircut tomorrow at 3");
        await leg.SpeakAsync("Dana Smith");

        await using var db = app.Db();
        var call = (await app.CallAsync(leg.CallSid))!;
        var turns = await db.ConversationTurns.AsNoTracking().Where(t => t.CallId == call.Id).OrderBy(t => t.Sequence).ToListAsync(Token);
        turns.Select(t => (t.CallerText, t.Intent, t.StepId)).ShouldBe([
            (null, null, null),
            ("a haircut tomorrow at 3", Intent.Book, null),
            ("Dana Smith", Intent.Book, "contact"),
        ]);
        turns[1].Confidence.ShouldBe(0.92);
        turns[1].Reply.ShouldBe("Can I have your name and the best number to reach you?");
        using var reading = JsonDocument.Parse(turns[1].Interpretation!);
        reading.RootElement.GetProperty("date").GetString().ShouldBe("2026-03-05");
        reading.RootElement.GetProperty("service").GetProperty("service").GetProperty("name").GetString().ShouldBe("Haircut");
        call.Context.Conversation.Turns.ShouldBe(3);
        call.CurrentStepId.ShouldBe("contact");
    }

    [Fact]
    public async Task A_new_call_is_created_answered_and_greeted_in_one_transaction()
    {
        await using var app = Conversations.OpenSalon();
        SimulatedCall? leg = null;

        var transactions = await app.TransactionsDuringAsync(async () => leg = await app.DialAsync());

        transactions.ShouldBe(1);
        leg!.LastPrompt.ShouldStartWith("Thanks for calling Demo Salon!");
        (await app.ChainAsync(leg.CallSid)).ShouldBe([CallState.Incoming, CallState.Connected]);
        await using var db = app.Db();
        var call = (await app.CallAsync(leg.CallSid))!;
        (await db.ConversationTurns.AsNoTracking().Where(t => t.CallId == call.Id).Select(t => t.Reply).SingleAsync(Token)).ShouldBe(leg.LastPrompt);
    }

    [Fact]
    public async Task Step_events_are_saved_with_the_turn_they_happened_in()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await app.DialAsync();

        await leg.SpeakAsync("a haircut tomorrow at 3");

        var events = await app.StepEventsAsync(leg.CallSid);
        events.Select(e => (e.StepId, e.Kind, e.Unprompted, e.TurnSequence)).ShouldBe([
            ("contact", StepEventKind.Entered, false, 2),
            ("service", StepEventKind.Completed, true, 2),
            ("date", StepEventKind.Completed, true, 2),
            ("time", StepEventKind.Completed, true, 2),
        ], ignoreOrder: true);
        events.ShouldAllBe(e => e.FlowVersionId == 1 && e.BusinessId == "demo-salon");
    }

    [Fact]
    public async Task A_promised_callback_is_saved_as_a_pending_follow_up()
    {
        await using var app = new TelephonyApp(clock: Conversations.SaturdayEvening());
        var leg = await app.DialAsync();
        await leg.SpeakAsync("a color please");

        await leg.SpeakAsync("can I talk to someone");
        await leg.SpeakAsync("yes please");

        await using var db = app.Db();
        var followUp = await db.FollowUps.AsNoTracking().SingleAsync(Token);
        (followUp.Kind, followUp.Status).ShouldBe(("schedule_callback", FollowUpStatus.Pending));
        var callback = followUp.Read().ShouldBeOfType<FollowUp.ScheduleCallback>();
        (callback.PhoneNumber, callback.Collected["service"]).ShouldBe((TelephonyApp.Caller, "Color"));
        (await app.CallAsync(leg.CallSid))!.Outcome.ShouldBe(CallOutcome.CallbackScheduled);
    }

    [Fact]
    public async Task A_caller_who_hangs_up_at_a_step_fails_it_in_the_step_events()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await app.DialAsync();
        await leg.SpeakAsync("a haircut please");

        await leg.HangUpAsync(Token);

        (await app.CallAsync(leg.CallSid))!.State.ShouldBe(CallState.Failed);
        (await app.StepEventsAsync(leg.CallSid))[^1].ShouldSatisfyAllConditions(
            e => e.StepId.ShouldBe("date"),
            e => e.Kind.ShouldBe(StepEventKind.Failed),
            e => e.Reason.ShouldBe(StepFailureReason.CallerHungUp));
    }

    [Fact]
    public async Task A_callback_answered_picks_the_booking_up_at_the_step_it_stopped()
    {
        await using var app = Conversations.OpenSalon();
        var call = await StatusCallbackTests.CreateOutboundAsync(app);
        await using (var db = app.Db())
        {
            var stored = await db.Calls.FirstAsync(c => c.Id == call.Id, Token);
            stored.Context = new CallContext { CollectedData = { ["service"] = "Color", ["date"] = "2026-03-06" } };
            stored.Context.AppointmentData = new AppointmentData { ServiceId = "demo-salon-color", Date = new DateOnly(2026, 3, 6) };
            await db.SaveChangesAsync(Token);
        }

        var leg = await app.Carrier().AnswerOutboundAsync(call.CallSid, call.From, call.To, cancellationToken: Token);

        leg.LastPrompt.ShouldBe("Hello, this is Demo Salon returning your call. Let's pick up your booking where we left off. And what time suits you?");
        await leg.SpeakAsync("11 am");
        leg.LastPrompt.ShouldBe("Can I have your name and the best number to reach you?");
        (await app.ChainAsync(call.CallSid)).ShouldBe([CallState.Ringing, CallState.Connected, CallState.BookingAppointment, CallState.CollectingInfo, CallState.CollectingInfo]);
    }

    [Fact]
    public async Task A_booking_the_calendar_cannot_take_is_saved_as_a_provisional_follow_up()
    {
        await using var app = new TelephonyApp(clock: Conversations.WednesdayMorning()) { UseInMemoryDesk = true };
        ((InMemoryBookingDesk)app.Desk).CalendarDown = true;
        var leg = await app.DialAsync();
        await leg.SpeakAsync("a haircut on Friday at 3, it's Dana Smith, 917 555 0123");

        await leg.SpeakAsync("yes");

        leg.LastPrompt.ShouldContain("we'll confirm it by text message shortly");
        await using var db = app.Db();
        var provisional = (await db.FollowUps.AsNoTracking().SingleAsync(Token)).Read().ShouldBeOfType<FollowUp.TakeProvisionalBooking>();
        (provisional.ServiceId, provisional.CustomerName, provisional.CustomerPhone).ShouldBe(("demo-salon-haircut", "Dana Smith", Conversations.DanasNumber));
        var call = (await app.CallAsync(leg.CallSid))!;
        (call.State, call.Outcome).ShouldBe((CallState.Ended, CallOutcome.MessageTaken));
    }
}
