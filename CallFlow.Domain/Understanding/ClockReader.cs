namespace CallFlow.Domain.Understanding;

internal enum Meridiem
{
    None,
    Am,
    Pm,
}

/// <summary>A clock reading before AM/PM is settled: "three thirty" is 3:30 with no meridiem.</summary>
internal readonly record struct Clock(int Hour, int Minute, Meridiem Meridiem)
{
    /// <summary>An hour a caller could mean either side of noon ("at 3").</summary>
    public bool IsAmbiguous => Meridiem == Meridiem.None && Hour is >= 1 and <= 12;
}

/// <summary>
/// Reads one clock expression: "3", "3pm", "3:30", "15:00", "three thirty", "three oh five", "half past two",
/// "quarter to five", "ten past four", "noon", "midnight". A bare hour ("3", "four") is only a time when something
/// says so (a cue word before it, "pm" or "o'clock" after it, or a time step); <c>NeedsCue</c> reports that.
/// </summary>
internal static class ClockReader
{
    public static bool TryRead(TokenStream t, int i, bool timeStep, out Clock clock, out int length, out bool needsCue)
    {
        clock = default;
        length = 0;
        needsCue = false;
        if (!t.IsFree(i))
        {
            return false;
        }

        var word = t[i];
        if (word is "noon" or "midday" || (word == "12" && t[i + 1] == "noon"))
        {
            clock = new Clock(12, 0, Meridiem.Pm);
            length = word == "12" ? 2 : 1;
            return true;
        }

        if (word == "midnight")
        {
            clock = new Clock(0, 0, Meridiem.Am);
            length = 1;
            return true;
        }

        if (TryRelativeToHour(t, i, out clock, out length) || TryDigitClock(t, i, timeStep, out clock, out length, out needsCue)
            || TryWordClock(t, i, out clock, out length, out needsCue))
        {
            length += ReadMeridiem(t, i + length, ref clock, ref needsCue);
            return true;
        }

        return false;
    }

    // "half past two", "quarter to five", "ten past four", "twenty to five", "half two" (British).
    private static bool TryRelativeToHour(TokenStream t, int i, out Clock clock, out int length)
    {
        clock = default;
        length = 0;
        var at = t[i] == "a" && t[i + 1] == "quarter" ? i + 1 : i;
        int minutes;
        int minutesLength;
        if (t[at] == "half")
        {
            minutes = 30;
            minutesLength = 1;
        }
        else if (t[at] == "quarter")
        {
            minutes = 15;
            minutesLength = 1;
        }
        else if (!NumberWords.TryCardinal(t, at, out minutes, out minutesLength) || minutes is < 1 or > 30)
        {
            return false;
        }

        var next = at + minutesLength;
        var saidMinutes = t[next] is "minutes" or "minute";
        if (saidMinutes)
        {
            next++;
        }

        var direction = t[next] switch
        {
            "past" or "after" => 1,
            "to" or "of" or "till" or "til" or "before" => -1,
            _ => 0,
        };
        if (direction == 0 && t[at] == "half" && NumberWords.TryCardinal(t, next, out var ukHour, out var ukLength) && ukHour is >= 1 and <= 12)
        {
            clock = new Clock(ukHour, 30, Meridiem.None);
            length = next + ukLength - i;
            return true;
        }

        // "from 2 to 4" is a range, not 3:58: a plain number before "to" only counts as minutes when it is one
        // of the round amounts people tell the time with.
        var plainNumber = t[at] is not "half" and not "quarter" && !saidMinutes;
        if (plainNumber && (minutes is not (5 or 10 or 20 or 25) || (direction < 0 && t[i - 1] is "from" or "between")))
        {
            return false;
        }

        if (direction == 0 || !NumberWords.TryCardinal(t, next + 1, out var hour, out var hourLength) || hour is < 1 or > 12)
        {
            return false;
        }

        var total = (hour * 60 + direction * minutes + 12 * 60) % (12 * 60);
        clock = new Clock(total / 60 == 0 ? 12 : total / 60, total % 60, Meridiem.None);
        length = next + 1 + hourLength - i;
        return true;
    }

    // "3", "3:30", "3.30", "15:00", "3 30"; "330" and "1530" only when the step asked for a time.
    private static bool TryDigitClock(TokenStream t, int i, bool timeStep, out Clock clock, out int length, out bool needsCue)
    {
        clock = default;
        length = 0;
        needsCue = false;
        var word = t[i];
        var separator = word.IndexOfAny([':', '.']);
        if (separator > 0)
        {
            if (int.TryParse(word.AsSpan(0, separator), out var h) && int.TryParse(word.AsSpan(separator + 1), out var m)
                && word.Length - separator == 3 && h <= 23 && m <= 59)
            {
                clock = new Clock(h, m, Meridiem.None);
                length = 1;
                return true;
            }

            return false;
        }

        if (!NumberWords.IsDigits(word) || word.Length > 4 || !int.TryParse(word, out var value))
        {
            return false;
        }

        if (word.Length <= 2 && value <= 23)
        {
            clock = new Clock(value, 0, Meridiem.None);
            length = 1;
            needsCue = true;
            if (value <= 12 && TryMinuteWords(t, i + 1, out var minutes, out var minutesLength))
            {
                clock = clock with { Minute = minutes };
                length += minutesLength;
            }

            return true;
        }

        if (timeStep && word.Length is 3 or 4 && value / 100 <= 23 && value % 100 <= 59)
        {
            clock = new Clock(value / 100, value % 100, Meridiem.None);
            length = 1;
            return true;
        }

        return false;
    }

    // "three", "three thirty", "two forty five", "three oh five", "three o'clock".
    private static bool TryWordClock(TokenStream t, int i, out Clock clock, out int length, out bool needsCue)
    {
        clock = default;
        length = 0;
        needsCue = false;
        if (!NumberWords.TryUnit(t[i], out var hour) || hour is < 1 or > 12)
        {
            return false;
        }

        clock = new Clock(hour, 0, Meridiem.None);
        length = 1;
        if (TryMinuteWords(t, i + 1, out var minutes, out var minutesLength))
        {
            clock = clock with { Minute = minutes };
            length += minutesLength;
            return true;
        }

        needsCue = true;
        return true;
    }

    // The minutes after an hour: "thirty", "forty five", "fifteen", "oh five", "30", "05".
    private static bool TryMinuteWords(TokenStream t, int i, out int minutes, out int length)
    {
        minutes = 0;
        length = 0;
        if (!t.IsFree(i))
        {
            return false;
        }

        if (t[i] is "oh" or "o" && NumberWords.TryUnit(t[i + 1], out var unit) && unit is >= 1 and <= 9)
        {
            minutes = unit;
            length = 2;
            return true;
        }

        if (NumberWords.IsDigits(t[i]))
        {
            return t[i].Length == 2 && int.TryParse(t[i], out minutes) && minutes <= 59 && (length = 1) == 1;
        }

        return NumberWords.TryCardinal(t, i, out minutes, out length) && minutes is >= 10 and <= 59;
    }

    // "pm", "am", "o'clock", "in the morning", "in the afternoon", "at night".
    private static int ReadMeridiem(TokenStream t, int i, ref Clock clock, ref bool needsCue)
    {
        var (meridiem, length) = t[i] switch
        {
            "am" => (Meridiem.Am, 1),
            "pm" => (Meridiem.Pm, 1),
            "oclock" => (Meridiem.None, 1),
            "o" when t[i + 1] == "clock" => (Meridiem.None, 2),
            _ when t.MatchesAt(i, ["in", "the", "morning"]) => (Meridiem.Am, 3),
            _ when t.MatchesAt(i, ["in", "the", "afternoon"]) || t.MatchesAt(i, ["in", "the", "evening"]) => (Meridiem.Pm, 3),
            _ when t.MatchesAt(i, ["at", "night"]) => (Meridiem.Pm, 2),
            _ => (Meridiem.None, 0),
        };
        if (length == 0 || (meridiem != Meridiem.None && clock.Hour > 12))
        {
            return 0;
        }

        needsCue = false;
        if (meridiem != Meridiem.None)
        {
            clock = clock with { Meridiem = meridiem };
        }

        return length;
    }
}
