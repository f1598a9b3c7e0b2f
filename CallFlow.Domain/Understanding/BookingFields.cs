namespace CallFlow.Domain.Understanding;

/// <summary>
/// The default booking flow's field names, and the words callers use for them when asking to change one
/// ("change the time", "the number is wrong").
/// </summary>
public static class BookingFields
{
    public const string Service = "service";
    public const string Date = "date";
    public const string Time = "time";
    public const string CustomerName = "customerName";
    public const string CustomerPhone = "customerPhone";

    private static readonly (string[][] Phrases, string Field)[] Words =
    [
        (Phrases.Of("the time", "what time", "the hour", "that time"), Time),
        (Phrases.Of("the date", "the day", "that day", "which day"), Date),
        (Phrases.Of("the service", "the treatment", "the appointment type"), Service),
        (Phrases.Of("my name", "the name", "your name", "name is wrong", "spelling"), CustomerName),
        (Phrases.Of("the number", "my number", "phone number", "the phone", "my phone", "that number"), CustomerPhone),
    ];

    internal static string? Mentioned(TokenStream t)
    {
        var best = (Index: int.MaxValue, Field: (string?)null);
        foreach (var (phrases, field) in Words)
        {
            var (at, _) = t.FindAny(phrases);
            if (at >= 0 && at < best.Index)
            {
                best = (at, field);
            }
        }

        return best.Field;
    }
}
