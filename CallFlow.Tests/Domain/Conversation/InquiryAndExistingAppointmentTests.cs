using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;

namespace CallFlow.Tests.Domain.Conversation;

public class InquiryAndExistingAppointmentTests
{
    private static readonly DateOnly Friday = new(2026, 3, 6);

    private static async Task<Line> WithAppointmentAsync()
    {
        var line = new Line();
        var service = line.Business.Services.First(s => s.Name == "Haircut");
        await line.Desk.BookAsync(new(line.Business.Id, "earlier-call", service, DateTimeOffset.Parse("2026-03-06T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            "Dana Smith", Line.CallerId, "earlier"), TestContext.Current.CancellationToken);
        return line;
    }

    [Fact]
    public async Task A_question_is_answered_from_the_faq_and_the_caller_is_asked_about_booking()
    {
        var line = new Line();

        await line.SayAsync("what are your hours?");

        line.Heard.ShouldBe("We're open Monday to Saturday from 9 in the morning to 6 in the evening, and closed on Sundays. Would you like to book an appointment?");
        line.Call.State.ShouldBe(CallState.InConversation);
        await line.SayAsync("yes, a haircut");
        line.Heard.ShouldBe("What day would you like to come in?");
        line.Trail.ShouldBe([CallState.Incoming, CallState.Connected, CallState.InConversation, CallState.BookingAppointment, CallState.CollectingInfo]);
    }

    [Fact]
    public async Task Without_an_faq_entry_the_answer_comes_from_the_business_settings()
    {
        var line = new Line(business: Understanding.Salon.NewYork with { Faq = new Dictionary<string, string>() });

        await line.SayAsync("when are you open?");
        line.Heard.ShouldStartWith("We're open Monday to Saturday, 9 AM to 6 PM.");
        await line.SayAsync("how much is it?");
        line.Heard.ShouldStartWith("A Haircut is 45 dollars, a Color is 120 dollars, a Styling is 65 dollars and a Consultation is free.");
    }

    [Fact]
    public async Task A_question_in_the_middle_of_a_booking_is_answered_and_the_step_asked_again()
    {
        var line = new Line();
        await line.SayAsync("a haircut please");

        await line.SayAsync("where are you located?");

        line.Heard.ShouldBe("We're at 125 Bedford Avenue in Brooklyn, near the Bedford Avenue L stop. What day would you like to come in?");
        line.Context.RetryCount.ShouldBe(0);
    }

    [Fact]
    public async Task Declining_to_book_after_an_answer_ends_as_an_answered_inquiry()
    {
        var line = new Line();
        await line.SayAsync("do you have parking?");

        await line.SayAsync("no");
        line.Heard.ShouldBe("No problem. Is there anything else I can help you with?");
        await line.SayAsync("no, that's all");

        line.Call.State.ShouldBe(CallState.Ended);
        line.Heard.ShouldBe("Thanks for calling Demo Salon. Goodbye!");
    }

    [Fact]
    public async Task A_caller_cancels_their_upcoming_appointment_after_confirming_which_one()
    {
        var line = await WithAppointmentAsync();

        await line.SayAsync("I need to cancel my appointment");
        line.Heard.ShouldBe("I found your Haircut on Friday, March 6th at 3 PM. Would you like me to cancel it?");
        await line.SayAsync("yes");

        line.Heard.ShouldBe("Done. Your Haircut on Friday, March 6th at 3 PM is cancelled. Is there anything else I can help you with?");
        line.Desk.Appointments.ShouldHaveSingleItem().Cancelled.ShouldBeTrue();
        line.Call.State.ShouldBe(CallState.InConversation);
    }

    [Fact]
    public async Task A_caller_without_an_appointment_is_told_so()
    {
        var line = new Line();

        await line.SayAsync("I need to cancel my appointment");

        line.Heard.ShouldBe("I couldn't find an upcoming appointment for the number you're calling from. Is there anything else I can help you with?");
    }

    [Fact]
    public async Task A_caller_moves_their_appointment_to_a_new_day_and_time()
    {
        var line = await WithAppointmentAsync();

        await line.SayAsync("I'd like to reschedule my appointment");
        line.Heard.ShouldBe("I found your Haircut on Friday, March 6th at 3 PM. What day would you like to come in?");
        await line.SayAsync("next Tuesday at 11");
        line.Heard.ShouldBe("Let me read that back: your Haircut moves from Friday, March 6th at 3 PM to Tuesday, March 10th at 11 AM. Shall I move it?");
        await line.SayAsync("yes");

        line.Heard.ShouldStartWith("Done! Your Haircut is now on Tuesday, March 10th at 11 AM.");
        line.Call.State.ShouldBe(CallState.Completed);
        line.Desk.Appointments.ShouldHaveSingleItem().Start.ShouldBe(DateTimeOffset.Parse("2026-03-10T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Naming_the_appointment_by_its_day_does_not_make_that_day_the_new_one()
    {
        var line = await WithAppointmentAsync();

        await line.SayAsync("can I move my Friday haircut");

        line.Heard.ShouldEndWith("What day would you like to come in?");
        line.Context.CollectedData.ShouldNotContainKey("date");
    }
}
