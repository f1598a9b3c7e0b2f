using System.Globalization;
using CallFlow.Domain.Calendar;
using static CallFlow.Tests.Domain.Calendar.Salon;

namespace CallFlow.Tests.Domain.Calendar;

public class SlotAlternativesTests
{
    private static string Described(IEnumerable<AvailableSlot> slots) =>
        string.Join(", ", slots.Select(s => s.LocalStart.ToString("ddd HH:mm", CultureInfo.InvariantCulture)));

    [Fact]
    public void A_taken_time_gets_the_nearest_free_times_that_day_earlier_first_on_a_tie()
    {
        var availability = new AvailabilityCalculator(Rules(), [Booking(Haircut, Tuesday, "15:00")], [], Salon.Now);

        var alternatives = availability.Alternatives(Haircut, Tuesday, T("15:00"), count: 4);

        Described(alternatives).ShouldBe("Tue 14:00, Tue 16:00, Tue 13:45, Tue 16:15");
    }

    [Fact]
    public void A_free_requested_time_comes_first()
    {
        var availability = new AvailabilityCalculator(Rules(), [], [], Salon.Now);

        Described(availability.Alternatives(Haircut, Tuesday, T("15:00"))).ShouldBe("Tue 15:00, Tue 14:45, Tue 15:15");
    }

    [Fact]
    public void The_same_day_comes_first_then_the_following_days_closest_to_the_requested_time()
    {
        var rules = Rules() with { DateOverrides = [DateOverride.SpecialHours(Tuesday, [new(T("09:00"), T("09:45"))])] };
        var availability = new AvailabilityCalculator(rules, [], [], Salon.Now);

        var alternatives = availability.Alternatives(Haircut, Tuesday, T("15:00"), count: 3);

        Described(alternatives).ShouldBe("Tue 09:00, Wed 15:00, Wed 14:45");
    }

    [Fact]
    public void Closed_and_full_days_are_skipped()
    {
        // Saturday is fully booked by one long appointment per interval; Sunday is closed.
        var saturday = Tuesday.AddDays(4);
        var allDay = new CallFlow.Domain.Businesses.ServiceOffering("block", "Block", [], 180);
        var rules = Rules() with { DateOverrides = [DateOverride.Closed(Tuesday.AddDays(1)), DateOverride.Closed(Tuesday.AddDays(2)), DateOverride.Closed(Tuesday.AddDays(3))] };
        var availability = new AvailabilityCalculator(
            rules, [Booking(allDay, saturday, "09:00"), BookedAppointment.For(allDay, At(saturday, "13:00")), BookedAppointment.For(allDay, At(saturday, "15:00"))], [], Salon.Now);

        var alternatives = availability.Alternatives(Haircut, Tuesday.AddDays(1), T("10:00"), count: 2);

        Described(alternatives).ShouldBe("Mon 10:00, Mon 09:45");
        alternatives[0].LocalDate.ShouldBe(Tuesday.AddDays(6));
    }

    [Fact]
    public void A_search_bounded_to_some_days_stops_after_them_with_what_it_found()
    {
        var rules = Rules() with { DateOverrides = [DateOverride.SpecialHours(Tuesday, [new(T("09:00"), T("09:45"))])] };
        var availability = new AvailabilityCalculator(rules, [], [], Salon.Now);

        Described(availability.Alternatives(Haircut, Tuesday, T("15:00"), count: 3, through: Tuesday)).ShouldBe("Tue 09:00");
        Described(availability.Alternatives(Haircut, Tuesday, T("15:00"), count: 3, through: Tuesday.AddDays(1))).ShouldBe("Tue 09:00, Wed 15:00, Wed 14:45");
    }

    [Fact]
    public void A_part_of_the_day_limits_the_times_offered()
    {
        var availability = new AvailabilityCalculator(Rules(), [], [], Salon.Now);

        var alternatives = availability.Alternatives(Haircut, Tuesday, T("10:00"), count: 3, within: TimeRange.Afternoon);

        Described(alternatives).ShouldBe("Tue 13:00, Tue 13:15, Tue 13:30");
    }

    [Fact]
    public void Nothing_beyond_the_horizon_is_suggested()
    {
        var lastDay = D("2026-07-31");
        var rules = Rules() with { DateOverrides = [DateOverride.SpecialHours(lastDay, [new(T("09:00"), T("09:45"))])] };
        var availability = new AvailabilityCalculator(rules, [], [], Salon.Now);

        var alternatives = availability.Alternatives(Haircut, lastDay, T("15:00"), count: 3);

        Described(alternatives).ShouldBe("Fri 09:00");
    }

    [Fact]
    public void A_day_already_past_starts_the_search_today()
    {
        var availability = new AvailabilityCalculator(Rules(), [], [], At(Tuesday, "10:07"));

        var alternatives = availability.Alternatives(Haircut, Tuesday.AddDays(-3), T("11:00"), count: 2);

        alternatives.ShouldAllBe(slot => slot.LocalDate == Tuesday);
        Described(alternatives).ShouldBe("Tue 11:15, Tue 13:00");
    }
}
