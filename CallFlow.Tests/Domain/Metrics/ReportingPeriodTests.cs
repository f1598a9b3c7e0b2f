using CallFlow.Domain.Metrics;

namespace CallFlow.Tests.Domain.Metrics;

public class ReportingPeriodTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void A_call_at_half_past_eleven_at_night_belongs_to_that_day_not_to_the_next_in_UTC()
    {
        var lateOnThe3rd = DateTimeOffset.Parse("2026-03-03T23:30:00-05:00");
        var third = new ReportingPeriod(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3), NewYork);
        var fourth = new ReportingPeriod(new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 4), NewYork);

        lateOnThe3rd.UtcDateTime.Day.ShouldBe(4);
        third.DayOf(lateOnThe3rd).ShouldBe(new DateOnly(2026, 3, 3));
        third.Contains(lateOnThe3rd).ShouldBeTrue();
        fourth.Contains(lateOnThe3rd).ShouldBeFalse();
        (third.Start, third.End).ShouldBe((DateTimeOffset.Parse("2026-03-03T05:00:00Z"), DateTimeOffset.Parse("2026-03-04T05:00:00Z")));
    }

    public static TheoryData<string, DateOnly, double> DaysWhenClocksChange => new()
    {
        { "America/New_York", new DateOnly(2026, 3, 8), 23 },
        { "America/New_York", new DateOnly(2026, 11, 1), 25 },
        { "Europe/London", new DateOnly(2026, 3, 29), 23 },
        { "Australia/Lord_Howe", new DateOnly(2026, 4, 5), 24.5 },
        { "Asia/Kolkata", new DateOnly(2026, 3, 8), 24 },
    };

    [Theory]
    [MemberData(nameof(DaysWhenClocksChange))]
    public void A_day_lasts_as_long_as_the_business_lives_it(string zoneId, DateOnly day, double hours)
    {
        var period = new ReportingPeriod(day, day, TimeZoneInfo.FindSystemTimeZoneById(zoneId));

        (period.End - period.Start).TotalHours.ShouldBe(hours);
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("America/Santiago")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("Pacific/Chatham")]
    public void Every_day_of_a_year_starts_on_that_day_and_ends_where_the_next_begins(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var year = new ReportingPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), zone);

        foreach (var day in year.Dates)
        {
            var start = ReportingPeriod.StartOf(day, zone);
            var next = ReportingPeriod.StartOf(day.AddDays(1), zone);
            year.DayOf(start).ShouldBe(day, $"{day} starts on itself");
            year.DayOf(next.AddTicks(-1)).ShouldBe(day, $"{day} ends where {day.AddDays(1)} starts");
            (next - start).TotalHours.ShouldBeInRange(22.5, 25.5);
        }
    }

    [Fact]
    public void The_last_seven_days_end_today_on_the_business_clock()
    {
        var lateEvening = DateTimeOffset.Parse("2026-03-04T03:00:00Z"); // 22:00 on the 3rd in New York

        var week = ReportingPeriod.Last(7, lateEvening, NewYork);

        (week.From, week.To, week.Days).ShouldBe((new DateOnly(2026, 2, 25), new DateOnly(2026, 3, 3), 7));
    }

    [Fact]
    public void A_period_that_runs_backwards_or_beyond_a_year_is_refused()
    {
        Should.Throw<ArgumentException>(() => new ReportingPeriod(new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 3), NewYork));
        Should.Throw<ArgumentException>(() => new ReportingPeriod(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 2), NewYork));
        new ReportingPeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), NewYork).Days.ShouldBe(366);
    }
}
