using CallFlow.Domain.Calendar;
using static CallFlow.Tests.Domain.Calendar.Salon;

namespace CallFlow.Tests.Domain.Calendar;

/// <summary>The commit's re-check of one exact slot, and capacity with staff members.</summary>
public class BookingCheckTests
{
    private static readonly CalendarRules WithStaff = Rules() with
    {
        Capacity = 2,
        Resources = [new("anna", "Anna"), new("ben", "Ben", ServiceIds: ["color"])],
    };

    [Fact]
    public void A_slot_that_is_still_free_fits()
    {
        var availability = new AvailabilityCalculator(Rules(), [], [], Salon.Now);

        var check = availability.Check(Haircut, At(Tuesday, "15:00"));

        check.IsOffered.ShouldBeTrue(check.Message);
        check.Slot.ShouldNotBeNull().StartUtc.ShouldBe(At(Tuesday, "15:00"));
        check.Slot.LocalStart.Offset.ShouldBe(TimeSpan.FromHours(-4));
    }

    [Fact]
    public void A_slot_someone_booked_meanwhile_no_longer_fits()
    {
        var availability = new AvailabilityCalculator(Rules(), [Booking(Haircut, Tuesday, "15:45")], [], Salon.Now);

        availability.Check(Haircut, At(Tuesday, "15:00")).Verdict.ShouldBe(SlotVerdict.Buffer);
        availability.Check(Haircut, At(Tuesday, "15:15")).Verdict.ShouldBe(SlotVerdict.Taken);
        availability.Check(Haircut, At(Tuesday, "15:45")).Verdict.ShouldBe(SlotVerdict.Taken);
    }

    [Fact]
    public void The_committing_callers_own_hold_does_not_stop_their_booking_but_another_callers_does()
    {
        var hold = Hold("CA-me", Haircut, Tuesday, "15:00", Salon.Now.AddMinutes(5));

        new AvailabilityCalculator(Rules(), [], [hold], Salon.Now, forCallId: "CA-me").Check(Haircut, hold.Start).IsOffered.ShouldBeTrue();
        new AvailabilityCalculator(Rules(), [], [hold], Salon.Now, forCallId: "CA-you").Check(Haircut, hold.Start).Verdict
            .ShouldBe(SlotVerdict.HeldByAnotherCaller);
    }

    [Fact]
    public void Only_the_first_occurrence_of_a_repeated_hour_can_be_booked()
    {
        var availability = new AvailabilityCalculator(NightClinic(NewYork), [], [], NightClinicNow);

        availability.Check(NightVisit, Instant("2026-11-01T01:30:00-04:00")).IsOffered.ShouldBeTrue();
        availability.Check(NightVisit, Instant("2026-11-01T01:30:00-05:00")).Verdict.ShouldBe(SlotVerdict.RepeatedLocalTime);
    }

    [Fact]
    public void Off_grid_and_sub_minute_starts_do_not_fit()
    {
        var availability = new AvailabilityCalculator(Rules(), [], [], Salon.Now);

        availability.Check(Haircut, At(Tuesday, "15:05")).Verdict.ShouldBe(SlotVerdict.NotOnSlotGrid);
        availability.Check(Haircut, At(Tuesday, "15:00").AddSeconds(30)).Verdict.ShouldBe(SlotVerdict.NotOnSlotGrid);
    }

    [Fact]
    public void A_slot_lists_the_staff_free_for_it_and_stays_free_while_one_of_them_is()
    {
        var availability = new AvailabilityCalculator(WithStaff, [Booking(Color, Tuesday, "10:00", "anna")], [], Salon.Now);

        var slot = availability.FreeSlots(Color, Tuesday).Single(s => s.LocalTime == T("10:00"));

        slot.FreeResourceIds.ShouldBe(["ben"]);
        availability.Check(Color, At(Tuesday, "10:00"), "ben").IsOffered.ShouldBeTrue();
        availability.Check(Color, At(Tuesday, "10:00"), "anna").Verdict.ShouldBe(SlotVerdict.Taken);
    }

    [Fact]
    public void A_service_only_busy_staff_offer_is_taken_even_with_seats_left()
    {
        var availability = new AvailabilityCalculator(WithStaff, [Booking(Color, Tuesday, "10:00", "anna")], [], Salon.Now);

        availability.FreeSlots(Haircut, Tuesday).ShouldNotContain(s => s.LocalTime == T("10:00"));
        var withBen = availability.Check(Haircut, At(Tuesday, "10:00"), "ben");
        withBen.Verdict.ShouldBe(SlotVerdict.NoStaffForService);
        withBen.Message.ShouldBe("The staff member asked for does not offer Haircut.");
    }

    [Fact]
    public void Business_capacity_still_caps_staff_who_are_free()
    {
        var availability = new AvailabilityCalculator(WithStaff with { Capacity = 1 }, [Booking(Haircut, Tuesday, "10:00", "anna")], [], Salon.Now);

        availability.Check(Color, At(Tuesday, "10:00"), "ben").Verdict.ShouldBe(SlotVerdict.Taken);
    }

    [Fact]
    public void A_hold_becomes_the_appointment_it_held()
    {
        var availability = new AvailabilityCalculator(WithStaff, [], [], Salon.Now);
        var slot = availability.FreeSlots(Color, Tuesday)[0];

        var hold = SlotHold.For("CA-me", Color, slot, Salon.Now);

        hold.ExpiresAt.ShouldBe(Salon.Now + SlotHold.DefaultLifetime);
        hold.ToAppointment().ShouldBe(BookedAppointment.For(Color, slot.StartUtc, "anna"));
    }
}
