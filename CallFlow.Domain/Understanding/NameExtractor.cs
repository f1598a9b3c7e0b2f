using System.Globalization;

namespace CallFlow.Domain.Understanding;

/// <summary>
/// Finds the caller's name: after "my name is", "the name's", "call me", "under the name", and after the weaker
/// "it's", "this is", "I'm" (where common words such as "fine" or "looking" stop it); at a name step a bare
/// "Dana Smith" is the name. Spelled-out letters ("D A N A") are joined. Names are title-cased unless the
/// carrier already cased them ("McKenzie").
/// </summary>
internal static class NameExtractor
{
    private const int MaxWords = 3;

    /// <summary>How sure the words around a name make us: it decides which common words may still be names.</summary>
    private enum Cue
    {
        /// <summary>"my name is": anything but a function word ("Will", "Grace", "April").</summary>
        Strong,
        /// <summary>"it's", "I'm": no common words ("fine", "looking") and no months ("it's May 5th").</summary>
        Weak,
        /// <summary>The whole answer at a name step: no common words, but months are names ("April Jones").</summary>
        Bare,
    }

    private static readonly string[][] StrongCues = Phrases.Of(
        "my name is", "my names", "my first name is", "first name is", "the name is", "the names", "name is", "names",
        "call me", "under the name of", "under the name", "its under", "put it under", "the booking is for");

    private static readonly string[][] WeakCues = Phrases.Of("its", "it is", "this is", "im", "i am", "under");

    private static readonly HashSet<string> Titles = Phrases.Words("mr", "mrs", "ms", "miss", "dr", "mx");

    private static readonly HashSet<string> Fillers = Phrases.Words(
        "uh", "um", "er", "erm", "hmm", "ah", "oh", "yeah", "yes", "yep", "sure", "ok", "okay", "so", "well", "its", "it",
        "is", "hi", "hello", "hey", "the", "name", "my");

    public static PersonName? Extract(TokenStream t, InterpretationContext context)
    {
        foreach (var (cues, strength) in new[] { (StrongCues, Cue.Strong), (WeakCues, Cue.Weak) })
        {
            foreach (var cue in cues.OrderByDescending(c => c.Length))
            {
                for (var at = t.Find(cue, 0, freeOnly: true); at >= 0; at = t.Find(cue, at + 1, freeOnly: true))
                {
                    if (TakeName(t, at + cue.Length, context, strength) is { } name)
                    {
                        t.Consume(at, cue.Length);
                        return name;
                    }
                }
            }
        }

        return context.Expected.Input == ExpectedInput.Name ? BareName(t, context) : null;
    }

    // At a name step the whole answer is the name, give or take "uh" before and "thanks" after.
    private static PersonName? BareName(TokenStream t, InterpretationContext context)
    {
        var start = 0;
        while (start < t.Count && (t.IsBreak(start) || Fillers.Contains(t[start])))
        {
            start++;
        }

        return TakeName(t, start, context, Cue.Bare);
    }

    private static PersonName? TakeName(TokenStream t, int start, InterpretationContext context, Cue cue)
    {
        var words = new List<string>();
        var i = start;
        if (t.Is(i, "is") && cue == Cue.Strong)
        {
            i++;
        }

        for (; i < t.Count && words.Count < MaxWords && t.IsFree(i); i++)
        {
            // "Ms. Garcia": the carrier's full stop after a title is not the end of the name.
            if (words.Count == 0 && Titles.Contains(t[i]) && t.IsBreak(i + 1) && t.IsFree(i + 2))
            {
                words.Add(t.Raw(i).Original);
                i++;
                continue;
            }

            if (Spelled(t, ref i) is { } spelled)
            {
                // "Dana, D A N A": the spelling confirms the word before it rather than adding one.
                if (words.Count == 0 || !string.Equals(words[^1], spelled, StringComparison.OrdinalIgnoreCase))
                {
                    words.Add(spelled);
                }

                continue;
            }

            if (!IsNameLike(t, i, context, cue, first: words.Count == 0))
            {
                break;
            }

            words.Add(t.Raw(i).Original);
        }

        if (words.Count == 0)
        {
            return null;
        }

        // A bare answer must be nothing but the name (and politeness), or "tomorrow at 3" could be a name.
        if (cue == Cue.Bare)
        {
            for (var rest = i; rest < t.Count; rest++)
            {
                if (!t.IsBreak(rest) && t.IsFree(rest) && !NameWords.Trailing.Contains(t[rest]) && t[rest].Length > 1)
                {
                    return null;
                }
            }
        }

        t.Consume(start, i - start);
        var cased = words.Select(Case).ToList();
        return new PersonName(cased[0], cased.Count > 1 ? string.Join(' ', cased.Skip(1)) : null);
    }

    private static bool IsNameLike(TokenStream t, int i, InterpretationContext context, Cue cue, bool first)
    {
        var word = t[i];
        if (word.Length < 2 || !word.All(c => char.IsLetter(c) || c == '-'))
        {
            return false;
        }

        if (NameWords.Function.Contains(word) || CalendarWords.TryWeekday(word, out _) || NumberWords.IsUnitWord(word)
            || NumberWords.IsTensWord(word) || ServiceMatcher.IsServiceWord(context.Business, word))
        {
            return false;
        }

        if (cue != Cue.Strong && NameWords.Common.Contains(word))
        {
            return false;
        }

        // "I'm looking", "I'm interested", "it's May": after a weak cue these start something other than a name.
        return cue != Cue.Weak || (!CalendarWords.IsCalendarWord(word)
            && (!first || !(word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ed", StringComparison.Ordinal))));
    }

    // "D A N A" or "d-a-n-a": letters spelled out one by one.
    private static string? Spelled(TokenStream t, ref int i)
    {
        var word = t[i];
        if (word.Length >= 3 && word.Split('-') is { Length: >= 2 } parts && parts.All(p => p.Length == 1 && char.IsLetter(p[0])))
        {
            return string.Concat(parts);
        }

        var letters = "";
        var k = i;
        while (t.IsFree(k) && t[k].Length == 1 && char.IsLetter(t[k][0]) && (letters.Length > 0 || t[k] is not ("a" or "i")))
        {
            letters += t[k];
            k++;
        }

        if (letters.Length < 2)
        {
            return null;
        }

        i = k - 1;
        return letters;
    }

    private static string Case(string original)
    {
        var hasUpper = original.Any(char.IsUpper);
        var hasLower = original.Any(char.IsLower);
        if (hasUpper && hasLower)
        {
            return original;
        }

        var chars = original.ToLowerInvariant().ToCharArray();
        for (var c = 0; c < chars.Length; c++)
        {
            if (c == 0 || chars[c - 1] is '-' or '\'')
            {
                chars[c] = char.ToUpper(chars[c], CultureInfo.InvariantCulture);
            }
        }

        return new string(chars);
    }
}
