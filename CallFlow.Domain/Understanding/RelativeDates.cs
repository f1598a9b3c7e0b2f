namespace CallFlow.Domain.Understanding;

/// <summary>Days counted from another: "in two weeks", "in a couple of days", "two weeks from today", "a week from Friday".</summary>
internal static class RelativeDates
{
    public static bool TryAt(TokenStream t, int i, DateOnly today, out DateHit hit)
    {
        hit = default;
        var start = i;
        var leadingIn = t[i] == "in";
        if (leadingIn)
        {
            i++;
        }

        if (!TryCount(t, i, out var count, out var countLength))
        {
            return false;
        }

        var unitAt = i + countLength;
        var unit = t[unitAt];
        Func<DateOnly, DateOnly>? shift = unit switch
        {
            "day" or "days" => d => d.AddDays(count),
            "week" or "weeks" => d => d.AddDays(7 * count),
            "fortnight" or "fortnights" => d => d.AddDays(14 * count),
            "month" or "months" => d => d.AddMonths(count),
            _ => null,
        };
        if (shift is null)
        {
            return false;
        }

        var end = unitAt + 1;
        if (t[end] is "from" or "on" && (t[end + 1] is "today" or "now" or "tomorrow" || CalendarWords.TryWeekday(t[end + 1], out _)))
        {
            var anchor = t[end + 1] switch
            {
                "today" or "now" => today,
                "tomorrow" => today.AddDays(1),
                var day => CalendarWords.Upcoming(today, CalendarWords.TryWeekday(day, out var d) ? d : default),
            };
            hit = new DateHit(shift(anchor), start, end + 2 - start, false);
            return true;
        }

        if (!leadingIn)
        {
            return false;
        }

        hit = new DateHit(shift(today), start, end - start, false);
        return true;
    }

    private static bool TryCount(TokenStream t, int i, out int count, out int length)
    {
        if (t[i] is "a" or "an" or "one")
        {
            var couple = t[i + 1] == "couple";
            count = couple ? 2 : 1;
            length = couple ? (t[i + 2] == "of" ? 3 : 2) : 1;
            return true;
        }

        if (t[i] == "couple")
        {
            count = 2;
            length = t[i + 1] == "of" ? 2 : 1;
            return true;
        }

        return NumberWords.TryCardinal(t, i, out count, out length) && count is > 0 and < 100;
    }
}
