using System.Text;

namespace CallFlow.Domain.Understanding;

/// <summary>
/// Splits recognised speech into words. Punctuation becomes a clause break (negation and phrases do not cross it);
/// clock and date shapes (3:30, 3.30, 3/14) and phone shapes (555-0147, +44) stay whole; "3pm" becomes "3" "pm".
/// </summary>
internal static class Tokenizer
{
    public static TokenStream Tokenize(string? text)
    {
        var tokens = new List<Token>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new TokenStream(tokens);
        }

        var prepared = Prepare(text);
        var word = new StringBuilder();
        for (var i = 0; i < prepared.Length; i++)
        {
            var c = prepared[i];
            if (IsWordChar(prepared, i))
            {
                word.Append(c);
                continue;
            }

            Flush(word, tokens);
            if (c is ',' or '.' or '!' or '?' or ';' or ':' or '"' or '(' or ')' or '…' or '—' or '–')
            {
                if (c is not '(' and not ')' && (tokens.Count == 0 || !tokens[^1].IsBreak))
                {
                    tokens.Add(new Token(c.ToString(), ",", true));
                }
            }
        }

        Flush(word, tokens);
        return new TokenStream(tokens);
    }

    // Carriers write "a.m." and "p.m."; the dots would otherwise break "3 p.m." into clauses.
    private static string Prepare(string text) => text
        .Replace("a.m.", "am", StringComparison.OrdinalIgnoreCase)
        .Replace("p.m.", "pm", StringComparison.OrdinalIgnoreCase)
        .Replace('’', '\'')
        .Replace('&', ' ');

    private static bool IsWordChar(string s, int i)
    {
        var c = s[i];
        if (char.IsLetterOrDigit(c) || c == '\'')
        {
            return true;
        }

        var before = i > 0 ? s[i - 1] : ' ';
        var after = i + 1 < s.Length ? s[i + 1] : ' ';
        return c switch
        {
            // 3:30, 3.30, 3/14, 555-0147, mary-jane: joiners only between word characters.
            ':' or '.' or '/' => char.IsDigit(before) && char.IsDigit(after),
            '-' => char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after),
            '+' => char.IsDigit(after) && !char.IsLetterOrDigit(before),
            _ => false,
        };
    }

    private static void Flush(StringBuilder word, List<Token> tokens)
    {
        if (word.Length == 0)
        {
            return;
        }

        var original = word.ToString().Trim('\'');
        word.Clear();
        if (original.Length == 0)
        {
            return;
        }

        var norm = original.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal);
        var split = SplitMeridiem(norm);
        if (split > 0)
        {
            tokens.Add(new Token(original[..split], norm[..split], false));
            tokens.Add(new Token(original[split..], norm[split..], false));
            return;
        }

        tokens.Add(new Token(original, norm, false));
    }

    // "3pm", "10:30am" → the clock part and the meridiem, so the time parser sees the same shape as "3 pm".
    private static int SplitMeridiem(string norm)
    {
        if (norm.Length < 3 || !(norm.EndsWith("am", StringComparison.Ordinal) || norm.EndsWith("pm", StringComparison.Ordinal)))
        {
            return 0;
        }

        var clock = norm.AsSpan(0, norm.Length - 2);
        foreach (var c in clock)
        {
            if (!char.IsDigit(c) && c is not ':' and not '.')
            {
                return 0;
            }
        }

        return char.IsDigit(clock[0]) ? clock.Length : 0;
    }
}
