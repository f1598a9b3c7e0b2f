using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Understanding;

namespace CallFlow.Tests.Domain.Conversation;

public class BookingConversationTests
{
    private static readonly DateOnly Thursday = new(2026, 3, 5);

    [Fact]
    public async Task Everything_in_one_utterance_skips_every_step_and_goes_straight_to_the_read_back()
    {
        var line = new Line();

        await line.SayAsync("Hi, I'd like to book a haircut tomorrow at 3, it's Dana Smith, my number is 917 555 0123");

        line.Heard.ShouldBe("Let me read that back: a Haircut on Thursday, March 5th at 3 PM for Dana Smith, and we'll text the confirmation to the number ending in 0123. Shall I book that for you?");
        line.Call.State.ShouldBe(CallState.ConfirmingDetails);
        line.Events.Where(e => e.Kind == StepEventKind.Completed).Select(e => (e.StepId, e.Unprompted))
            .ShouldBe([("service", true), ("date", true), ("time", true), ("contact", true)], ignoreOrder: true);
        line.Events.ShouldNotContain(e => e.Kind == StepEventKind.Entered && e.StepId != ConversationSteps.Confirmation);
        line.Desk.Holds.ShouldHaveSingleItem().CallId.ShouldBe("call-1");
    }

    [Fact]
    public async Task A_confirmed_booking_is_committed_and_the_call_completes()
    {
        var line = new Line();
        await line.SayAsync("a haircut tomorrow at 3, it's Dana Smith, 917 555 0123");

        await line.SayAsync("yes please");

        line.Heard.ShouldBe("You're all set! Your Haircut is booked for Thursday, March 5th at 3 PM, and we'll text you a confirmation. Thanks for calling Demo Salon. Goodbye!");
        line.Last!.Reply.EndsCall.ShouldBeTrue();
        line.Trail.ShouldBe([CallState.Incoming, CallState.Connected, CallState.BookingAppointment, CallState.CollectingInfo,
            CallState.ConfirmingDetails, CallState.BookingAppointment, CallState.Completed]);
        var booked = line.Desk.Appointments.ShouldHaveSingleItem();
        (booked.Service.Name, booked.CustomerName, booked.CustomerPhone, booked.Start)
            .ShouldBe(("Haircut", "Dana Smith", "+19175550123", DateTimeOffset.Parse("2026-03-05T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        line.Context.AppointmentData.AppointmentId.ShouldBe(booked.Id);
        line.Events.ShouldContain(new StepEvent(ConversationSteps.Confirmation, StepEventKind.Completed));
    }

    [Fact]
    public async Task Step_by_step_each_question_is_the_first_one_whose_dependencies_are_met()
    {
        var line = new Line();

        await line.SayAsync("I'd like to book an appointment");
        line.Heard.ShouldBe("Which service would you like: Haircut, Color, Styling or Consultation?");
        await line.SayAsync("a trim");
        line.Heard.ShouldBe("What day would you like to come in?");
        await line.SayAsync("Friday");
        line.Heard.ShouldBe("And what time suits you?");
        await line.SayAsync("3 pm");
        line.Heard.ShouldBe("Can I have your name and the best number to reach you?");
        await line.SayAsync("Dana Smith");
        line.Heard.ShouldBe("And what's the best number to reach you?");
        await line.SayAsync("917 555 0123");

        line.Heard.ShouldStartWith("Let me read that back: a Haircut on Friday, March 6th at 3 PM for Dana Smith");
        line.Trail.ShouldBe([CallState.Incoming, CallState.Connected, CallState.BookingAppointment, CallState.CollectingInfo,
            CallState.CollectingInfo, CallState.CollectingInfo, CallState.CollectingInfo, CallState.CollectingInfo, CallState.ConfirmingDetails]);
        line.Events.Where(e => e.Kind == StepEventKind.Entered).Select(e => e.StepId).ShouldBe(["service", "date", "time", "contact", ConversationSteps.Confirmation]);
        line.Events.Where(e => e.Kind == StepEventKind.Completed).Select(e => e.StepId).ShouldBe(["service", "date", "time", "contact"]);
        line.Events.ShouldAllBe(e => !e.Unprompted);
    }

    [Fact]
    public async Task Details_given_early_are_kept_and_their_steps_are_never_asked()
    {
        var line = new Line();

        await line.SayAsync("I need a haircut, it's Dana");

        line.Heard.ShouldBe("What day would you like to come in?");
        await line.SayAsync("Friday at 11");
        line.Heard.ShouldBe("And what's the best number to reach you?");
        line.Context.CollectedData.ShouldBe(new Dictionary<string, string>
        {
            ["service"] = "Haircut", ["customerName"] = "Dana", ["date"] = "2026-03-06", ["time"] = "11:00",
        });
    }

    [Fact]
    public async Task An_invalid_phone_number_is_asked_again_with_the_reason()
    {
        var line = new Line();
        await line.SayAsync("a haircut tomorrow at 3, it's Dana Smith");

        await line.SayAsync("my number is 555 12");

        line.Heard.ShouldBe("That number seems to be missing some digits. What phone number can we reach you on?");
        line.Context.CollectedData.ShouldNotContainKey(BookingFields.CustomerPhone);
        line.Events.Last().ShouldBe(new StepEvent("contact", StepEventKind.Retried, StepFailureReason.Validation) { Attempt = 1 });
        line.Call.State.ShouldBe(CallState.CollectingInfo);

        await line.SayAsync("this number");

        line.Heard.ShouldEndWith("the number ending in 0199. Shall I book that for you?");
        line.Context.CollectedData[BookingFields.CustomerPhone].ShouldBe(Line.CallerId);
    }

    [Fact]
    public async Task The_flows_own_validation_message_is_said_when_a_value_fails_its_pattern()
    {
        var flow = CallFlow.Domain.Flows.DefaultFlows.Booking(Understanding.Salon.NewYork) with
        {
            ValidationRules = [new("customerPhone", @"^\+1917", "We can only text numbers in the 917 area")],
        };
        var line = new Line(flow: flow);
        await line.SayAsync("a haircut tomorrow at 3, it's Dana Smith");

        await line.SayAsync("212 555 0147");

        line.Heard.ShouldStartWith("We can only text numbers in the 917 area.");
    }

    [Fact]
    public async Task A_closed_day_is_refused_at_the_date_step_with_the_reason()
    {
        var line = new Line();
        await line.SayAsync("a haircut please");

        await line.SayAsync("Sunday");

        line.Heard.ShouldBe("We're closed on Sundays. Which day would suit you best?");
        line.Events.Last().Reason.ShouldBe(StepFailureReason.Validation);
    }

    [Fact]
    public async Task A_change_at_the_read_back_goes_back_keeping_the_rest_and_reads_back_again()
    {
        var line = new Line();
        await line.SayAsync("a haircut tomorrow at 3, it's Dana Smith, 917 555 0123");

        await line.SayAsync("no, make it 4");

        line.Heard.ShouldStartWith("Let me read that back: a Haircut on Thursday, March 5th at 4 PM for Dana Smith");
        line.Trail.TakeLast(3).ShouldBe([CallState.ConfirmingDetails, CallState.CollectingInfo, CallState.ConfirmingDetails]);
        line.Desk.Holds.ShouldHaveSingleItem().Start.ShouldBe(DateTimeOffset.Parse("2026-03-05T21:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Naming_the_wrong_field_at_the_read_back_asks_that_step_again()
    {
        var line = new Line();
        await line.SayAsync("a haircut tomorrow at 3, it's Dana Smith, 917 555 0123");

        await line.SayAsync("no, the date is wrong");

        line.Heard.ShouldBe("Sure. What day would you like to come in?");
        line.Context.CollectedData.Keys.ShouldBe(["service", "time", "customerName", "customerPhone"], ignoreOrder: true);
        await line.SayAsync("Friday");
        line.Heard.ShouldStartWith("Let me read that back: a Haircut on Friday, March 6th at 3 PM");
    }

    [Fact]
    public async Task A_plain_no_at_the_read_back_asks_what_to_change()
    {
        var line = new Line();
        await line.SayAsync("a haircut tomorrow at 3, it's Dana Smith, 917 555 0123");

        await line.SayAsync("no");
        line.Heard.ShouldStartWith("No problem. What would you like to change");
        await line.SayAsync("the time");

        line.Heard.ShouldBe("Sure. And what time suits you?");
    }

    [Fact]
    public async Task Cancelling_at_the_read_back_books_nothing_and_releases_the_hold()
    {
        var line = new Line();
        await line.SayAsync("a haircut tomorrow at 3, it's Dana Smith, 917 555 0123");

        await line.SayAsync("never mind, cancel it");

        line.Heard.ShouldBe("No problem, I won't book anything. Is there anything else I can help you with?");
        line.Call.State.ShouldBe(CallState.InConversation);
        line.Desk.Holds.ShouldBeEmpty();
        line.Desk.Appointments.ShouldBeEmpty();
        await line.SayAsync("no thanks");
        line.Call.State.ShouldBe(CallState.Ended);
    }

    [Fact]
    public async Task Every_reply_speaks_with_the_business_voice_and_offers_hints()
    {
        var line = new Line();

        await line.SayAsync("I'd like to book");

        line.Last!.Reply.Speaker.ShouldBe(line.Business.Voice);
        line.Last.Reply.Steps.OfType<Ask>().Single().Hints.ShouldContain("Consultation");
        line.Results[0].Reply.Steps.OfType<Ask>().Single().Hints.ShouldContain("trim");
    }
}
