using System.Text;
using PhoneNumbers;

namespace CallFlow.Domain.Understanding;

/// <summary>
/// Finds a phone number: keyed or spoken digits ("two one two, five five five, oh one four seven", "double five",
/// "triple zero", "twelve thirty four", "plus forty four ..."), or "the number I'm calling from" for the caller ID.
/// Numbers are normalised to E.164 with libphonenumber in the business's region. Outside a phone step only runs of
/// seven digits or more count, so "at 3" is never a phone number; at a phone step shorter runs are reported as
/// invalid so the caller can be told why.
/// </summary>
internal static class PhoneExtractor
{
    private const int MinimumDigits = 7;
    private const int MinimumAtPhoneStep = 3;

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    private static readonly string[][] CallerIdPhrases = Phrases.Of(
        "same number", "this number", "the number im calling from", "number im calling from", "number im calling on",
        "the one im calling from", "the one im calling on", "one im calling from", "the number i called from",
        "number i called from", "im calling from", "calling from", "caller id", "this phone", "this line", "the same one",
        "same one", "same as this", "the number you have", "number you have", "the one you have", "use this one");

    private static readonly string[][] CallerIdAtPhoneStep = Phrases.Of("this one", "that one", "the same", "same");

    private static readonly HashSet<string> Joiners = Phrases.Words("dash", "hyphen", "-", "and", "then", "area", "code");

    public static PhoneNumberEntity? Extract(TokenStream t, string? digits, InterpretationContext context)
    {
        var region = BusinessRegion.Of(context.Business);
        var atPhoneStep = context.Expected.Input == ExpectedInput.Phone;
        if (atPhoneStep && !string.IsNullOrWhiteSpace(digits))
        {
            return Normalize(new string(digits.Where(char.IsAsciiDigit).ToArray()), region);
        }

        if (FindDigitRun(t, atPhoneStep ? MinimumAtPhoneStep : MinimumDigits) is { } run)
        {
            t.Consume(run.Start, run.Length);
            return BestReading(run, region);
        }

        var (at, length) = t.FindAny(CallerIdPhrases, freeOnly: true);
        if (at < 0 && atPhoneStep)
        {
            (at, length) = t.FindAny(CallerIdAtPhoneStep, freeOnly: true);
        }

        if (at < 0 || Negation.IsNegated(t, at, length))
        {
            return null;
        }

        t.Consume(at, length);
        var callerId = context.CallerId is { Length: > 0 } id ? Normalize(id, region) : null;
        return (callerId ?? new PhoneNumberEntity("", null, false)) with { IsCallerId = true };
    }

    private static PhoneNumberEntity Normalize(string digits, string region)
    {
        try
        {
            var number = Numbers.Parse(digits, region);
            var valid = Numbers.IsValidNumber(number);
            return new PhoneNumberEntity(digits, valid ? Numbers.Format(number, PhoneNumberFormat.E164) : null, valid);
        }
        catch (NumberParseException)
        {
            return new PhoneNumberEntity(digits, null, false);
        }
    }

    // "at 3, 212 555 0147" runs the 3 into the number: prefer the longest valid tail that starts at a word.
    private static PhoneNumberEntity BestReading(DigitRun run, string region)
    {
        var whole = Normalize(run.Digits, region);
        if (whole.IsValid)
        {
            return whole;
        }

        foreach (var offset in run.WordStarts.Skip(1))
        {
            var tail = run.Digits[offset..];
            if (tail.Count(char.IsAsciiDigit) < MinimumDigits)
            {
                break;
            }

            if (Normalize(tail, region) is { IsValid: true } valid)
            {
                return valid;
            }
        }

        return whole;
    }

    private readonly record struct DigitRun(string Digits, int Start, int Length, IReadOnlyList<int> WordStarts);

    // The longest stretch of digit-producing words, allowed to cross commas and "dash" between groups.
    private static DigitRun? FindDigitRun(TokenStream t, int minimum)
    {
        DigitRun? best = null;
        for (var i = 0; i < t.Count; i++)
        {
            if (!t.IsFree(i) || !StartsDigits(t, i))
            {
                continue;
            }

            var digits = new StringBuilder();
            var starts = new List<int>();
            var k = i;
            var end = i;
            while (k < t.Count)
            {
                var before = digits.Length;
                if (t.IsFree(k) && TryDigits(t, k, digits, out var used))
                {
                    starts.Add(before);
                    k += used;
                    end = k;
                }
                else if (t.IsBreak(k) || Joiners.Contains(t[k]))
                {
                    k++;
                }
                else
                {
                    break;
                }
            }

            var count = digits.ToString().Count(char.IsAsciiDigit);
            if (count >= minimum && (best is null || count > best.Value.Digits.Length))
            {
                best = new DigitRun(digits.ToString(), i, end - i, starts);
            }

            i = Math.Max(i, end - 1);
        }

        return best;
    }

    private static bool StartsDigits(TokenStream t, int i) =>
        t[i] == "plus" || t[i].StartsWith('+') || t[i] is "double" or "triple" || NumberWords.TryDigit(t[i], out _)
        || NumberWords.IsTensWord(t[i]) || NumberWords.IsUnitWord(t[i]) || t[i].Length > 0 && t[i].All(c => char.IsAsciiDigit(c) || c is '-' or '.');

    private static bool TryDigits(TokenStream t, int i, StringBuilder digits, out int used)
    {
        used = 1;
        var word = t[i];
        if (word == "plus" && digits.Length == 0)
        {
            digits.Append('+');
            return true;
        }

        if (word.Length > 0 && (char.IsAsciiDigit(word[0]) || word[0] == '+') && word.All(c => char.IsAsciiDigit(c) || c is '-' or '.' or '+'))
        {
            digits.Append(word.Where(c => char.IsAsciiDigit(c) || (c == '+' && digits.Length == 0)).ToArray());
            return true;
        }

        if (word is "hundred" or "thousand" && digits.Length > 0)
        {
            digits.Append(word == "hundred" ? "00" : "000");
            return true;
        }

        if (word is "double" or "triple" && NumberWords.TryDigit(t[i + 1], out var repeated))
        {
            digits.Append((char)('0' + repeated), word == "double" ? 2 : 3);
            used = 2;
            return true;
        }

        if (NumberWords.TryTens(word, out var tens))
        {
            // "forty seven" is 47; "forty" alone is 40.
            if (NumberWords.TryUnit(t[i + 1], out var unit) && unit is > 0 and < 10)
            {
                digits.Append(tens + unit);
                used = 2;
            }
            else
            {
                digits.Append(tens);
            }

            return true;
        }

        if (NumberWords.TryDigit(word, out var digit))
        {
            digits.Append(digit);
            return true;
        }

        if (NumberWords.TryUnit(word, out var teen))
        {
            digits.Append(teen);
            if (t[i + 1] is "hundred")
            {
                digits.Append("00");
                used = 2;
            }

            return true;
        }

        return false;
    }
}
