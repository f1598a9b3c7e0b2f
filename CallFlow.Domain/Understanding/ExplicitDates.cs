using System.Globalization;

namespace CallFlow.Domain.Understanding;

/// <summary>Days named by their number: "March 3rd", "the third of March", "the 5th", "3/14", and a bare "5" at a date step.</summary>
internal static class ExplicitDates
{
    private static readonly HashSet<string> NotDateAfterFirst = Phrases.Words(
        "thing", "one", "available", "appointment", "slot", "time", "opening", "option", "choice", "visit", "person");

    // "March 3rd", "March the third", "March 3", "March 3rd 2027".
    public static bool TryMonthFirst(TokenStream t, int i, DateOnly today, out DateHit hit)
    {
        hit = default;
        if (!CalendarWords.TryMonth(t[i], out var month))
        {
            return false;
        }

        var at = t[i + 1] == "the" ? i + 2 : i + 1;
        if (!NumberWords.TryOrdinal(t, at, out var day, out var length) && !NumberWords.TryCardinal(t, at, out day, out length))
        {
            return false;
        }

        var end = at + length;
        var year = TryYear(t, end);
        var date = CalendarWords.MonthDay(today, month, day, year);
        if (date is null)
        {
            return false;
        }

        hit = new DateHit(date.Value, i, end + (year is null ? 0 : 1) - i, true);
        return true;
    }

    // "the 5th", "5th", "the third of March", "the 1st of next month".
    public static bool TryDayFirst(TokenStream t, int i, DateOnly today, out DateHit hit)
    {
        hit = default;
        var hasThe = t[i] == "the";
        var at = hasThe ? i + 1 : i;
        if (!NumberWords.TryOrdinal(t, at, out var day, out var length))
        {
            return false;
        }

        // Spoken ordinals without "the" are rarely days ("first thing", "second option").
        if ((!hasThe && !NumberWords.IsDigits(t[at][..^2])) || NotDateAfterFirst.Contains(t[at + length]))
        {
            return false;
        }

        var end = at + length;
        DateOnly? date;
        if (t[end] == "of" && CalendarWords.TryMonth(t[end + 1], out var month))
        {
            var year = TryYear(t, end + 2);
            date = CalendarWords.MonthDay(today, month, day, year);
            end += 2 + (year is null ? 0 : 1);
        }
        else if (t.MatchesAt(end, ["of", "next", "month"]))
        {
            date = CalendarWords.DayOfMonth(today, day, 1);
            end += 3;
        }
        else
        {
            if (t.MatchesAt(end, ["of", "this", "month"]))
            {
                end += 3;
            }

            date = CalendarWords.DayOfMonth(today, day);
        }

        if (date is null)
        {
            return false;
        }

        hit = new DateHit(date.Value, i, end - i, true);
        return true;
    }

    // "the first Monday in April", "the last Friday of the month", "the second Tuesday of next month".
    public static bool TryNthWeekday(TokenStream t, int i, DateOnly today, out DateHit hit)
    {
        hit = default;
        var at = t[i] == "the" ? i + 1 : i;
        var last = t[at] == "last";
        var nth = 0;
        var nthLength = 1;
        if (!last && !NumberWords.TryOrdinal(t, at, out nth, out nthLength) || nth > 5
            || !CalendarWords.TryWeekday(t[at + nthLength], out var day) || t[at + nthLength + 1] is not ("in" or "of"))
        {
            return false;
        }

        var monthAt = at + nthLength + 2;
        DateOnly? date;
        int length;
        if (CalendarWords.TryMonth(t[monthAt], out var month))
        {
            // A named month already past this year is next year's.
            date = NthWeekday(new DateOnly(today.Year, month, 1), day, nth, last);
            date = date < today ? NthWeekday(new DateOnly(today.Year + 1, month, 1), day, nth, last) : date;
            length = monthAt + 1 - i;
        }
        else if (t[monthAt] is "this" or "next" or "the" && t[monthAt + 1] == "month")
        {
            date = NthWeekday(new DateOnly(today.Year, today.Month, 1).AddMonths(t[monthAt] == "next" ? 1 : 0), day, nth, last);
            length = monthAt + 2 - i;
        }
        else
        {
            return false;
        }

        if (date is null || date < today)
        {
            return false;
        }

        hit = new DateHit(date.Value, i, length, true);
        return true;
    }

    private static DateOnly? NthWeekday(DateOnly first, DayOfWeek day, int nth, bool last)
    {
        var firstOfKind = first.AddDays(((int)day - (int)first.DayOfWeek + 7) % 7);
        var date = last
            ? firstOfKind.AddDays(7 * ((DateTime.DaysInMonth(first.Year, first.Month) - firstOfKind.Day) / 7))
            : firstOfKind.AddDays(7 * (nth - 1));
        return date.Month == first.Month ? date : null;
    }

    // "3/14", "14/3", "3/14/2027": month first where the business's region writes it so.
    public static bool TryNumeric(TokenStream t, int i, DateOnly today, InterpretationContext context, out DateHit hit)
    {
        hit = default;
        var parts = t[i].Split('/');
        if (parts.Length is < 2 or > 3 || !parts.All(NumberWords.IsDigits) || parts.Any(p => p.Length > 4))
        {
            return false;
        }

        var a = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var b = int.Parse(parts[1], CultureInfo.InvariantCulture);
        int? year = parts.Length == 3 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null;
        if (year is < 100)
        {
            year += 2000;
        }

        var monthFirst = BusinessRegion.WritesMonthFirst(context.Business);
        var date = monthFirst
            ? CalendarWords.MonthDay(today, a, b, year) ?? CalendarWords.MonthDay(today, b, a, year)
            : CalendarWords.MonthDay(today, b, a, year) ?? CalendarWords.MonthDay(today, a, b, year);
        if (date is null)
        {
            return false;
        }

        hit = new DateHit(date.Value, i, 1, true);
        return true;
    }

    // At a date step a lone "5" is the 5th.
    public static void BareDayOfMonth(TokenStream t, DateOnly today, List<DateHit> hits)
    {
        for (var i = 0; i < t.Count; i++)
        {
            if (NumberWords.TryCardinal(t, i, out var day, out var length) && CalendarWords.DayOfMonth(today, day) is { } date)
            {
                hits.Add(new DateHit(date, i, length, true));
                return;
            }
        }
    }

    private static int? TryYear(TokenStream t, int i) =>
        NumberWords.IsDigits(t[i]) && t[i].Length == 4 && int.Parse(t[i], CultureInfo.InvariantCulture) is var y and >= 2000 and < 2100
            ? y
            : null;
}
