namespace CallFlow.Domain.Understanding;

/// <summary>A label callers might say for something (a service name, a synonym, an option), already split into words.</summary>
internal sealed record Label(int Key, string Text, string[] Words, double Weight)
{
    public string Compact { get; } = string.Concat(Words);

    public static Label Of(int key, string text, double weight) =>
        new(key, text, [.. PhraseMatcher.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)], weight);
}

/// <summary>Where a label was heard, how well it matched, and whether the caller ruled it out.</summary>
internal readonly record struct LabelHit(Label Label, double Score, int Start, int Length, bool Negated);

/// <summary>
/// Finds labels in an utterance: whole phrases first ("blow dry", also heard as "blowdry"), plural-insensitive
/// ("highlights" is "highlight"), then single words that are near misses of a label word of four letters or more
/// ("haircutt", "colr", "balayge"), scored lower. Longer phrases claim their words first.
/// </summary>
internal static class PhraseMatcher
{
    private const double FuzzyFloor = 0.78;
    private const double FuzzyDiscount = 0.9;

    public static string Normalize(string text) =>
        string.Join(' ', Tokenizer.Tokenize(text) is var t ? Enumerable.Range(0, t.Count).Select(i => t[i]).Where(w => w.Length > 0) : []);

    public static List<LabelHit> Find(TokenStream t, IReadOnlyList<Label> labels)
    {
        var hits = new List<LabelHit>();
        foreach (var matcher in new Func<TokenStream, int, Label, int>[] { WordsMatch, RunTogetherMatch })
        {
            foreach (var label in labels.OrderByDescending(l => l.Words.Length).ThenByDescending(l => l.Weight))
            {
                for (var i = 0; i < t.Count; i++)
                {
                    var length = matcher(t, i, label);
                    if (length > 0)
                    {
                        t.Consume(i, length);
                        hits.Add(new LabelHit(label, label.Weight, i, length, Negation.IsNegated(t, i, length)));
                    }
                }
            }
        }

        for (var i = 0; i < t.Count; i++)
        {
            if (!t.IsFree(i) || t[i].Length < 4)
            {
                continue;
            }

            var best = (Label: (Label?)null, Score: 0.0);
            foreach (var label in labels)
            {
                foreach (var candidate in label.Words.Length == 1 ? label.Words : [label.Compact])
                {
                    var similarity = Similarity.Of(Stem(t[i]), Stem(candidate));
                    if (candidate.Length >= 4 && similarity >= FuzzyFloor && similarity * label.Weight * FuzzyDiscount > best.Score)
                    {
                        best = (label, similarity * label.Weight * FuzzyDiscount);
                    }
                }
            }

            if (best.Label is not null)
            {
                t.Consume(i, 1);
                hits.Add(new LabelHit(best.Label, best.Score, i, 1, Negation.IsNegated(t, i, 1)));
            }
        }

        return hits;
    }

    // Words of the label in a row, plural-insensitive.
    private static int WordsMatch(TokenStream t, int i, Label label)
    {
        for (var k = 0; k < label.Words.Length; k++)
        {
            if (!t.IsFree(i + k) || Stem(t[i + k]) != Stem(label.Words[k]))
            {
                return 0;
            }
        }

        return label.Words.Length;
    }

    // The label run together or split differently: "hair cut" heard as "haircut", "blowout" as "blow out".
    private static int RunTogetherMatch(TokenStream t, int i, Label label)
    {
        var joined = "";
        for (var n = 0; n < 3 && t.IsFree(i + n); n++)
        {
            joined += t[i + n].Replace("-", "", StringComparison.Ordinal);
            if (Stem(joined) == Stem(label.Compact) && (n > 0 || label.Words.Length > 1))
            {
                return n + 1;
            }
        }

        return 0;
    }

    // Crude on purpose: both sides go through it, so it only has to map inflections of one word together.
    // "trimmed" → "trimm" → "trim".
    private static string Undouble(string stem) =>
        stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's') ? stem[..^1] : stem;

    public static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return Undouble(word[..^3]);
        }

        if (word.Length > 5 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return Undouble(word[..^2]);
        }

        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }
}

/// <summary>Optimal-string-alignment similarity: 1 for equal words, falling with each edit (transpositions count once).</summary>
internal static class Similarity
{
    public static double Of(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }

        if (a.Length == 0 || b.Length == 0 || Math.Abs(a.Length - b.Length) > 2)
        {
            return 0;
        }

        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }
            }

            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        return 1 - (double)previous[b.Length] / Math.Max(a.Length, b.Length);
    }
}
