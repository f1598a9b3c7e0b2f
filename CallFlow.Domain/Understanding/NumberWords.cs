using System.Globalization;

namespace CallFlow.Domain.Understanding;

/// <summary>
/// Numbers as callers say them: digits ("3", "21st") or words ("twenty one", "twenty-first", "oh five").
/// Cardinals run 0..99 in words; digit tokens may be longer.
/// </summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> OrdinalUnits = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6,
        ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
        ["thirteenth"] = 13, ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17,
        ["eighteenth"] = 18, ["nineteenth"] = 19, ["twentieth"] = 20, ["thirtieth"] = 30,
    };

    /// <summary>One spoken phone digit: "oh" and "o" are zero on the phone.</summary>
    public static bool TryDigit(string word, out int digit)
    {
        if (word is "oh" or "o")
        {
            digit = 0;
            return true;
        }

        return Units.TryGetValue(word, out digit) && digit < 10;
    }

    public static bool IsUnitWord(string word) => Units.ContainsKey(word);

    public static bool IsTensWord(string word) => Tens.ContainsKey(word);

    public static bool TryTens(string word, out int value) => Tens.TryGetValue(word, out value);

    public static bool TryUnit(string word, out int value) => Units.TryGetValue(word, out value);

    /// <summary>A cardinal at <paramref name="i"/>: digits, "seven", "twenty one", "twenty-one".</summary>
    public static bool TryCardinal(TokenStream tokens, int i, out int value, out int length)
    {
        value = 0;
        length = 0;
        var word = tokens[i];
        if (word.Length == 0 || !tokens.IsFree(i))
        {
            return false;
        }

        if (IsDigits(word))
        {
            length = 1;
            return int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (TryHyphenated(word, Tens, Units, out value))
        {
            length = 1;
            return true;
        }

        if (Units.TryGetValue(word, out value))
        {
            length = 1;
            return true;
        }

        if (Tens.TryGetValue(word, out value))
        {
            length = 1;
            if (tokens.IsFree(i + 1) && Units.TryGetValue(tokens[i + 1], out var unit) && unit is > 0 and < 10)
            {
                value += unit;
                length = 2;
            }

            return true;
        }

        return false;
    }

    /// <summary>An ordinal at <paramref name="i"/>: "5th", "fifth", "twenty first", "twenty-first".</summary>
    public static bool TryOrdinal(TokenStream tokens, int i, out int value, out int length)
    {
        value = 0;
        length = 0;
        var word = tokens[i];
        if (word.Length < 3 || !tokens.IsFree(i))
        {
            return false;
        }

        var suffix = word[^2..];
        if (suffix is "st" or "nd" or "rd" or "th" && IsDigits(word[..^2]))
        {
            length = 1;
            return int.TryParse(word[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (TryHyphenated(word, Tens, OrdinalUnits, out value) || OrdinalUnits.TryGetValue(word, out value))
        {
            length = 1;
            return true;
        }

        if (Tens.TryGetValue(word, out var tens) && tokens.IsFree(i + 1) && OrdinalUnits.TryGetValue(tokens[i + 1], out var unit) && unit < 10)
        {
            value = tens + unit;
            length = 2;
            return true;
        }

        return false;
    }

    public static bool IsDigits(string word)
    {
        if (word.Length == 0)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryHyphenated(string word, Dictionary<string, int> tens, Dictionary<string, int> units, out int value)
    {
        value = 0;
        var dash = word.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0)
        {
            return false;
        }

        if (tens.TryGetValue(word[..dash], out var t) && units.TryGetValue(word[(dash + 1)..], out var u) && u is > 0 and < 10)
        {
            value = t + u;
            return true;
        }

        return false;
    }
}
