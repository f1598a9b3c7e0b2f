namespace CallFlow.Domain.Understanding;

/// <summary>The time a caller asked for and the time they ruled out.</summary>
internal readonly record struct TimeFindings(TimeRequest? Time, TimeRequest? Excluded);

/// <summary>
/// Reads times: exact clock times (see <see cref="ClockReader"/>), windows ("after 4", "before noon", "between 2 and
/// 4", "morning"), and "earliest"/"latest" requests ("first thing in the morning", "earliest you have"). AM/PM is
/// settled by <see cref="HourResolver"/> against the day asked for. An exact time beats a window; several windows
/// narrow each other ("afternoon, after 3" is 15:00–17:00); the last exact time said wins.
/// </summary>
internal static class TimeParser
{
    private enum Kind
    {
        Exact,
        Range,
        Earliest,
        Latest,
    }

    private readonly record struct Hit(Kind Kind, TimeOnly? From, TimeOnly? To, bool Negated);

    private static readonly string[][] EarliestPhrases = Phrases.Of(
        "earliest you have", "earliest available", "earliest possible", "earliest appointment", "earliest time",
        "earliest slot", "earliest", "as early as possible", "as soon as possible", "asap", "soonest", "first available",
        "first appointment", "first slot", "first opening", "first thing", "next available", "as early as you can");

    private static readonly string[][] LatestPhrases = Phrases.Of(
        "latest you have", "latest appointment", "latest", "last appointment", "last slot", "last thing",
        "end of the day", "as late as possible", "as late as you can");

    private static readonly string[][] AnyTimePhrases = Phrases.Of("any time", "anytime", "whenever", "whatever time");

    // Words before a bare number that make it a time: "at 3", "make it 4", "can we do 4", "3 or 4".
    private static readonly HashSet<string> Cues = Phrases.Words(
        "at", "around", "about", "round", "by", "after", "before", "until", "till", "til", "from", "between", "and",
        "to", "it", "do", "say", "try", "maybe", "or", "like", "approximately", "roughly", "near", "for", "than", "be");

    // Words after a number that make it a count, not a time: "for 2 people", "3 weeks".
    private static readonly HashSet<string> CountNouns = Phrases.Words(
        "people", "persons", "person", "of", "kids", "children", "hours", "hour", "minutes", "minute", "weeks", "week",
        "days", "day", "months", "month", "years", "year", "times", "dollars", "bucks", "percent", "services", "more");

    public static TimeFindings Parse(TokenStream t, InterpretationContext context, DateOnly? date)
    {
        var hits = new List<Hit>();
        var clocks = new List<(Clock? From, Clock? To, Kind Kind, bool Negated)>();
        var parts = new List<DayPart>();
        for (var i = 0; i < t.Count; i++)
        {
            if (DayParts.TryRead(t, i, out var part))
            {
                parts.Add(part);
                t.Consume(part.Start, part.Length);
            }
        }

        var hint = parts.Where(p => !Negation.IsNegated(t, p.Start, p.Length)).Select(p => p.Hint).FirstOrDefault();
        AddPhraseHits(t, EarliestPhrases, Kind.Earliest, hits);
        AddPhraseHits(t, LatestPhrases, Kind.Latest, hits);
        AddPhraseHits(t, AnyTimePhrases, Kind.Range, hits);

        var timeStep = context.Expected.Input == ExpectedInput.Time;
        for (var i = 0; i < t.Count; i++)
        {
            if (!t.IsFree(i))
            {
                continue;
            }

            if (TimeRanges.TryRead(t, i, out var range))
            {
                clocks.Add((range.From, range.To, Kind.Range, range.Negated));
                i += range.Length - 1;
                continue;
            }

            if (!ClockReader.TryRead(t, i, timeStep, out var clock, out var length, out var needsCue))
            {
                continue;
            }

            var cued = !needsCue || timeStep || Cues.Contains(t[i - 1]) || t.IsClaimedBy(i - 1, Claim.Date)
                || (t[i - 1] == "of" && t[i - 2] == "instead")
                || (t.WordCount == length && context.IsConfirming);
            if (!cued || CountNouns.Contains(t[i + length]))
            {
                continue;
            }

            t.Consume(i, length);
            clocks.Add((clock, null, Kind.Exact, Negation.IsNegated(t, i, length)));
            i += length - 1;
        }

        foreach (var (from, to, kind, negated) in clocks)
        {
            TimeOnly? start = from is { } f ? HourResolver.Resolve(f, hint, context.Business, date) : null;
            TimeOnly? end = to is { } e ? HourResolver.Resolve(e, hint, context.Business, date) : null;
            if (start is not null && end is not null && end <= start && to!.Value.IsAmbiguous && end.Value.Hour < 12)
            {
                end = end.Value.AddHours(12);
            }

            hits.Add(new Hit(kind, start, kind == Kind.Exact ? start : end, negated));
        }

        hits.AddRange(parts.Select(p => new Hit(Kind.Range, p.From, p.To, Negation.IsNegated(t, p.Start, p.Length))));
        return Compose(hits);
    }

    private static void AddPhraseHits(TokenStream t, string[][] phrases, Kind kind, List<Hit> hits)
    {
        var (index, length) = t.FindAny(phrases, freeOnly: true);
        if (index >= 0)
        {
            t.Consume(index, length);
            hits.Add(new Hit(kind, null, null, Negation.IsNegated(t, index, length)));
        }
    }

    private static TimeFindings Compose(List<Hit> hits)
    {
        var wanted = hits.Where(h => !h.Negated).ToList();
        var excluded = hits.Where(h => h.Negated).Select(ToRequest).FirstOrDefault();
        if (wanted.LastOrDefault(h => h.Kind == Kind.Exact) is { From: { } exact })
        {
            return new TimeFindings(TimeRequest.At(exact), excluded);
        }

        TimeOnly? from = null, to = null;
        foreach (var range in wanted.Where(h => h.Kind == Kind.Range))
        {
            from = Later(from, range.From);
            to = Earlier(to, range.To);
        }

        if (from is not null && to is not null && from >= to)
        {
            var last = wanted.Last(h => h.Kind == Kind.Range);
            (from, to) = (last.From, last.To);
        }

        if (wanted.FirstOrDefault(h => h.Kind is Kind.Earliest or Kind.Latest) is { Kind: Kind.Earliest or Kind.Latest } extreme)
        {
            var kind = extreme.Kind == Kind.Earliest ? TimeRequestKind.Earliest : TimeRequestKind.Latest;
            return new TimeFindings(new TimeRequest(kind, from, to), excluded);
        }

        var anyRange = wanted.Any(h => h.Kind == Kind.Range);
        return new TimeFindings(anyRange ? TimeRequest.Between(from, to) : null, excluded);
    }

    private static TimeRequest ToRequest(Hit hit) => hit.Kind switch
    {
        Kind.Exact => TimeRequest.At(hit.From!.Value),
        Kind.Earliest => new TimeRequest(TimeRequestKind.Earliest, hit.From, hit.To),
        Kind.Latest => new TimeRequest(TimeRequestKind.Latest, hit.From, hit.To),
        _ => TimeRequest.Between(hit.From, hit.To),
    };

    private static TimeOnly? Later(TimeOnly? a, TimeOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static TimeOnly? Earlier(TimeOnly? a, TimeOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
