using CallFlow.Domain.Businesses;
using CallFlow.Domain.Understanding;

namespace CallFlow.Tests.Domain.Understanding;

/// <summary>
/// Days and times are the business's, never the server's: the same words at the same wall-clock moment in the
/// business's own zone mean the same thing wherever the business (or the server) is.
/// </summary>
public class TimeZoneTests
{
    private static readonly RuleBasedInterpreter Interpreter = new();

    public static TheoryData<string, int, int> Zones => new()
    {
        // Wednesday 10:00 in London is Wednesday 10:00 UTC.
        { "Europe/London", 10, 0 },
        // Wednesday 00:30 in Tokyo is still Tuesday 15:30 UTC: a day boundary between business and server.
        { "Asia/Tokyo", 0, 30 },
        // Wednesday 23:30 in Los Angeles is already Thursday 07:30 UTC.
        { "America/Los_Angeles", 23, 30 },
    };

    [Theory]
    [MemberData(nameof(Zones))]
    public void The_corpus_resolves_the_same_in_any_zone_at_the_same_local_moment(string zone, int hour, int minute)
    {
        var business = Salon.Create(zone);
        var now = Salon.At(business, new DateTime(2026, 3, 4, hour, minute, 0));
        var failures = new List<string>();

        // Phone numbers and "3/1" depend on the business's country by design (see RegionTests), not on its zone.
        foreach (var row in UtteranceCorpusTests.All.Where(r => !r.Details.Contains("phone=", StringComparison.Ordinal) && !r.Says.Contains('/')))
        {
            var actual = Interpreter.Interpret(row.Utterance, Salon.Context(row.Step, business, now));
            failures.AddRange(row.Differences(actual, Salon.CallerId).Select(d => $"{row}: {d}"));
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Only_the_instant_counts_not_the_offset_the_clock_reports_it_in()
    {
        var instant = Salon.At(Salon.NewYork, Salon.LocalNow);
        DateTimeOffset[] sameInstant = [instant, instant.ToUniversalTime(), instant.ToOffset(TimeSpan.FromHours(14)), instant.ToOffset(TimeSpan.FromHours(-12))];

        var readings = sameInstant
            .Select(now => Interpreter.Interpret(Utterance.Speech("next Friday at 3, or the day after tomorrow"), Salon.Context("open", now: now)))
            .Select(r => (r.Date, r.ExcludedDate, Time: CorpusRow.Describe(r.Time)))
            .Distinct()
            .ToList();

        readings.ShouldHaveSingleItem().ShouldBe((new DateOnly(2026, 3, 6), null, "15:00"));
    }

    public static TheoryData<string, int, int, int, string, string> NearMidnight => new()
    {
        // 23:58 on Wednesday in New York is 04:58 on Thursday in UTC: tomorrow is still Thursday.
        { "America/New_York", 4, 23, 58, "today", "Wed 2026-03-04" },
        { "America/New_York", 4, 23, 58, "tomorrow", "Thu 2026-03-05" },
        { "America/New_York", 4, 23, 58, "Thursday", "Thu 2026-03-05" },
        // 00:05 on Thursday in Tokyo is 15:05 on Wednesday in UTC: today is already Thursday.
        { "Asia/Tokyo", 5, 0, 5, "today", "Thu 2026-03-05" },
        { "Asia/Tokyo", 5, 0, 5, "tomorrow", "Fri 2026-03-06" },
        { "Asia/Tokyo", 5, 0, 5, "the 5th", "Thu 2026-03-05" },
        { "Asia/Tokyo", 5, 0, 5, "Thursday", "Thu 2026-03-12" },
        // 23:30 on Saturday 7 March in New York, hours before the clocks go forward.
        { "America/New_York", 7, 23, 30, "tomorrow", "Sun 2026-03-08" },
        { "America/New_York", 7, 23, 30, "the day after tomorrow", "Mon 2026-03-09" },
        // One minute before the year turns in Tokyo, it is still 2026 there but already past midday UTC.
        { "Asia/Tokyo", 31, 23, 59, "tomorrow", "Fri 2027-01-01" },
    };

    [Theory]
    [MemberData(nameof(NearMidnight))]
    public void Near_midnight_days_are_counted_from_the_business_s_own_date(string zone, int day, int hour, int minute, string says, string expected)
    {
        var business = Salon.Create(zone);
        var month = day == 31 ? 12 : 3;
        var now = Salon.At(business, new DateTime(2026, month, day, hour, minute, 0));

        var reading = Interpreter.Interpret(Utterance.Speech(says), Salon.Context("date", business, now));

        CorpusRow.Describe(reading.Date).ShouldBe(expected);
    }

    [Fact]
    public void A_bare_hour_is_read_against_the_hours_of_the_day_asked_for()
    {
        var business = Salon.NewYork with
        {
            OpeningHours =
            [
                new(DayOfWeek.Friday, new TimeOnly(13, 0), new TimeOnly(21, 0)),
                new(DayOfWeek.Saturday, new TimeOnly(7, 0), new TimeOnly(12, 0)),
            ],
        };

        Read("Friday at 8").ShouldBe("20:00");
        Read("Saturday at 8").ShouldBe("08:00");
        Read("Friday at 8 in the morning").ShouldBe("08:00");

        string? Read(string says) =>
            CorpusRow.Describe(Interpreter.Interpret(Utterance.Speech(says), Salon.Context("open", business)).Time);
    }
}
