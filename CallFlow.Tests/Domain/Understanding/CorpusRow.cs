using System.Globalization;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Understanding;

namespace CallFlow.Tests.Domain.Understanding;

/// <summary>
/// One line of the utterance corpus: the step the caller is at, what they said (or "[keys 1]" for the keypad), the
/// intent expected and the details expected. Every detail not listed must be absent, so a row also says what must
/// NOT be found ("I can't do Tuesday" lists not-date, and therefore no date). Only "services" (every service
/// heard), "field" (the booking field named) and "negated" are checked just when listed.
/// </summary>
public sealed record CorpusRow(string Category, string Step, string Says, string Intent, string Details, int Line)
{
    private static readonly string[] Keys =
        ["service", "services", "not-service", "date", "not-date", "time", "not-time", "name", "phone", "option", "number", "topic", "field",
            "negated"];

    public Utterance Utterance => Says.StartsWith("[keys ", StringComparison.Ordinal)
        ? Utterance.Keys(Says[6..^1])
        : Utterance.Speech(Says);

    public IReadOnlyDictionary<string, string> Expected => Details
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
        .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");

    /// <summary>Every way the interpretation differs from the row, in words; empty when it matches.</summary>
    public IReadOnlyList<string> Differences(Interpretation actual, string callerE164)
    {
        var differences = new List<string>();
        var expected = Expected;
        foreach (var key in expected.Keys.Where(k => !Keys.Contains(k)))
        {
            differences.Add($"unknown detail '{key}' in the corpus");
        }

        if (!Enum.TryParse<Intent>(Intent, out var intent) || actual.Intent != intent)
        {
            differences.Add($"intent: expected {Intent}, got {actual.Intent}");
        }

        Compare("service", actual.Service?.Service.Name);
        Compare("not-service", actual.ExcludedService?.Name);
        Compare("date", Describe(actual.Date));
        Compare("not-date", Describe(actual.ExcludedDate));
        Compare("time", Describe(actual.Time));
        Compare("not-time", Describe(actual.ExcludedTime));
        Compare("name", actual.Name?.Full);
        Compare("phone", Describe(actual.Phone, callerE164));
        Compare("option", actual.Selection?.Option);
        Compare("number", actual.Number?.ToString(CultureInfo.InvariantCulture));
        Compare("topic", actual.InquiryTopic);
        if (expected.ContainsKey("services"))
        {
            Compare("services", string.Join(", ", actual.ServiceCandidates.Select(c => c.Service.Name).Order(StringComparer.Ordinal)));
        }

        if (expected.ContainsKey("field"))
        {
            Compare("field", actual.MentionedField);
        }

        if (expected.ContainsKey("negated") && !actual.Negated)
        {
            differences.Add("negated: expected the negation marker");
        }

        return differences;

        void Compare(string key, string? got)
        {
            var want = expected.GetValueOrDefault(key);
            if (key == "services" && want is not null)
            {
                want = string.Join(", ", want.Split(',', StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
            }

            if (!string.Equals(want, got, StringComparison.Ordinal))
            {
                differences.Add($"{key}: expected {want ?? "none"}, got {got ?? "none"}");
            }
        }
    }

    /// <summary>"Thu 2026-03-05": the weekday keeps a corpus author honest about which day they meant.</summary>
    public static string? Describe(DateOnly? date) =>
        date?.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"15:00", "after 16:00", "before 12:00", "14:00-16:00", "any time", "earliest", "earliest 06:00-12:00".</summary>
    public static string? Describe(TimeRequest? time)
    {
        if (time is null)
        {
            return null;
        }

        var window = (time.From, time.To) switch
        {
            (null, null) => "",
            ({ } from, null) => $"after {from:HH\\:mm}",
            (null, { } to) => $"before {to:HH\\:mm}",
            ({ } from, { } to) => $"{from:HH\\:mm}-{to:HH\\:mm}",
        };
        return time.Kind switch
        {
            TimeRequestKind.Exact => $"{time.From:HH\\:mm}",
            TimeRequestKind.Range => window.Length == 0 ? "any time" : window,
            TimeRequestKind.Earliest => ("earliest " + window).Trim(),
            _ => ("latest " + window).Trim(),
        };
    }

    /// <summary>"+12125550147", "caller" for the caller ID, "invalid" for a number that cannot be dialled.</summary>
    public static string? Describe(PhoneNumberEntity? phone, string callerE164) => phone switch
    {
        null => null,
        { IsCallerId: true } when phone.E164 == callerE164 => "caller",
        { IsCallerId: true } => "caller (invalid)",
        { IsValid: false } => "invalid",
        _ => phone.E164,
    };

    public override string ToString() => $"{Category} | {Step} | {Says}";
}
