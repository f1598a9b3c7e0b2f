using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using static CallFlow.Tests.Domain.Calendar.Salon;

namespace CallFlow.Tests.Domain.Calendar;

/// <summary>
/// The availability table: one row per rule, each with the exact local start times it must produce.
/// <see cref="ServerTimeZoneTests"/> reruns this class in child processes whose own time zone is UTC and Asia/Tokyo.
/// </summary>
public class AvailabilityTableTests
{
    /// <summary>Set by <see cref="ServerTimeZoneTests"/> in the child process: the UTC offset, in hours, its local zone must have.</summary>
    public const string ExpectedLocalOffsetVariable = "CALLFLOW_TEST_EXPECTED_LOCAL_OFFSET";

    public AvailabilityTableTests()
    {
        // In a child run, prove the process really runs in the zone the parent asked for.
        if (Environment.GetEnvironmentVariable(ExpectedLocalOffsetVariable) is { } hours)
        {
            TimeZoneInfo.Local.BaseUtcOffset.ShouldBe(TimeSpan.FromHours(double.Parse(hours, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public sealed record Case(
        CalendarRules Rules, ServiceOffering Service, DateOnly Date, DateTimeOffset Now, string Expected,
        BookedAppointment[]? Bookings = null, SlotHold[]? Holds = null, string? CallId = null);

    private static readonly DateTimeOffset InFiveMinutes = Salon.Now.AddMinutes(5);
    private static readonly string[] DstZones = [NewYork, London];

    public static readonly IReadOnlyDictionary<string, Case> Cases = new Dictionary<string, Case>
    {
        ["Hours with a lunch break"] = new(Rules(), Haircut, Tuesday, Salon.Now, "09:00..11:15 13:00..17:15"),
        ["A weekly closed day"] = new(Rules(), Haircut, Sunday, Salon.Now, ""),
        ["A closed date override"] = new(Rules() with { DateOverrides = [DateOverride.Closed(Tuesday, "Staff training")] }, Haircut, Tuesday, Salon.Now, ""),
        ["Special hours replace the weekly hours"] =
            new(Rules() with { DateOverrides = [DateOverride.SpecialHours(Tuesday, [new(T("10:00"), T("14:00"))])] }, Haircut, Tuesday, Salon.Now, "10:00..13:15"),
        ["Special hours open a weekly closed day"] =
            new(Rules() with { DateOverrides = [DateOverride.SpecialHours(Sunday, [new(T("11:00"), T("13:00"))])] }, Haircut, Sunday, Salon.Now, "11:00..12:15"),
        ["A booking blocks its time and its clean-up"] =
            new(Rules(), Haircut, Tuesday, Salon.Now, "09:00 11:00..11:15 13:00..17:15", [Booking(Haircut, Tuesday, "10:00")]),
        ["A service's buffer before needs room too"] =
            new(Rules(), Consultation, Tuesday, Salon.Now, "09:00..09:30 11:15..11:30 13:00..17:30", [Booking(Haircut, Tuesday, "10:00")]),
        ["Capacity 2 keeps offering while one chair is free"] =
            new(Rules() with { Capacity = 2 }, Haircut, Tuesday, Salon.Now, "09:00..11:15 13:00..17:15", [Booking(Haircut, Tuesday, "10:00")]),
        ["Capacity 2 stops when both chairs are booked"] =
            new(Rules() with { Capacity = 2 }, Haircut, Tuesday, Salon.Now, "09:00 11:00..11:15 13:00..17:15",
                [Booking(Haircut, Tuesday, "10:00"), Booking(Haircut, Tuesday, "10:00")]),
        ["Capacity 2 with staggered bookings blocks only where both overlap"] =
            new(Rules() with { Capacity = 2 }, Haircut, Tuesday, Salon.Now, "09:00..09:30 11:00..11:15 13:00..17:15",
                [Booking(Haircut, Tuesday, "10:00"), Booking(Haircut, Tuesday, "10:30")]),
        ["Minimum notice hides the next hour"] = new(Rules(), Haircut, Tuesday, At(Tuesday, "10:07"), "11:15 13:00..17:15"),
        ["No notice still hides what has begun"] =
            new(Rules() with { MinimumNoticeMinutes = 0 }, Haircut, Tuesday, At(Tuesday, "10:00"), "10:00..11:15 13:00..17:15"),
        ["The last day of the horizon is bookable"] = new(Rules(), Haircut, D("2026-07-31"), Salon.Now, "09:00..11:15 13:00..17:15"),
        ["The day after the horizon is not"] = new(Rules(), Haircut, D("2026-08-01"), Salon.Now, ""),
        ["A reached daily limit closes the day"] =
            new(Rules() with { DailyLimit = 2 }, Haircut, Tuesday, Salon.Now, "", [Booking(Haircut, Tuesday, "09:00"), Booking(Haircut, Tuesday, "16:00")]),
        ["A daily limit not yet reached changes nothing"] =
            new(Rules() with { DailyLimit = 3 }, Haircut, Tuesday, Salon.Now, "10:00..11:15 13:00..15:00 17:00..17:15",
                [Booking(Haircut, Tuesday, "09:00"), Booking(Haircut, Tuesday, "16:00")]),
        ["Held slots count toward the daily limit"] =
            new(Rules() with { DailyLimit = 2 }, Haircut, Tuesday, Salon.Now, "", [Booking(Haircut, Tuesday, "09:00")],
                [Hold("CA-other", Haircut, Tuesday, "16:00", InFiveMinutes)]),
        ["Another caller's active hold blocks its slot"] =
            new(Rules(), Haircut, Tuesday, Salon.Now, "09:00..11:15 14:00..17:15", Holds: [Hold("CA-other", Haircut, Tuesday, "13:00", InFiveMinutes)]),
        ["An expired hold is ignored"] =
            new(Rules(), Haircut, Tuesday, Salon.Now, "09:00..11:15 13:00..17:15", Holds: [Hold("CA-other", Haircut, Tuesday, "13:00", Salon.Now.AddMinutes(-1))]),
        ["A caller's own hold does not block them"] =
            new(Rules(), Haircut, Tuesday, Salon.Now, "09:00..11:15 13:00..17:15", Holds: [Hold("CA-me", Haircut, Tuesday, "13:00", InFiveMinutes)], CallId: "CA-me"),
        ["New York spring forward skips 2:00–2:59"] =
            new(NightClinic(NewYork), NightVisit, D("2026-03-08"), NightClinicNow, "00:00..01:30 03:00..04:00"),
        ["New York fall back offers 1:00–1:59 once"] = new(NightClinic(NewYork), NightVisit, D("2026-11-01"), NightClinicNow, "00:00..04:00"),
        ["London spring forward skips 1:00–1:59"] = new(NightClinic(London), NightVisit, D("2026-03-29"), NightClinicNow, "00:00..00:30 02:00..04:00"),
        ["London fall back offers 1:00–1:59 once"] = new(NightClinic(London), NightVisit, D("2026-10-25"), NightClinicNow, "00:00..04:00"),
        ["Closing inside the skipped hour closes when the clocks jump"] =
            new(NightClinic(NewYork) with { DateOverrides = [DateOverride.SpecialHours(D("2026-03-08"), [new(T("00:00"), T("02:30"))])] },
                NightVisit, D("2026-03-08"), NightClinicNow, "00:00..01:00"),
        ["A booking in the first 1:30 blocks only the first occurrence"] =
            new(NightClinic(NewYork), NightVisit, D("2026-11-01"), NightClinicNow, "00:00..00:30 02:00..04:00",
                [BookedAppointment.For(NightVisit, Instant("2026-11-01T01:30:00-04:00"))]),
        ["A booking in the repeated hour blocks by elapsed time"] =
            new(NightClinic(NewYork), NightVisit, D("2026-11-01"), NightClinicNow, "00:00..01:00 02:00..04:00",
                [BookedAppointment.For(NightVisit, Instant("2026-11-01T01:00:00-05:00"))]),
        ["A daytime salon on a clock-change day keeps its usual times"] =
            new(Rules(London) with { DateOverrides = [DateOverride.SpecialHours(D("2026-03-29"), [new(T("09:00"), T("12:00"))])] },
                Haircut, D("2026-03-29"), Instant("2026-03-20T12:00:00Z"), "09:00..11:15"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_rule_leaves_exactly_the_expected_slots(string name)
    {
        var row = Cases[name];
        var availability = new AvailabilityCalculator(row.Rules, row.Bookings ?? [], row.Holds ?? [], row.Now, row.CallId);

        var slots = availability.FreeSlots(row.Service, row.Date);

        Times(slots).ShouldBe(Expand(row.Expected, row.Rules.SlotMinutes));
        slots.ShouldAllBe(slot => slot.LocalDate == row.Date && slot.EndUtc - slot.StartUtc == TimeSpan.FromMinutes(row.Service.DurationMinutes));
    }

    public static TheoryData<string> DstZoneNames => [.. DstZones];

    [Theory]
    [MemberData(nameof(DstZoneNames))]
    public void Slots_on_clock_change_days_are_distinct_instants_in_order(string zone)
    {
        var availability = new AvailabilityCalculator(NightClinic(zone), [], [], NightClinicNow);
        var (spring, fall) = zone == NewYork ? (D("2026-03-08"), D("2026-11-01")) : (D("2026-03-29"), D("2026-10-25"));

        foreach (var slots in new[] { availability.FreeSlots(NightVisit, spring), availability.FreeSlots(NightVisit, fall) })
        {
            slots.Select(s => s.StartUtc).ShouldBe(slots.Select(s => s.StartUtc).Distinct().Order());
            slots.Select(s => s.LocalTime).ShouldBeUnique();
            slots.ShouldAllBe(s => s.LocalStart.Offset == availability.TimeZone.GetUtcOffset(s.StartUtc) && s.StartUtc.Offset == TimeSpan.Zero);
        }
    }
}
