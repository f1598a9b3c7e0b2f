using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;

namespace CallFlow.Tests.Domain.Conversation;

public class AvailabilityConversationTests
{
    private static readonly DateOnly Friday = new(2026, 3, 6);

    [Fact]
    public async Task A_time_that_is_taken_brings_the_nearest_alternatives_read_out_naturally()
    {
        var line = new Line();
        await line.TakeAsync("Haircut", Friday, "15:00", times: 2);

        await line.SayAsync("a haircut on Friday at 3");

        line.Heard.ShouldBe("I'm sorry, I don't have 3 PM on Friday, March 6th. I can do 1:45 PM, 2 PM or 4 PM that day. Which would you like?");
        line.Context.CollectedData.ShouldNotContainKey("time");
        line.Events.ShouldContain(new StepEvent("time", StepEventKind.Retried, StepFailureReason.CalendarConflict));
    }

    [Theory]
    [InlineData("the 4 o'clock one", "4 PM")]
    [InlineData("the first one", "1:45 PM")]
    [InlineData("1:45", "1:45 PM")]
    [InlineData("2", "2 PM")]
    public async Task The_caller_picks_an_alternative_and_it_is_held(string says, string time)
    {
        var line = new Line();
        await line.TakeAsync("Haircut", Friday, "15:00", times: 2);
        await line.SayAsync("a haircut on Friday at 3, it's Dana Smith, 917 555 0123");

        await line.SayAsync(says);

        line.Heard.ShouldStartWith($"Let me read that back: a Haircut on Friday, March 6th at {time} for Dana Smith");
        line.Desk.Holds.ShouldHaveSingleItem();
    }

    [Fact]
    public void Alternatives_on_other_days_are_said_with_their_date()
    {
        OfferedSlot At(string local) => new(DateTimeOffset.Parse(local, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(), DateTimeOffset.Parse(local, System.Globalization.CultureInfo.InvariantCulture));

        var said = SlotFinder.Choices([At("2026-03-06T14:30:00-05:00"), At("2026-03-06T16:15:00-05:00"), At("2026-03-07T15:00:00-05:00")], Friday);

        said.ShouldBe("I can do 2:30 PM or 4:15 PM that day, or Saturday, March 7th at 3 PM.");
        SlotFinder.Choices([At("2026-03-07T15:00:00-05:00")], Friday).ShouldBe("I can do Saturday, March 7th at 3 PM.");
    }

    [Fact]
    public async Task Another_time_instead_of_the_alternatives_is_checked_again()
    {
        var line = new Line();
        await line.TakeAsync("Haircut", Friday, "15:00", times: 2);
        await line.SayAsync("a haircut on Friday at 3");

        await line.SayAsync("how about 5 instead");

        line.Heard.ShouldBe("Can I have your name and the best number to reach you?");
        line.Context.CollectedData["time"].ShouldBe("17:00");
    }

    [Fact]
    public async Task A_part_of_the_day_is_offered_as_choices_within_it()
    {
        var line = new Line();

        await line.SayAsync("a haircut on Friday after 4");

        line.Heard.ShouldBe("I can do 4 PM, 4:15 PM or 4:30 PM that day. Which would you like?");
    }

    [Fact]
    public async Task A_slot_taken_between_the_read_back_and_the_yes_offers_alternatives_instead_of_failing()
    {
        var line = new Line();
        await line.SayAsync("a haircut on Friday at 3, it's Dana Smith, 917 555 0123");
        await line.Desk.ReleaseHoldsAsync(line.Business.Id, "call-1", TestContext.Current.CancellationToken);
        await line.TakeAsync("Haircut", Friday, "15:00", times: 2);

        await line.SayAsync("yes");

        line.Heard.ShouldStartWith("I'm sorry, 3 PM on Friday, March 6th was just taken. I can do");
        line.Trail.TakeLast(3).ShouldBe([CallState.ConfirmingDetails, CallState.BookingAppointment, CallState.CollectingInfo]);
        line.Events.ShouldContain(new StepEvent("time", StepEventKind.Retried, StepFailureReason.CalendarConflict));

        await line.SayAsync("the first one");
        line.Heard.ShouldStartWith("Let me read that back: a Haircut on Friday, March 6th at 1:45 PM");
        await line.SayAsync("yes");
        line.Call.State.ShouldBe(CallState.Completed);
    }

    [Fact]
    public async Task When_the_calendar_cannot_be_reached_the_booking_is_taken_provisionally()
    {
        var line = new Line();
        line.Desk.CalendarDown = true;
        await line.SayAsync("a haircut on Friday at 3, it's Dana Smith, 917 555 0123");
        line.Heard.ShouldContain("we'll confirm it by text");

        await line.SayAsync("yes");

        line.Heard.ShouldBe("Thank you, Dana. Our calendar isn't answering right now, so I've taken your request, and we'll confirm it by text message shortly. Thanks for calling Demo Salon. Goodbye!");
        (line.Call.State, line.Call.DecidedOutcome).ShouldBe((CallState.Ended, CallOutcome.MessageTaken));
        var provisional = line.FollowUps.ShouldHaveSingleItem().ShouldBeOfType<FollowUp.TakeProvisionalBooking>();
        (provisional.ServiceId, provisional.StartUtc, provisional.CustomerPhone)
            .ShouldBe(("demo-salon-haircut", DateTimeOffset.Parse("2026-03-06T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "+19175550123"));
    }

    [Fact]
    public async Task Every_turn_of_a_call_holding_a_slot_keeps_the_hold_alive()
    {
        var line = new Line();
        await line.SayAsync("a haircut on Friday at 3");
        line.Clock.Advance(TimeSpan.FromMinutes(4));

        await line.SayAsync("it's Dana Smith");
        line.Clock.Advance(TimeSpan.FromMinutes(4));

        line.Desk.Holds.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_caller_who_changes_to_another_free_time_has_it_held_in_place_of_the_first_without_a_release_of_its_own()
    {
        var line = new Line();
        await line.SayAsync("a haircut on Friday at 3, it's Dana Smith, 917 555 0123");

        await line.SayAsync("no, make it 4");

        line.Heard.ShouldStartWith("Let me read that back: a Haircut on Friday, March 6th at 4 PM");
        line.Desk.Holds.ShouldHaveSingleItem().Start.ShouldBe(DateTimeOffset.Parse("2026-03-06T21:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        line.Desk.ReleaseRequests.ShouldBe(0);
    }

    [Fact]
    public async Task A_caller_who_changes_to_a_taken_time_lets_go_of_the_first_while_choosing_another()
    {
        var line = new Line();
        await line.TakeAsync("Haircut", Friday, "16:00", times: 2);
        await line.SayAsync("a haircut on Friday at 3, it's Dana Smith, 917 555 0123");

        await line.SayAsync("no, make it 4");

        line.Heard.ShouldStartWith("I'm sorry, I don't have 4 PM on Friday, March 6th.");
        line.Desk.Holds.ShouldBeEmpty();
        line.Context.Conversation.Held.ShouldBeNull();
        line.Desk.ReleaseRequests.ShouldBe(1);
    }

    [Fact]
    public async Task A_held_slot_is_extended_once_half_its_time_is_gone_and_the_turns_before_that_ask_the_calendar_nothing()
    {
        var line = new Line();
        await line.SayAsync("a haircut on Friday at 3");
        var heldAt = line.Clock.GetUtcNow();
        line.Context.Conversation.Held!.HeldUntil.ShouldBe(heldAt.AddMinutes(5));

        line.Clock.Advance(TimeSpan.FromMinutes(2));
        await line.SayAsync("it's Dana Smith");
        line.Desk.ExtensionRequests.ShouldBe(0);

        line.Clock.Advance(TimeSpan.FromSeconds(40));
        await line.SayAsync("917 555 0123");
        line.Desk.ExtensionRequests.ShouldBe(1);
        var extended = line.Context.Conversation.Held!;
        (extended.HeldAt, extended.HeldUntil).ShouldBe((heldAt.AddSeconds(160), heldAt.AddSeconds(160).AddMinutes(5)));
        line.Desk.Holds.ShouldHaveSingleItem().ExpiresAt.ShouldBe(extended.HeldUntil);

        line.Clock.Advance(TimeSpan.FromMinutes(1));
        await line.SayAsync("actually make it 4 pm");
        line.Desk.ExtensionRequests.ShouldBe(1);
    }
}
