using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Understanding;

/// <summary>
/// Picks one of a step's options: by key ("2" pressed), by position ("option two", "the second one", "the last
/// one", or a bare "2" as the whole answer), or by name ("color", "a trim" when the options are services and the
/// trim is a Haircut). Positions are read before dates and times so "2" is not two o'clock.
/// </summary>
internal static class SelectionMatcher
{
    private static readonly HashSet<string> Ignorable = Phrases.Words(
        "the", "a", "an", "one", "option", "number", "please", "uh", "um", "er", "ok", "okay", "yes", "yeah", "id", "like",
        "i", "want", "choose", "pick", "go", "with", "take", "lets", "do", "thanks", "press", "pressed", "for", "its");

    public static SelectionMatch? ByPosition(TokenStream t, string? digits, InterpretationContext context)
    {
        var options = context.Expected.Options;
        if (context.Expected.Input != ExpectedInput.Selection || options.Count == 0)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(digits))
        {
            return int.TryParse(digits.Trim(), out var key) && key >= 1 && key <= options.Count ? new(key - 1, options[key - 1]) : null;
        }

        for (var i = 0; i < t.Count; i++)
        {
            if (!t.IsFree(i))
            {
                continue;
            }

            if (t[i] is "option" or "number" or "choice" && NumberWords.TryCardinal(t, i + 1, out var said, out var saidLength))
            {
                return Take(t, i, saidLength + 1, said - 1, options);
            }

            if (NumberWords.TryOrdinal(t, i, out var ordinal, out var ordinalLength) && ordinal <= options.Count)
            {
                return Take(t, i, ordinalLength, ordinal - 1, options);
            }

            if (t[i] == "last" && t[i + 1] is "one" or "option" or "choice" or "")
            {
                return Take(t, i, 1, options.Count - 1, options);
            }
        }

        // A bare "two" only counts when it is the whole answer: "two thirty" is a time.
        for (var i = 0; i < t.Count; i++)
        {
            var own = Ignorable.Contains(t[i]) ? 0 : 1;
            if (NumberWords.TryCardinal(t, i, out var bare, out var length) && t.CountFree(Ignorable) == own * length)
            {
                return Take(t, i, length, bare - 1, options);
            }
        }

        return null;
    }

    /// <summary>
    /// Matches options by name, after services have been matched (so "a trim" finds the Haircut option). Other
    /// options are matched against all the words, even those read as a day or time: "the 2:30 one" picks "2:30pm".
    /// </summary>
    public static SelectionMatch? ByName(string text, InterpretationContext context, ServiceFindings services)
    {
        var options = context.Expected.Options;
        if (context.Expected.Input != ExpectedInput.Selection || options.Count == 0)
        {
            return null;
        }

        if (services.Best is { } service)
        {
            for (var k = 0; k < options.Count; k++)
            {
                if (Names(service.Service, options[k]))
                {
                    return new SelectionMatch(k, options[k]);
                }
            }
        }

        // Services were heard but none decisively ("a cut and color"): the step asks again rather than guessing.
        if (services.Candidates.Count > 0)
        {
            return null;
        }

        var labels = options.Select((option, k) => Label.Of(k, option, 1.0)).ToList();
        var hits = PhraseMatcher.Find(Tokenizer.Tokenize(text), labels).Where(h => !h.Negated).OrderByDescending(h => h.Score).ToList();
        var distinct = hits.Select(h => h.Label.Key).Distinct().Count();
        return hits.Count > 0 && hits[0].Score >= ServiceMatcher.Threshold && distinct == 1
            ? new SelectionMatch(hits[0].Label.Key, options[hits[0].Label.Key])
            : null;
    }

    /// <summary>Options that are days or times ("10am", "Tuesday 2:30pm") match the day and time the caller said.</summary>
    public static SelectionMatch? ByValue(InterpretationContext context, DateFindings dates, TimeFindings times)
    {
        var options = context.Expected.Options;
        if (context.Expected.Input != ExpectedInput.Selection || (dates.Date is null && times.Time?.Exact is null))
        {
            return null;
        }

        var asOptions = context with { Expected = new Expectation(ExpectedInput.Time) };
        var matches = new List<int>();
        for (var k = 0; k < options.Count; k++)
        {
            var words = Tokenizer.Tokenize(options[k]);
            var date = DateParser.Parse(words, asOptions).Date;
            var time = TimeParser.Parse(words, asOptions, date).Time?.Exact;
            var sameTime = times.Time?.Exact is null || time is null || time == times.Time.Exact;
            var sameDate = dates.Date is null || date is null || date == dates.Date;
            if ((date ?? (object?)time) is not null && sameTime && sameDate && (time == times.Time?.Exact || date == dates.Date))
            {
                matches.Add(k);
            }
        }

        return matches.Count == 1 ? new SelectionMatch(matches[0], options[matches[0]]) : null;
    }

    private static bool Names(ServiceOffering service, string option) =>
        string.Equals(service.Name, option, StringComparison.OrdinalIgnoreCase) || string.Equals(service.Id, option, StringComparison.OrdinalIgnoreCase);

    private static SelectionMatch? Take(TokenStream t, int start, int length, int index, IReadOnlyList<string> options)
    {
        if (index < 0 || index >= options.Count)
        {
            return null;
        }

        // "the first one": the "one" belongs to the choice, not to one o'clock.
        var end = start + length;
        if (t[end] is "one" or "option" or "choice" or "please")
        {
            end++;
        }

        t.Consume(start, end - start);
        return new SelectionMatch(index, options[index]);
    }
}
