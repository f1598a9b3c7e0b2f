namespace CallFlow.Domain.Understanding;

/// <summary>Weekday and month names as callers say them, and the week arithmetic behind "this" and "next".</summary>
internal static class CalendarWords
{
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["mondays"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tuesdays"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wednesdays"] = DayOfWeek.Wednesday, ["weds"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thursdays"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fridays"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["saturdays"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sundays"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["july"] = 7, ["august"] = 8, ["aug"] = 8, ["september"] = 9, ["sept"] = 9,
        ["sep"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    };

    public static bool TryWeekday(string word, out DayOfWeek day) => Weekdays.TryGetValue(word, out day);

    public static bool TryMonth(string word, out int month) => Months.TryGetValue(word, out month);

    public static bool IsCalendarWord(string word) => Weekdays.ContainsKey(word) || Months.ContainsKey(word);

    /// <summary>A bare weekday is the next one after today: a caller who means today says "today".</summary>
    public static DateOnly Upcoming(DateOnly today, DayOfWeek day)
    {
        var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead == 0 ? 7 : ahead);
    }

    /// <summary>"This Friday" is the Friday of the next seven days, today included.</summary>
    public static DateOnly This(DateOnly today, DayOfWeek day) =>
        today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7);

    /// <summary>"Next Friday" is the Friday of next week (weeks start on Monday): on Wednesday the 4th it is the 13th.</summary>
    public static DateOnly Next(DateOnly today, DayOfWeek day) =>
        StartOfWeek(today).AddDays(7 + ((int)day + 6) % 7);

    public static DateOnly StartOfWeek(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>A month and day without a year: this year, or next year once it has passed.</summary>
    public static DateOnly? MonthDay(DateOnly today, int month, int day, int? year)
    {
        if (month is < 1 or > 12 || day < 1 || day > 31)
        {
            return null;
        }

        if (year is { } y)
        {
            return day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
        }

        for (var candidate = today.Year; candidate <= today.Year + 4; candidate++)
        {
            if (day <= DateTime.DaysInMonth(candidate, month) && new DateOnly(candidate, month, day) >= today)
            {
                return new DateOnly(candidate, month, day);
            }
        }

        return null;
    }

    /// <summary>"The 5th": the next 5th from today (today included), skipping months too short for it.</summary>
    public static DateOnly? DayOfMonth(DateOnly today, int day, int monthsAhead = 0)
    {
        if (day is < 1 or > 31)
        {
            return null;
        }

        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(monthsAhead);
        for (var k = 0; k < 12; k++, month = month.AddMonths(1))
        {
            if (day <= DateTime.DaysInMonth(month.Year, month.Month))
            {
                var date = new DateOnly(month.Year, month.Month, day);
                if (date >= today)
                {
                    return date;
                }
            }

            if (monthsAhead > 0)
            {
                return null;
            }
        }

        return null;
    }
}
