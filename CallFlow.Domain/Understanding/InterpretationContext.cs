using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calls;

namespace CallFlow.Domain.Understanding;

/// <summary>
/// Everything an utterance is read against: whose phone line it is, when "now" is, who is calling, where the call
/// is, and what the current step is waiting for.
/// </summary>
public sealed record InterpretationContext
{
    public required BusinessProfile Business { get; init; }

    /// <summary>The current instant from the injected clock; its offset is irrelevant, only the instant counts.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The caller ID in E.164, used for "the number I'm calling from"; null when withheld.</summary>
    public string? CallerId { get; init; }

    public CallState State { get; init; } = CallState.InConversation;

    /// <summary>What the current step is waiting for; <see cref="Expectation.Any"/> when no step is asking.</summary>
    public Expectation Expected { get; init; } = Expectation.Any;

    /// <summary>The wall-clock time at the business, which is what "today" and "at 3" mean to the caller.</summary>
    public DateTime LocalNow => TimeZoneInfo.ConvertTime(Now, Business.TimeZone).DateTime;

    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    /// <summary>The caller is looking at a read-back (or any yes/no question), so "no, Thursday" corrects it.</summary>
    public bool IsConfirming => Expected.Input == ExpectedInput.YesNo || State == CallState.ConfirmingDetails;
}
