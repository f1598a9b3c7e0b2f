using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Understanding;

/// <summary>A service the caller named, how well it matched (0..1) and the words that matched.</summary>
public sealed record ServiceMatch(ServiceOffering Service, double Score, string Phrase);

/// <summary>How a caller asked for a time.</summary>
public enum TimeRequestKind
{
    /// <summary>A clock time: <see cref="TimeRequest.From"/> is the time.</summary>
    Exact,
    /// <summary>A window [From, To); either end may be open ("after 4" has no To, "before noon" no From).</summary>
    Range,
    /// <summary>The earliest free slot, inside [From, To) when given ("first thing in the morning").</summary>
    Earliest,
    /// <summary>The latest free slot, inside [From, To) when given ("last thing in the day").</summary>
    Latest,
}

/// <summary>
/// A time as the caller asked for it, in the business's time zone. Ranges are half-open: [From, To).
/// Named parts of the day: morning 06:00–12:00, afternoon 12:00–17:00, evening 17:00–21:00.
/// </summary>
public sealed record TimeRequest(TimeRequestKind Kind, TimeOnly? From = null, TimeOnly? To = null)
{
    public static TimeRequest At(TimeOnly time) => new(TimeRequestKind.Exact, time, time);

    public static TimeRequest Between(TimeOnly? from, TimeOnly? to) => new(TimeRequestKind.Range, from, to);

    /// <summary>The clock time for an exact request, else null.</summary>
    public TimeOnly? Exact => Kind == TimeRequestKind.Exact ? From : null;

    /// <summary>Whether a slot starting at <paramref name="time"/> satisfies the request (any time for earliest/latest bounds).</summary>
    public bool Allows(TimeOnly time) => Kind == TimeRequestKind.Exact
        ? time == From
        : (From is null || time >= From) && (To is null || time < To);

    public override string ToString() => Kind switch
    {
        TimeRequestKind.Exact => $"{From:HH:mm}",
        _ => $"{Kind.ToString().ToLowerInvariant()} {From:HH:mm}-{To:HH:mm}",
    };
}

/// <summary>A person's name as the caller gave it, title-cased ("dana smith" → Dana Smith).</summary>
public sealed record PersonName(string First, string? Last)
{
    public string Full => Last is null ? First : $"{First} {Last}";

    public override string ToString() => Full;
}

/// <summary>
/// A phone number the caller gave. Invalid numbers are reported (with <see cref="E164"/> null when they could not be
/// normalised) so the engine can say why and ask again instead of dropping them.
/// </summary>
/// <param name="Digits">The digits as heard (with a leading + when the caller said "plus").</param>
/// <param name="E164">The number in E.164 (+12125550147) when it could be parsed.</param>
/// <param name="IsValid">libphonenumber considers it a valid, dialable number for its region.</param>
/// <param name="IsCallerId">The caller asked us to use the number they are calling from.</param>
public sealed record PhoneNumberEntity(string Digits, string? E164, bool IsValid, bool IsCallerId = false);

/// <summary>An option picked at a selection step; <see cref="Index"/> is 0-based into the step's options.</summary>
public sealed record SelectionMatch(int Index, string Option);
