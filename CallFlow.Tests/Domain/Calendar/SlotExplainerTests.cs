using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using static CallFlow.Tests.Domain.Calendar.Salon;

namespace CallFlow.Tests.Domain.Calendar;

public class SlotExplainerTests
{
    public sealed record Case(
        CalendarRules Rules, ServiceOffering Service, DateOnly Date, string Time, SlotVerdict Verdict, string Says,
        BookedAppointment[]? Bookings = null, SlotHold[]? Holds = null, DateTimeOffset? Now = null);

    private static readonly CalendarRules WithStaff = Rules() with
    {
        Capacity = 2,
        Resources = [new("anna", "Anna", ServiceIds: ["color"]), new("ben", "Ben")],
    };

    public static readonly IReadOnlyDictionary<string, Case> Cases = new Dictionary<string, Case>
    {
        ["a free time is offered"] = new(Rules(), Haircut, Tuesday, "15:00", SlotVerdict.Offered, "Haircut at 15:00 on Tuesday 9 June 2026 is offered."),
        ["a weekly closed day"] = new(Rules(), Haircut, Sunday, "15:00", SlotVerdict.Closed, "Closed on Sundays"),
        ["a closed date override names its note"] = new(Rules() with { DateOverrides = [DateOverride.Closed(Tuesday, "Staff training")] },
            Haircut, Tuesday, "15:00", SlotVerdict.Closed, "Closed on Tuesday 9 June 2026 (Staff training)"),
        ["the lunch break"] = new(Rules(), Haircut, Tuesday, "12:30", SlotVerdict.OutsideHours, "outside the opening hours on Tuesday 9 June 2026 (09:00–12:00, 13:00–18:00)"),
        ["after closing"] = new(Rules(), Haircut, Tuesday, "18:00", SlotVerdict.OutsideHours, "18:00 is outside the opening hours"),
        ["too long to finish before the break"] = new(Rules(), Haircut, Tuesday, "11:30", SlotVerdict.RunsPastClosing, "would end at 12:15, after the break at 12:00"),
        ["too long to finish before closing"] = new(Rules(), Color, Tuesday, "16:15", SlotVerdict.RunsPastClosing, "would end at 18:15, after closing at 18:00"),
        ["between two start times"] = new(Rules(), Haircut, Tuesday, "15:05", SlotVerdict.NotOnSlotGrid, "every 15 minutes from 13:00; 15:05 is between"),
        ["inside the minimum notice"] = new(Rules(), Haircut, Tuesday, "15:00", SlotVerdict.TooSoon, "at least 60 minutes' notice",
            Now: At(Tuesday, "14:30")),
        ["already passed"] = new(Rules(), Haircut, Tuesday, "15:00", SlotVerdict.TooSoon, "already begun or passed", Now: At(Tuesday, "16:00")),
        ["beyond the horizon"] = new(Rules(), Haircut, D("2026-08-04"), "15:00", SlotVerdict.BeyondHorizon, "only 60 days ahead, up to Friday 31 July 2026"),
        ["the daily limit"] = new(Rules() with { DailyLimit = 1 }, Haircut, Tuesday, "15:00", SlotVerdict.DailyLimitReached, "the daily limit",
            [Booking(Haircut, Tuesday, "09:00")]),
        ["nobody offers the service"] = new(Rules() with { Resources = [new("anna", "Anna", ServiceIds: ["color"])] },
            Haircut, Tuesday, "15:00", SlotVerdict.NoStaffForService, "Nobody on the team offers Haircut."),
        ["every chair taken"] = new(Rules(), Haircut, Tuesday, "15:00", SlotVerdict.Taken, "Every seat is booked at 15:00 on Tuesday 9 June 2026 (capacity 1): the appointment at 15:00",
            [Booking(Haircut, Tuesday, "15:00")]),
        ["everyone who offers it is booked"] = new(WithStaff, Haircut, Tuesday, "15:00", SlotVerdict.Taken, "Everyone who offers Haircut is booked",
            [Booking(Haircut, Tuesday, "15:00", "ben")]),
        ["its clean-up runs into the next appointment"] = new(Rules(), Haircut, Tuesday, "15:00", SlotVerdict.Buffer, "clean-up time around it would overlap the appointment at 15:45",
            [Booking(Haircut, Tuesday, "15:45")]),
        ["it starts in the previous appointment's clean-up"] = new(Rules(), Haircut, Tuesday, "15:00", SlotVerdict.Buffer, "the appointment at 14:15",
            [Booking(Haircut, Tuesday, "14:15")]),
        ["its preparation overlaps the previous appointment"] = new(Rules(), Consultation, Tuesday, "14:00", SlotVerdict.Buffer, "preparation",
            [BookedAppointment.For(Consultation, At(Tuesday, "13:30"))]),
        ["another caller holds it"] = new(Rules(), Haircut, Tuesday, "15:00", SlotVerdict.HeldByAnotherCaller, "the hold lapses at 08:05",
            Holds: [Hold("CA-other", Haircut, Tuesday, "15:00", Salon.Now.AddMinutes(5))]),
        ["a time the clocks skip"] = new(NightClinic(NewYork), NightVisit, D("2026-03-08"), "02:30", SlotVerdict.NonexistentLocalTime,
            "02:30 does not exist on Sunday 8 March 2026: clocks in America/New_York jump forward", Now: NightClinicNow),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_owner_is_told_which_rule_removes_a_time(string name)
    {
        var row = Cases[name];
        var availability = new AvailabilityCalculator(row.Rules, row.Bookings ?? [], row.Holds ?? [], row.Now ?? Salon.Now);

        var explanation = availability.Explain(row.Service, row.Date, T(row.Time));

        explanation.Verdict.ShouldBe(row.Verdict, explanation.Message);
        explanation.Message.ShouldContain(row.Says);
        (explanation.Slot is not null).ShouldBe(row.Verdict == SlotVerdict.Offered);
    }

    [Fact]
    public void A_repeated_local_time_is_explained_as_its_first_occurrence()
    {
        var availability = new AvailabilityCalculator(NightClinic(NewYork), [], [], NightClinicNow);

        var explanation = availability.Explain(NightVisit, D("2026-11-01"), T("01:30"));

        explanation.Slot.ShouldNotBeNull().StartUtc.ShouldBe(Instant("2026-11-01T01:30:00-04:00"));
    }

    [Fact]
    public void An_offered_time_names_the_staff_who_are_free()
    {
        var availability = new AvailabilityCalculator(WithStaff, [], [], Salon.Now);

        availability.Explain(Color, Tuesday, T("10:00")).Message.ShouldEndWith("is offered with Anna or Ben.");
    }
}
