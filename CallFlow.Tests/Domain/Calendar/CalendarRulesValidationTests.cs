using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using static CallFlow.Tests.Domain.Calendar.Salon;

namespace CallFlow.Tests.Domain.Calendar;

public class CalendarRulesValidationTests
{
    public sealed record Case(CalendarRules Rules, string Field, string Says, ServiceOffering[]? Services = null);

    private static OpeningInterval Monday(string opens, string closes) => new(DayOfWeek.Monday, T(opens), T(closes));

    public static readonly IReadOnlyDictionary<string, Case> Cases = new Dictionary<string, Case>
    {
        ["no time zone"] = new(Rules() with { TimeZoneId = "" }, "TimeZoneId", "Choose the business's time zone"),
        ["an unknown time zone"] = new(Rules() with { TimeZoneId = "Mars/Olympus" }, "TimeZoneId", "'Mars/Olympus' is not a known IANA time zone"),
        ["closing before opening"] = new(Rules() with { WeeklyHours = [Monday("13:00", "12:00")] }, "WeeklyHours", "Monday 13:00–12:00: the closing time must be after the opening time"),
        ["an empty interval"] = new(Rules() with { WeeklyHours = [Monday("09:00", "09:00")] }, "WeeklyHours", "closing time must be after"),
        ["times off the 5-minute marks"] = new(Rules() with { WeeklyHours = [Monday("09:07", "12:00")] }, "WeeklyHours", "Monday 09:07–12:00: opening and closing times must be on 5-minute marks"),
        ["overlapping intervals"] = new(Rules() with { WeeklyHours = [Monday("09:00", "12:00"), Monday("11:00", "14:00")] }, "WeeklyHours", "Monday: 09:00–12:00 overlaps 11:00–14:00"),
        ["two overrides for one date"] = new(Rules() with { DateOverrides = [DateOverride.Closed(Tuesday), DateOverride.Closed(Tuesday)] }, "DateOverrides", "Tuesday 9 June 2026 has more than one date override"),
        ["a bad special-hours interval"] = new(Rules() with { DateOverrides = [DateOverride.SpecialHours(Tuesday, [new(T("14:00"), T("10:00"))])] }, "DateOverrides", "Tuesday 9 June 2026 14:00–10:00"),
        ["capacity zero"] = new(Rules() with { Capacity = 0 }, "Capacity", "Capacity must be at least 1"),
        ["a slot step not a multiple of 5"] = new(Rules() with { SlotMinutes = 7 }, "SlotMinutes", "multiple of 5 minutes"),
        ["negative notice"] = new(Rules() with { MinimumNoticeMinutes = -5 }, "MinimumNoticeMinutes", "cannot be negative"),
        ["no horizon"] = new(Rules() with { HorizonDays = 0 }, "HorizonDays", "between 1 and 730 days"),
        ["a daily limit of zero"] = new(Rules() with { DailyLimit = 0 }, "DailyLimit", "at least 1 appointment"),
        ["a staff member without a name"] = new(Rules() with { Resources = [new("anna", "")] }, "Resources", "needs a name"),
        ["a staff member with capacity zero"] = new(Rules() with { Resources = [new("anna", "Anna", Capacity: 0)] }, "Resources", "Anna: capacity must be at least 1"),
        ["two staff members with one id"] = new(Rules() with { Resources = [new("anna", "Anna"), new("anna", "Ann")] }, "Resources", "share the id 'anna'"),
        ["a staff member offering a deleted service"] =
            new(Rules() with { Resources = [new("anna", "Anna", ServiceIds: ["perm"])] }, "Resources", "Anna offers a service that no longer exists (perm)", [Haircut]),
        ["a service nobody offers"] =
            new(Rules() with { Resources = [new("anna", "Anna", ServiceIds: ["color"])] }, "Resources", "Nobody offers Haircut", [Haircut, Color]),
        ["a duration off the 5-minute marks"] = new(Rules(), "DurationMinutes", "Haircut: the duration must be a multiple of 5 minutes", [Haircut with { DurationMinutes = 42 }]),
        ["a zero duration"] = new(Rules(), "DurationMinutes", "Haircut: the duration", [Haircut with { DurationMinutes = 0 }]),
        ["a buffer off the 5-minute marks"] = new(Rules(), "BufferAfterMinutes", "Haircut: the buffer after must be 0 or a multiple of 5 minutes", [Haircut with { BufferAfterMinutes = 3 }]),
        ["a negative buffer"] = new(Rules(), "BufferBeforeMinutes", "the buffer before", [Haircut with { BufferBeforeMinutes = -5 }]),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_broken_rule_is_named_in_words_the_settings_page_can_show(string name)
    {
        var row = Cases[name];

        var problems = row.Rules.Validate(row.Services);

        problems.ShouldContain(p => p.Field == row.Field && p.Message.Contains(row.Says), string.Join(" | ", problems.Select(p => $"{p.Field}: {p.Message}")));
    }

    [Fact]
    public void Sound_rules_have_no_problems()
    {
        var rules = Rules() with
        {
            WeeklyHours = [.. Rules().WeeklyHours, new OpeningInterval(DayOfWeek.Sunday, T("20:00"), T("00:00"))],
            DateOverrides = [DateOverride.Closed(Tuesday, "Training"), DateOverride.SpecialHours(Wednesday, [new(T("10:00"), T("14:00"))])],
            Capacity = 2,
            Resources = [new("anna", "Anna"), new("ben", "Ben", ServiceIds: ["color"])],
            DailyLimit = 12,
        };

        rules.Validate([Haircut, Color, Consultation]).ShouldBeEmpty();
    }

    [Fact]
    public void The_calculator_refuses_rules_that_do_not_validate()
    {
        Should.Throw<ArgumentException>(() => new AvailabilityCalculator(Rules() with { Capacity = 0 }, [], [], Salon.Now))
            .Message.ShouldContain("Capacity must be at least 1");
    }

    [Fact]
    public void A_closing_time_of_midnight_closes_at_the_end_of_the_day()
    {
        var rules = Rules() with { DateOverrides = [DateOverride.SpecialHours(Tuesday, [new(T("22:00"), T("00:00"))])] };
        var availability = new AvailabilityCalculator(rules, [], [], Salon.Now);

        Times(availability.FreeSlots(Haircut, Tuesday)).ShouldBe(Expand("22:00..23:15", 15));
    }
}
