using System.Globalization;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// Dates, times and lists the way a receptionist says them: "Friday, March 6th", "3 PM", "2:30 PM", "noon",
/// "Haircut, Color or Styling". Always English and culture-independent: the voice is configured per business, the
/// words are not yet.
/// </summary>
public static class Speech
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>"Friday, March 6th".</summary>
    public static string Date(DateOnly date) =>
        $"{date.DayOfWeek}, {English.DateTimeFormat.GetMonthName(date.Month)} {Ordinal(date.Day)}";

    /// <summary>"3 PM", "2:30 PM", "noon", "midnight".</summary>
    public static string Time(TimeOnly time)
    {
        if (time == new TimeOnly(12, 0))
        {
            return "noon";
        }

        if (time == TimeOnly.MinValue)
        {
            return "midnight";
        }

        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var half = time.Hour < 12 ? "AM" : "PM";
        return time.Minute == 0
            ? string.Create(English, $"{hour} {half}")
            : string.Create(English, $"{hour}:{time.Minute:00} {half}");
    }

    /// <summary>"Friday, March 6th at 3 PM".</summary>
    public static string DateAndTime(DateOnly date, TimeOnly time) => $"{Date(date)} at {Time(time)}";

    /// <summary>1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd.</summary>
    public static string Ordinal(int number)
    {
        var suffix = (number % 100) is 11 or 12 or 13 ? "th" : (number % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return string.Create(English, $"{number}{suffix}");
    }

    /// <summary>"A", "A or B", "A, B or C" (with <paramref name="conjunction"/> "and" or "or").</summary>
    public static string List(IReadOnlyList<string> items, string conjunction = "and") => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} {conjunction} {items[^1]}",
    };

    /// <summary>The last four digits of a phone number, as a read-back mentions them.</summary>
    public static string PhoneEnding(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length <= 4 ? digits : digits[^4..];
    }

    /// <summary>Makes an owner's message a sentence: a capital first letter and a closing full stop.</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return trimmed;
        }

        trimmed = char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
        return trimmed[^1] is '.' or '!' or '?' ? trimmed : trimmed + ".";
    }

    /// <summary>"a Haircut", "an Updo".</summary>
    public static string WithArticle(string noun) =>
        noun.Length > 0 && "AEIOUaeiou".Contains(noun[0], StringComparison.Ordinal) ? $"an {noun}" : $"a {noun}";
}
