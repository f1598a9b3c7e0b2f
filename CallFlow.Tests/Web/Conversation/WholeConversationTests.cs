using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Businesses;
using CallFlow.Web.Telephony.Simulator;
using Microsoft.EntityFrameworkCore;
using static CallFlow.Domain.Calls.CallState;

namespace CallFlow.Tests.Web.Conversation;

/// <summary>Whole booking conversations driven by the carrier simulator over HTTP, each with its audit chain.</summary>
public class WholeConversationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_caller_books_in_one_utterance_and_confirms()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await app.DialAsync();

        await leg.SpeakAsync("Hi, I'd like to book a haircut tomorrow at 3, it's Dana Smith, my number is 917 555 0123");
        leg.LastPrompt.ShouldBe("Let me read that back: a Haircut on Thursday, March 5th at 3 PM for Dana Smith, and we'll text the confirmation to the number ending in 0123. Shall I book that for you?");
        await leg.SpeakAsync("yes");

        leg.LastPrompt.ShouldBe("You're all set! Your Haircut is booked for Thursday, March 5th at 3 PM, and we'll text you a confirmation. Thanks for calling Demo Salon. Goodbye!");
        leg.EndedBy.ShouldBe(SimulatedCallEnd.AppHungUp);
        var call = (await app.CallAsync(leg.CallSid))!;
        (call.State, call.Outcome).ShouldBe((Completed, CallOutcome.Booked));
        (await app.ChainAsync(leg.CallSid)).ShouldBe([Incoming, Connected, BookingAppointment, CollectingInfo, ConfirmingDetails, BookingAppointment, Completed]);
        var booked = (await app.Desk.FindUpcomingAsync(DemoBusiness.Id, Conversations.DanasNumber, Token)).ShouldNotBeNull();
        (booked.ServiceName, booked.CustomerName, booked.LocalStart.DateTime).ShouldBe(("Haircut", "Dana Smith", new DateTime(2026, 3, 5, 15, 0, 0)));
        call.Context.AppointmentData.AppointmentId.ShouldBe(booked.AppointmentId);
    }

    [Fact]
    public async Task A_caller_books_step_by_step()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await app.DialAsync();

        await leg.SpeakAsync("I'd like to make an appointment");
        leg.LastPrompt.ShouldBe("Which service would you like: Haircut, Color, Styling or Consultation?");
        await leg.SpeakAsync("styling");
        leg.LastPrompt.ShouldBe("What day would you like to come in?");
        await leg.SpeakAsync("Friday");
        leg.LastPrompt.ShouldBe("And what time suits you?");
        await leg.SpeakAsync("half past ten");
        leg.LastPrompt.ShouldBe("Can I have your name and the best number to reach you?");
        await leg.SpeakAsync("Dana Smith");
        leg.LastPrompt.ShouldBe("And what's the best number to reach you?");
        await leg.SpeakAsync("917 555 0123");
        leg.LastPrompt.ShouldStartWith("Let me read that back: a Styling on Friday, March 6th at 10:30 AM for Dana Smith");
        await leg.SpeakAsync("yes please");

        leg.LastPrompt.ShouldStartWith("You're all set!");
        (await app.ChainAsync(leg.CallSid)).ShouldBe([Incoming, Connected, BookingAppointment, CollectingInfo, CollectingInfo, CollectingInfo,
            CollectingInfo, CollectingInfo, ConfirmingDetails, BookingAppointment, Completed]);
        var events = await app.StepEventsAsync(leg.CallSid);
        events.Where(e => e.Kind == StepEventKind.Entered).Select(e => e.StepId).ShouldBe(["service", "date", "time", "contact", "confirmation"]);
        events.Where(e => e.Kind == StepEventKind.Completed).Select(e => e.StepId).ShouldBe(["service", "date", "time", "contact", "confirmation"]);
    }

    [Fact]
    public async Task A_caller_corrects_the_time_at_the_read_back()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await app.DialAsync();
        await leg.SpeakAsync("a haircut tomorrow at 3, it's Dana Smith, 917 555 0123");

        // Two writes: the new hold (which replaces the 3 o'clock one) and the turn's own save.
        (await app.TransactionsBegunDuringAsync(() => leg.SpeakAsync("no, make it 4"))).ShouldBe(2);
        leg.LastPrompt.ShouldStartWith("Let me read that back: a Haircut on Thursday, March 5th at 4 PM for Dana Smith");
        await using (var db = app.Db())
        {
            var callId = (await app.CallAsync(leg.CallSid))!.Id;
            (await db.SlotHolds.Where(h => h.CallId == callId).Select(h => h.StartUtc).ToListAsync(Token)).ShouldBe([new DateTimeOffset(2026, 3, 5, 21, 0, 0, TimeSpan.Zero)]);
        }

        await leg.SpeakAsync("yes");

        leg.LastPrompt.ShouldStartWith("You're all set! Your Haircut is booked for Thursday, March 5th at 4 PM");
        (await app.ChainAsync(leg.CallSid)).ShouldBe([Incoming, Connected, BookingAppointment, CollectingInfo, ConfirmingDetails,
            CollectingInfo, ConfirmingDetails, BookingAppointment, Completed]);
        (await app.Desk.FindUpcomingAsync(DemoBusiness.Id, Conversations.DanasNumber, Token))!.LocalStart.Hour.ShouldBe(16);
    }

    [Fact]
    public async Task An_invalid_phone_number_is_asked_again()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await app.DialAsync();
        await leg.SpeakAsync("a haircut tomorrow at 3, it's Dana Smith");

        await leg.SpeakAsync("my number is 555 12");
        leg.LastPrompt.ShouldBe("That number seems to be missing some digits. What phone number can we reach you on?");
        await leg.SpeakAsync("917 555 0123");
        leg.LastPrompt.ShouldEndWith("the number ending in 0123. Shall I book that for you?");
        await leg.SpeakAsync("yes");

        (await app.CallAsync(leg.CallSid))!.State.ShouldBe(Completed);
        (await app.ChainAsync(leg.CallSid)).ShouldBe([Incoming, Connected, BookingAppointment, CollectingInfo, CollectingInfo,
            ConfirmingDetails, BookingAppointment, Completed]);
        (await app.StepEventsAsync(leg.CallSid)).ShouldContain(e => e.StepId == "contact" && e.Kind == StepEventKind.Retried && e.Reason == StepFailureReason.Validation);
    }

    [Fact]
    public async Task A_caller_who_asks_for_a_part_of_the_day_picks_one_of_the_times_read_out()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await app.DialAsync();

        await leg.SpeakAsync("a haircut on Friday after 4, it's Dana Smith, 917 555 0123");
        leg.LastPrompt.ShouldStartWith("I can do ");
        leg.LastPrompt.ShouldEndWith("Which would you like?");
        await leg.SpeakAsync("the first one");
        leg.LastPrompt.ShouldStartWith("Let me read that back: a Haircut on Friday, March 6th at ");
        await leg.SpeakAsync("yes");

        var booked = (await app.Desk.FindUpcomingAsync(DemoBusiness.Id, Conversations.DanasNumber, Token)).ShouldNotBeNull();
        booked.LocalStart.DateTime.ShouldBeGreaterThanOrEqualTo(new DateTime(2026, 3, 6, 16, 0, 0));
        (await app.ChainAsync(leg.CallSid)).ShouldBe([Incoming, Connected, BookingAppointment, CollectingInfo, ConfirmingDetails, BookingAppointment, Completed]);
    }

    [Fact]
    public async Task Three_silences_at_a_step_hand_the_caller_to_staff()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await app.DialAsync();
        await leg.SpeakAsync("a haircut please");

        await leg.StayQuietAsync(Token);
        leg.LastPrompt.ShouldBe("Sorry, I didn't catch that. Which day would suit you best?");
        await leg.StayQuietAsync(Token);
        leg.LastPrompt.ShouldBe("Sorry, I didn't catch that. You can say a day like tomorrow, Friday, or March 12th.");
        await leg.StayQuietAsync(Token);

        leg.Dialed.ShouldBe(["+12125550147"]);
        var call = (await app.CallAsync(leg.CallSid))!;
        (call.State, call.Outcome).ShouldBe((Ended, CallOutcome.Transferred));
        var trail = await app.TrailAsync(leg.CallSid);
        trail.Select(t => t.To).ShouldBe([Incoming, Connected, BookingAppointment, CollectingInfo, Transferring, Ended]);
        trail[^2].Trigger.ShouldBe(CallTrigger.MaxRetriesReached);
        (await app.StepEventsAsync(leg.CallSid)).Where(e => e.StepId == "date").Select(e => (e.Kind, e.Reason, e.Attempt)).ShouldBe([
            (StepEventKind.Entered, null, 0),
            (StepEventKind.Retried, StepFailureReason.NoInput, 1),
            (StepEventKind.Retried, StepFailureReason.NoInput, 2),
            (StepEventKind.Failed, StepFailureReason.NoInput, 3),
        ]);
    }

    [Fact]
    public async Task Three_silences_after_hours_end_with_a_callback_promise()
    {
        await using var app = new TelephonyApp(clock: Conversations.SaturdayEvening());
        var leg = await app.DialAsync();

        await leg.StayQuietAsync(Token);
        await leg.StayQuietAsync(Token);
        await leg.StayQuietAsync(Token);

        leg.EndedBy.ShouldBe(SimulatedCallEnd.AppHungUp);
        (await app.CallAsync(leg.CallSid))!.Outcome.ShouldBe(CallOutcome.CallbackScheduled);
        (await app.ChainAsync(leg.CallSid)).ShouldBe([Incoming, Connected, Ended]);
    }

    [Fact]
    public async Task A_caller_asks_a_question_and_then_books()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await app.DialAsync();

        await leg.SpeakAsync("what are your opening hours?");
        leg.LastPrompt.ShouldBe("We're open Monday to Saturday from 9 in the morning to 6 in the evening, and closed on Sundays. Would you like to book an appointment?");
        await leg.SpeakAsync("yes, a haircut");
        leg.LastPrompt.ShouldBe("What day would you like to come in?");
        await leg.SpeakAsync("Friday at 11");
        await leg.SpeakAsync("Dana Smith, 917 555 0123");
        leg.LastPrompt.ShouldStartWith("Let me read that back: a Haircut on Friday, March 6th at 11 AM");
        await leg.SpeakAsync("yes");

        (await app.CallAsync(leg.CallSid))!.Outcome.ShouldBe(CallOutcome.Booked);
        (await app.ChainAsync(leg.CallSid)).ShouldBe([Incoming, Connected, InConversation, BookingAppointment, CollectingInfo, CollectingInfo,
            ConfirmingDetails, BookingAppointment, Completed]);
    }

    [Fact]
    public async Task A_caller_who_asks_for_a_person_is_transferred()
    {
        await using var app = Conversations.OpenSalon();
        var carrier = app.Carrier();
        carrier.DialOutcome = "completed";
        var leg = await app.DialAsync(carrier);

        await leg.SpeakAsync("can I speak to someone please");

        leg.Dialed.ShouldBe(["+12125550147"]);
        (await app.CallAsync(leg.CallSid))!.Outcome.ShouldBe(CallOutcome.Transferred);
        var trail = await app.TrailAsync(leg.CallSid);
        trail.Select(t => (t.To, t.Trigger)).ShouldBe([
            (Incoming, CallTrigger.IncomingCall), (Connected, CallTrigger.CallAnswered),
            (Transferring, CallTrigger.TransferRequested), (Ended, CallTrigger.TransferCompleted),
        ]);
    }

    [Fact]
    public async Task A_caller_moves_their_upcoming_appointment()
    {
        await using var app = Conversations.OpenSalon();
        await app.BookByPhoneAsync();
        var leg = await app.DialAsync();

        await leg.SpeakAsync("I'd like to reschedule my appointment");
        leg.LastPrompt.ShouldBe("I found your Haircut on Thursday, March 5th at 3 PM. What day would you like to come in?");
        await leg.SpeakAsync("next Tuesday at 11");
        leg.LastPrompt.ShouldBe("Let me read that back: your Haircut moves from Thursday, March 5th at 3 PM to Tuesday, March 10th at 11 AM. Shall I move it?");
        await leg.SpeakAsync("yes");

        leg.LastPrompt.ShouldStartWith("Done! Your Haircut is now on Tuesday, March 10th at 11 AM.");
        (await app.ChainAsync(leg.CallSid)).ShouldBe([Incoming, Connected, BookingAppointment, CollectingInfo, ConfirmingDetails, BookingAppointment, Completed]);
        (await app.Desk.FindUpcomingAsync(DemoBusiness.Id, TelephonyApp.Caller, Token))!.LocalStart.DateTime.ShouldBe(new DateTime(2026, 3, 10, 11, 0, 0));
    }

    [Fact]
    public async Task A_caller_cancels_their_upcoming_appointment()
    {
        await using var app = Conversations.OpenSalon();
        await app.BookByPhoneAsync();
        var leg = await app.DialAsync();

        await leg.SpeakAsync("I need to cancel my appointment");
        leg.LastPrompt.ShouldBe("I found your Haircut on Thursday, March 5th at 3 PM. Would you like me to cancel it?");
        await leg.SpeakAsync("yes");
        leg.LastPrompt.ShouldBe("Done. Your Haircut on Thursday, March 5th at 3 PM is cancelled. Is there anything else I can help you with?");
        await leg.SpeakAsync("no thanks, bye");

        leg.EndedBy.ShouldBe(SimulatedCallEnd.AppHungUp);
        (await app.Desk.FindUpcomingAsync(DemoBusiness.Id, TelephonyApp.Caller, Token)).ShouldBeNull();
        (await app.ChainAsync(leg.CallSid)).ShouldBe([Incoming, Connected, InConversation, Ended]);
        (await app.CallAsync(leg.CallSid))!.Outcome.ShouldBe(CallOutcome.InquiryAnswered);
    }
}
