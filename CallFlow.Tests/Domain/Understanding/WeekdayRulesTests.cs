using CallFlow.Domain.Understanding;

namespace CallFlow.Tests.Domain.Understanding;

/// <summary>
/// The weekday rule, on every day of one week (Monday 2 to Sunday 8 March 2026): a bare weekday is the next one after
/// today; "this" is the one within the next seven days, today included; "next" is the one in next week (Monday to
/// Sunday).
/// </summary>
public class WeekdayRulesTests
{
    private static readonly RuleBasedInterpreter Interpreter = new();

    public static TheoryData<string, string, string> Cases => new()
    {
        { "Mon 2026-03-02", "Friday", "Fri 2026-03-06" },
        { "Mon 2026-03-02", "this Friday", "Fri 2026-03-06" },
        { "Mon 2026-03-02", "next Friday", "Fri 2026-03-13" },
        { "Mon 2026-03-02", "Monday", "Mon 2026-03-09" },
        { "Mon 2026-03-02", "this Monday", "Mon 2026-03-02" },
        { "Tue 2026-03-03", "Wednesday", "Wed 2026-03-04" },
        { "Tue 2026-03-03", "next Wednesday", "Wed 2026-03-11" },
        { "Wed 2026-03-04", "Friday", "Fri 2026-03-06" },
        { "Wed 2026-03-04", "next Friday", "Fri 2026-03-13" },
        { "Wed 2026-03-04", "this Tuesday", "Tue 2026-03-10" },
        { "Thu 2026-03-05", "Thursday", "Thu 2026-03-12" },
        { "Thu 2026-03-05", "this Thursday", "Thu 2026-03-05" },
        { "Fri 2026-03-06", "next Monday", "Mon 2026-03-09" },
        { "Fri 2026-03-06", "Friday after next", "Fri 2026-03-20" },
        { "Sat 2026-03-07", "Monday", "Mon 2026-03-09" },
        { "Sat 2026-03-07", "next Monday", "Mon 2026-03-09" },
        { "Sat 2026-03-07", "next Saturday", "Sat 2026-03-14" },
        { "Sun 2026-03-08", "next Monday", "Mon 2026-03-09" },
        { "Sun 2026-03-08", "this Sunday", "Sun 2026-03-08" },
        { "Sun 2026-03-08", "next Sunday", "Sun 2026-03-15" },
        { "Sun 2026-03-08", "Sunday", "Sun 2026-03-15" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Weekday_names_resolve_by_the_documented_rule(string today, string says, string expected)
    {
        var date = DateOnly.Parse(today[4..], System.Globalization.CultureInfo.InvariantCulture);
        var now = Salon.At(Salon.NewYork, date.ToDateTime(new TimeOnly(10, 0)));

        var reading = Interpreter.Interpret(Utterance.Speech(says), Salon.Context("date", now: now));

        CorpusRow.Describe(reading.Date).ShouldBe(expected);
    }
}
