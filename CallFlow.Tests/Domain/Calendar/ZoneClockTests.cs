using CallFlow.Domain.Calendar;
using static CallFlow.Tests.Domain.Calendar.Salon;

namespace CallFlow.Tests.Domain.Calendar;

public class ZoneClockTests
{
    public static TheoryData<string> Zones => [NewYork, London, "Australia/Lord_Howe", "America/Santiago", "Asia/Kathmandu", "Asia/Tokyo"];

    /// <summary>
    /// Oracle: convert every 5-minute instant around a day to local time with TimeZoneInfo; a local time maps to the
    /// earliest instant showing it, or to nothing when no instant shows it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Zones))]
    public void Local_times_resolve_to_their_first_occurrence_and_skipped_times_to_nothing(string zone)
    {
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var clock = new ZoneClock(timeZone);
        var weekends = Days(D("2026-03-01"), D("2026-04-12")).Concat(Days(D("2026-08-30"), D("2026-11-08")))
            .Where(day => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday or DayOfWeek.Monday);

        foreach (var day in weekends)
        {
            var firstShowing = new Dictionary<DateTime, DateTimeOffset>();
            var utcMidnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            for (var instant = utcMidnight.AddDays(-1); instant < utcMidnight.AddDays(2); instant = instant.AddMinutes(5))
            {
                firstShowing.TryAdd(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime, instant);
            }

            for (var minute = 0; minute < 24 * 60; minute += 5)
            {
                var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
                var expected = firstShowing.TryGetValue(local, out var instant) ? ZoneClock.EpochMinute(instant) : (long?)null;
                clock.TryResolve(day, minute).ShouldBe(expected, $"{zone} {local:yyyy-MM-dd HH:mm}");
            }
        }
    }

    [Fact]
    public void A_boundary_in_skipped_time_falls_on_the_instant_the_clocks_jump()
    {
        var clock = new ZoneClock(TimeZoneInfo.FindSystemTimeZoneById(NewYork));

        ZoneClock.Instant(clock.ResolveBoundary(D("2026-03-08"), 150)).ShouldBe(Instant("2026-03-08T03:00:00-04:00"));
        ZoneClock.Instant(clock.ResolveBoundary(D("2026-03-08"), 60)).ShouldBe(Instant("2026-03-08T01:00:00-05:00"));
    }

    [Fact]
    public void Midnight_at_the_end_of_a_day_is_the_next_days_start()
    {
        var clock = new ZoneClock(TimeZoneInfo.FindSystemTimeZoneById(London));

        clock.TryResolve(D("2026-06-08"), 24 * 60).ShouldBe(clock.TryResolve(D("2026-06-09"), 0));
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly through)
    {
        for (var day = from; day <= through; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
