using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Flows;
using Salon = CallFlow.Tests.Domain.Understanding.Salon;

namespace CallFlow.Tests.Domain.Conversation;

public class RetriesAndFallbackTests
{
    /// <summary>Saturday 7 March 2026, 20:00 in New York: the salon is closed.</summary>
    private static readonly DateTimeOffset SaturdayEvening = DateTimeOffset.Parse("2026-03-08T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Silence_is_asked_again_first_rephrased_then_with_the_options_read_out()
    {
        var line = new Line();
        await line.SayAsync("I'd like to book");

        await line.SilenceAsync();
        line.Heard.ShouldBe("Sorry, I didn't catch that. Which service can I book for you?");
        await line.SilenceAsync();
        line.Heard.ShouldBe("Sorry, I didn't catch that. You can say Haircut, Color, Styling or Consultation, or press 1 to 4.");

        line.Events.Where(e => e.Kind == StepEventKind.Retried).ShouldBe([
            new StepEvent("service", StepEventKind.Retried, StepFailureReason.NoInput) { Attempt = 1 },
            new StepEvent("service", StepEventKind.Retried, StepFailureReason.NoInput) { Attempt = 2 },
        ]);
        await line.PressAsync("2");
        line.Context.CollectedData["service"].ShouldBe("Color");
    }

    [Fact]
    public async Task A_yes_or_no_question_is_asked_again_with_how_to_answer_it()
    {
        var line = new Line();
        await line.SayAsync("what are your prices?");

        await line.SilenceAsync();
        line.Heard.ShouldBe("Sorry, I didn't catch that. Would you like to book an appointment?");
        await line.SilenceAsync();
        line.Heard.ShouldBe("Sorry, I didn't catch that. Would you like to book an appointment? Please say yes or no, or press 1 for yes and 2 for no.");
        await line.PressAsync("1");
        line.Heard.ShouldStartWith("Which service would you like");
    }

    [Fact]
    public async Task The_open_question_is_asked_again_with_what_the_assistant_can_do()
    {
        var line = new Line();

        await line.SilenceAsync();
        line.Heard.ShouldBe("Sorry, I didn't catch that. Thanks for calling Demo Salon. How can I help you today?");
        await line.SayAsync("purple monkey dishwasher");
        line.Heard.ShouldBe("Sorry, I didn't quite understand. You can ask me to book, move or cancel an appointment, or ask about our hours, address or prices.");
    }

    [Fact]
    public async Task Three_silences_during_opening_hours_hand_the_caller_to_staff()
    {
        var line = new Line();
        await line.SayAsync("a haircut please");

        await line.SilenceAsync();
        await line.SilenceAsync();
        await line.SilenceAsync();

        line.Last!.Reply.Steps.OfType<Transfer>().ShouldHaveSingleItem().Number.ShouldBe("+12125550147");
        line.Heard.ShouldBe("I'm sorry, I'm having trouble understanding. Let me put you through to someone at Demo Salon.");
        line.Call.State.ShouldBe(CallState.Transferring);
        line.Call.History[^1].Trigger.ShouldBe(CallTrigger.MaxRetriesReached);
        line.Events.Last().ShouldBe(new StepEvent("date", StepEventKind.Failed, StepFailureReason.NoInput) { Attempt = 3 });
    }

    [Fact]
    public async Task Three_silences_after_hours_promise_a_callback_and_end_the_call()
    {
        var line = new Line(now: SaturdayEvening);

        await line.SilenceAsync();
        await line.SilenceAsync();
        await line.SilenceAsync();

        line.Heard.ShouldBe("I'm sorry, I'm having trouble understanding. Someone from Demo Salon will call you back at this number as soon as possible. Goodbye.");
        line.Last!.Reply.EndsCall.ShouldBeTrue();
        (line.Call.State, line.Call.DecidedOutcome).ShouldBe((CallState.Ended, CallOutcome.CallbackScheduled));
        line.FollowUps.ShouldHaveSingleItem().ShouldBeOfType<FollowUp.ScheduleCallback>().PhoneNumber.ShouldBe(Line.CallerId);
    }

    [Fact]
    public async Task A_flow_that_takes_messages_asks_for_one_and_ends_when_it_is_given()
    {
        var flow = DefaultFlows.Booking(Salon.NewYork) with { Rules = new FlowRules { WhenNobodyCanTakeTheCall = Fallback.TakeMessage } };
        var line = new Line(flow: flow, now: SaturdayEvening);

        await line.SayAsync("purple monkey dishwasher");
        await line.SayAsync("blue elephant");
        await line.SayAsync("green giraffe");
        line.Heard.ShouldEndWith("Please tell me your name and what you'd like me to pass on.");
        line.Call.State.ShouldBe(CallState.InConversation);

        await line.SayAsync("It's Dana, please call me about a wedding party");

        line.FollowUps.ShouldHaveSingleItem().ShouldBe(new FollowUp.DeliverMessage(Line.CallerId, "It's Dana, please call me about a wedding party"));
        (line.Call.State, line.Call.DecidedOutcome).ShouldBe((CallState.Ended, CallOutcome.MessageTaken));
    }

    [Fact]
    public async Task Silence_when_a_message_is_asked_for_ends_with_a_callback_rather_than_another_loop()
    {
        var flow = DefaultFlows.Booking(Salon.NewYork) with { Rules = new FlowRules { WhenNobodyCanTakeTheCall = Fallback.TakeMessage } };
        var line = new Line(flow: flow, now: SaturdayEvening);
        await line.SayAsync("can I speak to someone");

        await line.SilenceAsync();

        line.Call.State.ShouldBe(CallState.Ended);
        line.Call.DecidedOutcome.ShouldBe(CallOutcome.CallbackScheduled);
    }

    [Fact]
    public async Task A_steps_own_retry_limit_decides_when_the_fallback_runs()
    {
        var flow = DefaultFlows.Booking(Salon.NewYork);
        flow = flow with { Steps = [.. flow.Steps.Select(s => s.Id == "date" ? s with { MaxRetries = 1 } : s)] };
        var line = new Line(flow: flow);
        await line.SayAsync("a haircut please");

        await line.SilenceAsync();

        line.Call.State.ShouldBe(CallState.Transferring);
    }

    [Fact]
    public async Task Asking_for_a_person_transfers_and_records_the_step_as_transferred()
    {
        var line = new Line();
        await line.SayAsync("a color please");

        await line.SayAsync("can I talk to a real person");

        line.Heard.ShouldBe("Of course. Connecting you to the front desk now. Please hold.");
        line.Call.State.ShouldBe(CallState.Transferring);
        line.Events.Last().ShouldBe(new StepEvent("date", StepEventKind.Failed, StepFailureReason.Transferred));
    }

    [Fact]
    public async Task Asking_for_a_person_after_hours_offers_a_callback()
    {
        var line = new Line(now: SaturdayEvening);

        await line.SayAsync("can I talk to someone");
        line.Heard.ShouldBe("I'm sorry, there's nobody available to take your call right now. Would you like someone to call you back at this number?");
        await line.SayAsync("yes please");

        line.Call.State.ShouldBe(CallState.Ended);
        line.Call.DecidedOutcome.ShouldBe(CallOutcome.CallbackScheduled);
        line.FollowUps.ShouldHaveSingleItem().ShouldBeOfType<FollowUp.ScheduleCallback>();
    }

    [Fact]
    public async Task A_failed_transfer_offers_a_callback_and_a_no_keeps_the_caller_talking()
    {
        var line = new Line();
        await line.SayAsync("can I talk to someone");

        var result = line.Engine.TransferEnded(line.Turn(), answered: false, "dial no-answer");
        result.Reply.Transcript.ShouldBe("I'm sorry, nobody could take your call right now. Would you like someone to call you back at this number?");
        line.Call.State.ShouldBe(CallState.InConversation);

        await line.SayAsync("no thanks");
        line.Heard.ShouldBe("No problem. Is there anything else I can help you with?");
    }

    [Fact]
    public async Task Unsure_readings_count_as_not_understood()
    {
        var line = new Line();

        await line.ReplyAsync(CallFlow.Domain.Understanding.Utterance.Speech("I'd like to book", confidence: 0.2));

        line.Heard.ShouldStartWith("Sorry, I didn't quite understand.");
        line.Call.State.ShouldBe(CallState.Connected);
    }

    [Fact]
    public async Task Saying_goodbye_mid_booking_ends_politely_and_releases_the_hold()
    {
        var line = new Line();
        await line.SayAsync("a haircut tomorrow at 3");

        await line.SayAsync("actually, bye");

        line.Heard.ShouldBe("Thanks for calling Demo Salon. Goodbye!");
        line.Call.State.ShouldBe(CallState.Ended);
        line.Desk.Holds.ShouldBeEmpty();
        line.Events.Last().ShouldBe(new StepEvent("contact", StepEventKind.Failed, StepFailureReason.CallerHungUp));
    }

    [Fact]
    public async Task The_carrier_fallback_mid_booking_promises_a_callback_and_keeps_what_was_collected()
    {
        var line = new Line();
        await line.SayAsync("a color please");

        var result = line.Engine.Recover(line.Turn(), "11200");

        result.Reply.EndsCall.ShouldBeTrue();
        result.Reply.Transcript.ShouldContain("we'll call you back shortly");
        (line.Call.State, line.Call.DecidedOutcome).ShouldBe((CallState.Failed, CallOutcome.CallbackScheduled));
        line.Context.Recovery.ProgressSavedAt.ShouldBe(line.Clock.GetUtcNow());
        result.FollowUps.ShouldHaveSingleItem().ShouldBeOfType<FollowUp.ScheduleCallback>().Collected["service"].ShouldBe("Color");
    }

    [Fact]
    public async Task A_caller_whose_number_is_withheld_is_asked_for_a_message_instead_of_promised_a_callback()
    {
        var line = new Line(now: SaturdayEvening, callerId: "anonymous");

        await line.SayAsync("can I talk to someone");

        line.Heard.ShouldEndWith("I can take a message for the team. Please tell me your name and what you'd like me to pass on.");
    }

    [Fact]
    public async Task Without_a_usable_flow_questions_are_answered_and_bookings_go_to_staff()
    {
        var line = new Line();
        line.Flow = null;

        await line.SayAsync("where are you?");
        line.Heard.ShouldEndWith("Is there anything else I can help you with?");
        await line.SayAsync("I'd like to book a haircut tomorrow at 3");

        line.Heard.ShouldBe("I'm sorry, I can't take bookings over the phone right now. Let me put you through to the front desk so they can sort it out.");
        line.Call.State.ShouldBe(CallState.Transferring);
        line.Desk.Holds.ShouldBeEmpty();
    }
}
