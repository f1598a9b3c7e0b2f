namespace CallFlow.Domain.Understanding;

/// <summary>Which parser claimed a word, for rules that care ("tomorrow 3": a bare hour right after a day is a time).</summary>
internal enum Claim : byte
{
    None,
    Other,
    Date,
}

/// <summary>One word of an utterance: as heard (for names) and normalised (lower case, no apostrophes).</summary>
internal readonly record struct Token(string Original, string Norm, bool IsBreak);

/// <summary>
/// The words of one utterance with the spans that parsers have already claimed, so that "555 0147" read as a phone
/// number is not also read as 5:55, and "in two weeks" is not also "at two".
/// </summary>
internal sealed class TokenStream
{
    private readonly Token[] _tokens;
    private readonly Claim[] _claims;

    public TokenStream(IReadOnlyList<Token> tokens)
    {
        _tokens = [.. tokens];
        _claims = new Claim[_tokens.Length];
    }

    public int Count => _tokens.Length;

    /// <summary>The normalised word at <paramref name="i"/>; empty outside the utterance and at clause breaks.</summary>
    public string this[int i] => i >= 0 && i < _tokens.Length && !_tokens[i].IsBreak ? _tokens[i].Norm : "";

    public Token Raw(int i) => _tokens[i];

    public bool IsBreak(int i) => i >= 0 && i < _tokens.Length && _tokens[i].IsBreak;

    /// <summary>A word no parser has claimed yet.</summary>
    public bool IsFree(int i) => i >= 0 && i < _tokens.Length && !_tokens[i].IsBreak && _claims[i] == Claim.None;

    public void Consume(int start, int count, Claim claim = Claim.Other)
    {
        for (var i = Math.Max(0, start); i < Math.Min(_tokens.Length, start + count); i++)
        {
            _claims[i] = claim;
        }
    }

    public bool IsClaimedBy(int i, Claim claim) => i >= 0 && i < _tokens.Length && _claims[i] == claim;

    public bool Is(int i, string word) => this[i] == word;

    /// <summary>Whether <paramref name="phrase"/> starts at <paramref name="i"/> (same clause, optionally unclaimed words only).</summary>
    public bool MatchesAt(int i, string[] phrase, bool freeOnly = false)
    {
        if (i < 0 || i + phrase.Length > _tokens.Length)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            var token = _tokens[i + k];
            if (token.IsBreak || token.Norm != phrase[k] || (freeOnly && _claims[i + k] != Claim.None))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first index at or after <paramref name="from"/> where <paramref name="phrase"/> starts, or -1.</summary>
    public int Find(string[] phrase, int from = 0, bool freeOnly = false)
    {
        for (var i = Math.Max(0, from); i <= _tokens.Length - phrase.Length; i++)
        {
            if (MatchesAt(i, phrase, freeOnly))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The first occurrence of any of <paramref name="phrases"/>: its index and length, or (-1, 0).</summary>
    public (int Index, int Length) FindAny(string[][] phrases, bool freeOnly = false)
    {
        var best = (Index: -1, Length: 0);
        foreach (var phrase in phrases)
        {
            var at = Find(phrase, 0, freeOnly);
            if (at >= 0 && (best.Index < 0 || at < best.Index || (at == best.Index && phrase.Length > best.Length)))
            {
                best = (at, phrase.Length);
            }
        }

        return best;
    }

    public bool ContainsAny(string[][] phrases, bool freeOnly = false) => FindAny(phrases, freeOnly).Index >= 0;

    /// <summary>The count of real words (not clause breaks).</summary>
    public int WordCount
    {
        get
        {
            var count = 0;
            foreach (var token in _tokens)
            {
                count += token.IsBreak ? 0 : 1;
            }

            return count;
        }
    }

    /// <summary>Words that are neither claimed by a parser nor in <paramref name="ignorable"/>.</summary>
    public int CountFree(IReadOnlySet<string> ignorable)
    {
        var count = 0;
        for (var i = 0; i < _tokens.Length; i++)
        {
            count += IsFree(i) && !ignorable.Contains(_tokens[i].Norm) ? 1 : 0;
        }

        return count;
    }
}

/// <summary>Phrase lists written as plain strings and split once.</summary>
internal static class Phrases
{
    public static string[][] Of(params string[] phrases) =>
        [.. phrases.Select(phrase => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    public static HashSet<string> Words(params string[] words) => new(words, StringComparer.Ordinal);
}
