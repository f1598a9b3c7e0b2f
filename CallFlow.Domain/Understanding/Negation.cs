namespace CallFlow.Domain.Understanding;

/// <summary>
/// Decides whether a caller ruled something out: "I can't do Tuesday", "not the color", "Tuesday doesn't work",
/// "Thursday instead of Tuesday". A negation reaches back at most a few words and never across a clause break or
/// a new suggestion ("how about", "but", "can we"), so "I can't do Tuesday, how about Wednesday" excludes Tuesday
/// and keeps Wednesday. "No color" rules color out; in "no, color" the
/// comma ends the negation and color is what the caller wants.
/// </summary>
internal static class Negation
{
    private const int Reach = 5;

    private static readonly HashSet<string> Cues = Phrases.Words(
        "not", "cant", "cannot", "dont", "wont", "couldnt", "wouldnt", "isnt", "arent", "doesnt", "didnt", "never",
        "except", "without", "unavailable", "neither", "nor");

    private static readonly string[][] CuePhrases = Phrases.Of(
        "instead of", "rather than", "other than", "anything but", "any day but", "any time but", "anytime but",
        "unable to", "no longer", "im busy", "i am busy", "im away", "i am away", "im out", "im working", "i work");

    // Words that open a new suggestion: a negation before them does not reach past them.
    private static readonly HashSet<string> Barriers = Phrases.Words(
        "but", "how", "what", "can", "could", "maybe", "perhaps", "so", "then", "lets", "instead", "actually",
        "sorry", "mean", "prefer", "rather", "better", "works", "fine", "ok", "okay", "should");

    // Negations that are really hedges or politeness: "I don't mind Tuesday" is a yes to Tuesday.
    private static readonly string[][] NotNegations = Phrases.Of(
        "dont mind", "not sure", "dont care", "no problem", "not a problem", "why not", "dont know", "not too",
        "wouldnt mind", "not bad", "cant wait", "doesnt matter", "never mind");

    private static readonly string[][] AfterCues = Phrases.Of(
        "doesnt work", "does not work", "wont work", "will not work", "dont work", "no good", "isnt good",
        "is not good", "is bad", "is out", "isnt possible", "is not possible", "not possible", "wont do",
        "doesnt suit", "is difficult", "is tough", "is full", "is booked", "isnt great", "is not great", "is no good",
        "im busy", "i cant", "is impossible", "doesnt work for me");

    /// <summary>Whether the words [start, start+length) were ruled out by the caller.</summary>
    public static bool IsNegated(TokenStream tokens, int start, int length)
    {
        return NegatedBefore(tokens, start) || NegatedAfter(tokens, start + length);
    }

    /// <summary>Whether the utterance contains any negation at all (for the interpretation's marker).</summary>
    public static bool Mentions(TokenStream tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (IsCueAt(tokens, i) || (tokens[i] is "no" or "nope" && i > 0) || tokens.MatchesAt(i, ["no", "thanks"]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NegatedBefore(TokenStream tokens, int start)
    {
        for (var i = start - 1; i >= Math.Max(0, start - Reach); i--)
        {
            if (tokens.IsBreak(i))
            {
                return false;
            }

            if (IsCueAt(tokens, i))
            {
                return !IsDoubleNegative(tokens, i);
            }

            // "no color" negates; in "no, color" the break has already ended the reach.
            if ((tokens[i] == "no" && i == start - 1) || (tokens[i] == "no" && tokens.Is(i + 1, "the") && i == start - 2))
            {
                return true;
            }

            if (Barriers.Contains(tokens[i]) && !IsInsideCuePhrase(tokens, i))
            {
                return false;
            }
        }

        return false;
    }

    // "I'm busy all week except Friday": an exception to a refusal is the one day that works.
    private static bool IsDoubleNegative(TokenStream tokens, int cue)
    {
        if (tokens[cue] is not ("except" or "but") && !tokens.MatchesAt(cue - 1, ["other", "than"]))
        {
            return false;
        }

        for (var i = cue - 1; i >= 0 && !tokens.IsBreak(i); i--)
        {
            if (tokens[i] is "busy" or "booked" or "away" or "out" or "cant" or "cannot" or "not" or "unavailable" or "working")
            {
                return true;
            }
        }

        return false;
    }

    private static bool NegatedAfter(TokenStream tokens, int end)
    {
        for (var i = end; i < Math.Min(tokens.Count, end + 3); i++)
        {
            if (tokens.IsBreak(i))
            {
                return false;
            }

            foreach (var cue in AfterCues)
            {
                if (tokens.MatchesAt(i, cue))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsCueAt(TokenStream tokens, int i)
    {
        foreach (var hedge in NotNegations)
        {
            for (var k = 0; k < hedge.Length; k++)
            {
                if (tokens.MatchesAt(i - k, hedge))
                {
                    return false;
                }
            }
        }

        if (Cues.Contains(tokens[i]))
        {
            return true;
        }

        foreach (var phrase in CuePhrases)
        {
            if (tokens.MatchesAt(i - phrase.Length + 1, phrase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInsideCuePhrase(TokenStream tokens, int i)
    {
        foreach (var phrase in CuePhrases)
        {
            for (var k = 0; k < phrase.Length; k++)
            {
                if (tokens.MatchesAt(i - k, phrase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
