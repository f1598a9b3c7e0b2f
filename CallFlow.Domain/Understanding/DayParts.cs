namespace CallFlow.Domain.Understanding;

/// <summary>A named part of the day found in the words [Start, Start+Length), as a window and an AM/PM hint.</summary>
internal readonly record struct DayPart(int Start, int Length, TimeOnly From, TimeOnly To, Meridiem Hint);

/// <summary>
/// "Morning" (06:00–12:00), "afternoon" (12:00–17:00), "evening"/"tonight" (17:00–21:00), "lunchtime"
/// (11:30–13:30), with "early", "mid" and "late" narrowing them. "Good morning" is a greeting, not a preference.
/// </summary>
internal static class DayParts
{
    private static readonly TimeOnly Six = new(6, 0), Nine = new(9, 0), Ten = new(10, 0), Noon = new(12, 0),
        Two = new(14, 0), Three = new(15, 0), Four = new(16, 0), Five = new(17, 0), Seven = new(19, 0), Nine_Pm = new(21, 0);

    public static bool TryRead(TokenStream t, int i, out DayPart part)
    {
        part = default;
        if (!t.IsFree(i))
        {
            return false;
        }

        var modifier = t[i] is "early" or "mid" or "late" ? t[i] : null;
        var at = modifier is null ? i : i + 1;
        if (modifier == "mid" && t[at] == "-")
        {
            at++;
        }

        var word = t[at] switch
        {
            "midmorning" or "mid-morning" => "morning",
            "midafternoon" or "mid-afternoon" => "afternoon",
            var w => w,
        };
        modifier ??= t[at] is "midmorning" or "midafternoon" or "mid-morning" or "mid-afternoon" ? "mid" : null;
        if (t[at - 1] == "good" && modifier is null)
        {
            return false;
        }

        (TimeOnly From, TimeOnly To, Meridiem Hint)? window = (word, modifier) switch
        {
            ("morning" or "mornings", "early") => (Six, Nine, Meridiem.Am),
            ("morning" or "mornings", "mid") => (Nine, new TimeOnly(11, 0), Meridiem.Am),
            ("morning" or "mornings", "late") => (Ten, Noon, Meridiem.Am),
            ("morning" or "mornings", _) => (Six, Noon, Meridiem.Am),
            ("afternoon" or "afternoons", "early") => (Noon, Two, Meridiem.Pm),
            ("afternoon" or "afternoons", "mid") => (Two, Four, Meridiem.Pm),
            ("afternoon" or "afternoons", "late") => (Three, Five, Meridiem.Pm),
            ("afternoon" or "afternoons", _) => (Noon, Five, Meridiem.Pm),
            ("evening" or "evenings", "early") => (Five, Seven, Meridiem.Pm),
            ("evening" or "evenings", "late") => (Seven, Nine_Pm, Meridiem.Pm),
            ("evening" or "evenings" or "tonight" or "tonite" or "night", _) => (Five, Nine_Pm, Meridiem.Pm),
            ("lunchtime" or "lunch", _) => (new TimeOnly(11, 30), new TimeOnly(13, 30), Meridiem.None),
            _ => null,
        };
        if (window is null)
        {
            return false;
        }

        var length = at + 1 - i;
        if (word == "lunch")
        {
            // "lunch" alone is a meal ("before lunch" is read as a bound); "lunch time" and "at lunch" are a window.
            if (t[at + 1] == "time")
            {
                length++;
            }
            else if (t[at - 1] is not ("at" or "around" or "over"))
            {
                return false;
            }
        }

        part = new DayPart(i, length, window.Value.From, window.Value.To, window.Value.Hint);
        return true;
    }
}
