using CallFlow.Domain.Businesses;
using CallFlow.Domain.Conversation;

namespace CallFlow.Domain.Understanding;

/// <summary>
/// What one utterance meant: the caller's intent and every detail found in it. An utterance can fill several fields
/// at once ("a trim tomorrow at 3, it's Dana"). An entity the caller ruled out ("I can't do Tuesday") is never
/// reported as the entity itself; it appears in the matching Excluded property instead.
/// </summary>
public sealed record Interpretation
{
    public required Intent Intent { get; init; }

    /// <summary>0..1: how sure the rules are, multiplied by the carrier's speech confidence when it gave one.</summary>
    public double Confidence { get; init; }

    /// <summary>The recognised text, trimmed; the answer itself for a free-text step.</summary>
    public string Text { get; init; } = "";

    /// <summary>The one service the caller asked for; null when none matched well or two matched equally.</summary>
    public ServiceMatch? Service { get; init; }

    /// <summary>Every service mentioned, best first (several when <see cref="Service"/> is null because of a tie).</summary>
    public IReadOnlyList<ServiceMatch> ServiceCandidates { get; init; } = [];

    /// <summary>A service the caller ruled out ("not the color").</summary>
    public ServiceOffering? ExcludedService { get; init; }

    /// <summary>The day asked for, resolved in the business's time zone.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>A day the caller ruled out ("I can't do Tuesday").</summary>
    public DateOnly? ExcludedDate { get; init; }

    public TimeRequest? Time { get; init; }

    /// <summary>A time the caller ruled out ("not at 3").</summary>
    public TimeRequest? ExcludedTime { get; init; }

    public PersonName? Name { get; init; }

    public PhoneNumberEntity? Phone { get; init; }

    /// <summary>The option chosen at a selection step, by name, by spoken number or by key.</summary>
    public SelectionMatch? Selection { get; init; }

    /// <summary>A plain count ("three", "3") at a number step.</summary>
    public int? Number { get; init; }

    /// <summary>
    /// What a general inquiry is about: the business's own FAQ key when it has one for the topic (so the answer is
    /// <c>Faq[InquiryTopic]</c>), otherwise the canonical topic (hours, address, prices, services, parking,
    /// cancellation) for the engine to answer from the business's settings.
    /// </summary>
    public string? InquiryTopic { get; init; }

    /// <summary>
    /// The booking field the caller referred to by name ("change the time", "my number is wrong"), as the default
    /// flow's field: service, date, time, customerName or customerPhone. Lets "no, the date is wrong" go back to the
    /// date step even though no new date was given.
    /// </summary>
    public string? MentionedField { get; init; }

    /// <summary>The caller negated something (an entity, or the question put to them).</summary>
    public bool Negated { get; init; }

    /// <summary>True when the utterance carries a value for what the step expected (a date at a date step, ...).</summary>
    public bool AnswersExpected { get; init; }

    public bool HasBookingDetails => Service is not null || Date is not null || Time is not null || Name is not null || Phone is not null;

    public static Interpretation Nothing => new() { Intent = Intent.Unknown, Confidence = 0 };
}
