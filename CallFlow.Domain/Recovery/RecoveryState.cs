using CallFlow.Domain.Booking;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Flows;

namespace CallFlow.Domain.Recovery;

/// <summary>What recovery remembers about one call (kept in <see cref="CallContext.Recovery"/>, so it survives restarts).</summary>
public sealed class RecoveryState
{
    /// <summary>The voice every reply is spoken with: it only ever degrades, after a speech synthesis failure.</summary>
    public VoiceChoice Voice { get; set; } = VoiceChoice.Primary;

    /// <summary>Speech synthesis failures on this call so far.</summary>
    public int VoiceFailures { get; set; }

    /// <summary>How many times this call's silent line was prompted again.</summary>
    public int TimeoutPrompts { get; set; }

    /// <summary>The call was lost mid-booking and its progress kept: a redial within the window may resume it.</summary>
    public DateTimeOffset? ProgressSavedAt { get; set; }

    /// <summary>The call whose booking this one picked up (a redial or a callback).</summary>
    public string? ResumedFromCallId { get; set; }

    /// <summary>For a callback we placed: the callback request it carries out.</summary>
    public long? CallbackId { get; set; }

    /// <summary>The last reply sent to the carrier, repeated as it was when the voice has to change.</summary>
    public VoiceReply? LastReply { get; set; }
}

/// <summary>
/// A booking in progress on a call that was lost: what the caller gave, the step they were at, and the flow version it
/// ran, so another call can continue it exactly there.
/// </summary>
public sealed record SavedProgress
{
    public required string CallId { get; init; }

    public Dictionary<string, string> Collected { get; init; } = new(StringComparer.Ordinal);

    public AppointmentData AppointmentData { get; init; } = new();

    public string? StepId { get; init; }

    public long? FlowVersionId { get; init; }

    public ConversationGoal Goal { get; init; } = ConversationGoal.Book;

    /// <summary>The appointment being moved, when the caller was rescheduling.</summary>
    public UpcomingAppointment? Existing { get; init; }

    public List<string> SkippedSteps { get; init; } = [];

    public DateTimeOffset SavedAt { get; init; }

    /// <summary>Whether there is anything to continue: at least one booking field was given.</summary>
    public bool HasBooking => Collected.Keys.Any(FlowFields.IsBookingField);

    /// <summary>The progress of a lost call, as its context kept it.</summary>
    public static SavedProgress Of(CallContext context, DateTimeOffset savedAt) => new()
    {
        CallId = context.CallId,
        Collected = new Dictionary<string, string>(context.CollectedData, StringComparer.Ordinal),
        AppointmentData = context.AppointmentData,
        StepId = context.CurrentStepId,
        FlowVersionId = context.Conversation.FlowVersionId,
        Goal = context.Conversation.Goal == ConversationGoal.Reschedule ? ConversationGoal.Reschedule : ConversationGoal.Book,
        Existing = context.Conversation.Existing,
        SkippedSteps = [.. context.Conversation.SkippedSteps],
        SavedAt = savedAt,
    };

    /// <summary>Puts the saved booking back on <paramref name="context"/> (a new call continuing it).</summary>
    public void ApplyTo(CallContext context)
    {
        foreach (var (field, value) in Collected)
        {
            context.CollectedData[field] = value;
        }

        context.AppointmentData = AppointmentData;
        context.Conversation.Goal = Goal;
        context.Conversation.Existing = Existing;
        context.Conversation.SkippedSteps = [.. SkippedSteps];
        context.Recovery.ResumedFromCallId = CallId;
    }
}
