namespace CallFlow.Domain.Understanding;

/// <summary>A window read from the words [Start, Start+Length): either end may be open.</summary>
internal readonly record struct TimeRange(Clock? From, Clock? To, int Length, bool Negated);

/// <summary>
/// Windows with a spoken bound: "after 4", "any time after 4", "from 2 on", "4 or later", "before noon", "by 5",
/// "until 3", "no later than 3", "between 2 and 4", "from 2 to 4", "after lunch", "after work". "Not before 10" is a
/// window starting at 10, not a ruled-out time.
/// </summary>
internal static class TimeRanges
{
    private static readonly Clock LunchEnds = new(13, 0, Meridiem.None), LunchStarts = new(12, 0, Meridiem.Pm),
        WorkEnds = new(17, 0, Meridiem.None), WorkStarts = new(9, 0, Meridiem.Am), SchoolEnds = new(15, 0, Meridiem.None);

    public static bool TryRead(TokenStream t, int i, out TimeRange range)
    {
        range = default;
        var word = t[i];
        var notBefore = t[i - 1] == "not";
        if (word is "after" or "past" || (word == "from" && !IsBetween(t, i)))
        {
            if (!TryBound(t, i + 1, after: true, out var bound, out var length))
            {
                return false;
            }

            var end = i + 1 + length;
            end += t[end] is "on" or "onwards" or "onward" ? 1 : 0;
            return Done(t, i, end, notBefore ? new TimeRange(null, bound, 0, false) : new TimeRange(bound, null, 0, false), notBefore, out range);
        }

        if (word is "before" or "until" or "till" or "til" or "by" || (word == "later" && t[i - 1] == "no" && t[i + 1] == "than"))
        {
            var at = word == "later" ? i + 2 : i + 1;
            if (!TryBound(t, at, after: false, out var bound, out var length))
            {
                return false;
            }

            var found = notBefore ? new TimeRange(bound, null, 0, false) : new TimeRange(null, bound, 0, false);
            return Done(t, word == "later" ? i - 1 : i, at + length, found, notBefore, out range);
        }

        if (word is "between" or "from" && IsBetween(t, i))
        {
            ClockReader.TryRead(t, i + 1, true, out var start, out var startLength, out _);
            var joiner = i + 1 + startLength;
            ClockReader.TryRead(t, joiner + 1, true, out var end, out var endLength, out _);

            // "between 2 and 4 pm": the meridiem said once covers both ends.
            if (start.Meridiem == Meridiem.None && end.Meridiem != Meridiem.None && start.Hour < end.Hour)
            {
                start = start with { Meridiem = end.Meridiem };
            }

            return Done(t, i, joiner + 1 + endLength, new TimeRange(start, end, 0, false), false, out range);
        }

        if (ClockReader.TryRead(t, i, false, out var clock, out var clockLength, out _) && t[i + clockLength] == "or"
            && t[i + clockLength + 1] is "later" or "after" or "earlier" or "before")
        {
            var later = t[i + clockLength + 1] is "later" or "after";
            var found = later ? new TimeRange(clock, null, 0, false) : new TimeRange(null, clock, 0, false);
            return Done(t, i, i + clockLength + 2, found, false, out range);
        }

        return false;
    }

    private static bool Done(TokenStream t, int start, int end, TimeRange found, bool cueIsPartOfRange, out TimeRange range)
    {
        var first = cueIsPartOfRange ? start - 1 : start;
        t.Consume(first, end - first);
        var negated = !cueIsPartOfRange && Negation.IsNegated(t, start, end - start);
        range = found with { Length = end - start, Negated = negated };
        return true;
    }

    // "between 2 and 4", "from 2 to 4": both ends must be clock readings.
    private static bool IsBetween(TokenStream t, int i)
    {
        if (!ClockReader.TryRead(t, i + 1, true, out _, out var fromLength, out _))
        {
            return false;
        }

        var joiner = t[i + 1 + fromLength];
        return joiner is "and" or "to" or "till" or "until" or "til" or "-"
            && ClockReader.TryRead(t, i + 2 + fromLength, true, out _, out _, out _);
    }

    private static bool TryBound(TokenStream t, int i, bool after, out Clock bound, out int length)
    {
        length = 1;
        var at = t[i] is "the" or "my" ? i + 1 : i;
        switch (t[at])
        {
            case "lunch" or "lunchtime":
                bound = after ? LunchEnds : LunchStarts;
                length = at + 1 - i;
                return true;
            case "work":
                bound = after ? WorkEnds : WorkStarts;
                length = at + 1 - i;
                return true;
            case "school" when after:
                bound = SchoolEnds;
                length = at + 1 - i;
                return true;
        }

        return ClockReader.TryRead(t, i, true, out bound, out length, out _);
    }
}
