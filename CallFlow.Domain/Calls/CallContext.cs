using CallFlow.Domain.Conversation;
using CallFlow.Domain.Recovery;

namespace CallFlow.Domain.Calls;

/// <summary>
/// Everything the assistant knows about one call, carried from turn to turn. The names follow the seed
/// (callId, businessId, phoneNumber, callerInfo, appointmentData, conversationHistory, currentIntent,
/// collectedData, retryCount, startTime, lastActivityTime).
/// </summary>
public sealed class CallContext
{
    public string CallId { get; set; } = "";

    public string BusinessId { get; set; } = "";

    /// <summary>The caller's number (E.164 when the carrier gives one).</summary>
    public string PhoneNumber { get; set; } = "";

    public CallerInfo CallerInfo { get; set; } = new();

    public AppointmentData AppointmentData { get; set; } = new();

    /// <summary>The most recent turns, oldest first; the full transcript is stored separately.</summary>
    public List<ConversationEntry> ConversationHistory { get; set; } = [];

    public Intent? CurrentIntent { get; set; }

    /// <summary>Flow field values as the caller gave them, keyed by field name (service, date, time, customerName, customerPhone).</summary>
    public Dictionary<string, string> CollectedData { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Consecutive failed attempts at the current step.</summary>
    public int RetryCount { get; set; }

    public DateTimeOffset StartTime { get; set; }

    public DateTimeOffset LastActivityTime { get; set; }

    /// <summary>The flow step being asked for, if any.</summary>
    public string? CurrentStepId { get; set; }

    /// <summary>The live state a caller was in before going on hold; Resume returns there.</summary>
    public CallState? HeldFrom { get; set; }

    /// <summary>The conversation engine's own memory between turns (open question, held slot, flow version).</summary>
    public ConversationState Conversation { get; set; } = new();

    /// <summary>What recovery remembers about the call: the voice in use, prompts to a silent line, saved progress.</summary>
    public RecoveryState Recovery { get; set; } = new();

    /// <summary>How many conversation turns to keep in <see cref="ConversationHistory"/>.</summary>
    public const int HistoryLimit = 12;

    public void Remember(ConversationRole role, string text)
    {
        ConversationHistory.Add(new ConversationEntry(role, text));
        if (ConversationHistory.Count > HistoryLimit)
        {
            ConversationHistory.RemoveRange(0, ConversationHistory.Count - HistoryLimit);
        }
    }
}

/// <summary>What the carrier told us about the caller.</summary>
public sealed record CallerInfo
{
    public string? Name { get; init; }

    public string? City { get; init; }

    public string? Region { get; init; }

    public string? Country { get; init; }
}

/// <summary>The booking as resolved so far (typed values, unlike <see cref="CallContext.CollectedData"/>).</summary>
public sealed record AppointmentData
{
    public string? ServiceId { get; init; }

    public DateOnly? Date { get; init; }

    public TimeOnly? Time { get; init; }

    public string? CustomerName { get; init; }

    public string? CustomerPhone { get; init; }

    /// <summary>Set once the booking is committed.</summary>
    public string? AppointmentId { get; init; }
}

public enum ConversationRole
{
    Caller,
    Assistant,
}

public sealed record ConversationEntry(ConversationRole Role, string Text);
