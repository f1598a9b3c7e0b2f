using CallFlow.Domain.Booking;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Recovery;
using CallFlow.Domain.Understanding;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// What the engine remembers between turns beyond the collected fields: which question is open, the slot held or
/// offered, the appointment being moved or cancelled, and the outcome decided so far. Stored with the call's
/// context (<see cref="CallContext.Conversation"/>), so it survives restarts and moves with the call.
/// </summary>
public sealed class ConversationState
{
    /// <summary>The stored flow version the call started with (the Web's id); its turns keep using it.</summary>
    public long? FlowVersionId { get; set; }

    public ConversationGoal Goal { get; set; }

    /// <summary>The question the caller was last asked, when it is not a flow step's.</summary>
    public PendingQuestion Pending { get; set; }

    /// <summary>What the assistant last asked, to ask it again.</summary>
    public string? LastQuestion { get; set; }

    /// <summary>Optional steps the caller declined.</summary>
    public List<string> SkippedSteps { get; set; } = [];

    /// <summary>Steps the assistant has asked at least once (a step filled before it was asked was never entered).</summary>
    public List<string> EnteredSteps { get; set; } = [];

    /// <summary>When each step was last asked, so the Web can record how long a step took to complete or fail.</summary>
    public Dictionary<string, DateTimeOffset> StepsEnteredAt { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A part of the day or "the earliest" the caller asked for, until a slot is picked.</summary>
    public TimeRequest? TimePreference { get; set; }

    /// <summary>The slots read out to the caller, in the order read (option 1 first).</summary>
    public List<OfferedSlot> Offered { get; set; } = [];

    /// <summary>The slot the calendar holds for this call.</summary>
    public HeldSlot? Held { get; set; }

    /// <summary>The caller's appointment being rescheduled or cancelled.</summary>
    public UpcomingAppointment? Existing { get; set; }

    /// <summary>The calendar could not be reached during this call: the booking will be taken provisionally.</summary>
    public bool CalendarUnavailable { get; set; }

    /// <summary>The outcome decided so far (a callback promised, a message taken), kept when the call ends later.</summary>
    public CallOutcome? Outcome { get; set; }

    /// <summary>Staff just took the caller off hold: the next empty turn welcomes them back instead of counting as silence.</summary>
    public bool ReturningFromHold { get; set; }

    /// <summary>A booking this caller lost on an earlier call, offered to them at the greeting ("Welcome back! ...").</summary>
    public SavedProgress? ResumeOffer { get; set; }

    /// <summary>How many exchanges of this call have been stored; the Web numbers its turns with it.</summary>
    public int Turns { get; set; }
}

/// <summary>What the caller is trying to get done.</summary>
public enum ConversationGoal
{
    None,
    Book,
    Reschedule,
    CancelExisting,
}

/// <summary>An open question that is not a flow step.</summary>
public enum PendingQuestion
{
    None,

    /// <summary>After an answer: "Would you like to book an appointment?"</summary>
    WantsToBook,

    /// <summary>"Is there anything else I can help you with?"</summary>
    AnythingElse,

    /// <summary>"Would you like someone to call you back?"</summary>
    OfferCallback,

    /// <summary>Taking a message for staff: whatever the caller says next is the message.</summary>
    Message,

    /// <summary>"Shall I cancel it?" about the caller's existing appointment.</summary>
    ConfirmCancel,

    /// <summary>Alternative slots were read out; the caller picks one.</summary>
    PickSlot,

    /// <summary>The booking was read back; the caller confirms, changes or cancels.</summary>
    ReadBack,

    /// <summary>The caller said no to the read-back: "What would you like to change?"</summary>
    WhatToChange,

    /// <summary>A caller back after a lost call: "Would you like to continue booking your haircut for Friday?"</summary>
    ResumeOffer,
}

/// <summary>A slot read out to the caller.</summary>
public sealed record OfferedSlot(DateTimeOffset StartUtc, DateTimeOffset LocalStart, string? ResourceId = null)
{
    public DateOnly LocalDate => DateOnly.FromDateTime(LocalStart.DateTime);

    public TimeOnly LocalTime => TimeOnly.FromDateTime(LocalStart.DateTime);
}

/// <summary>
/// The slot the calendar holds for the call, for the service it was held for, held (or last extended) at
/// <paramref name="HeldAt"/> until <paramref name="HeldUntil"/>.
/// </summary>
public sealed record HeldSlot(
    string ServiceId, DateTimeOffset StartUtc, DateTimeOffset LocalStart, DateTimeOffset HeldUntil, string? ResourceId = null, DateTimeOffset? HeldAt = null)
{
    /// <summary>
    /// Whether the hold should be extended at <paramref name="now"/>: once half its time is gone, as the calendar extends
    /// it, so the turns before that ask the calendar nothing. Always for a hold recorded without its start.
    /// </summary>
    public bool IsDueForExtension(DateTimeOffset now) => HeldAt is not { } at || now >= at + (HeldUntil - at) / 2;

    public DateOnly LocalDate => DateOnly.FromDateTime(LocalStart.DateTime);

    public TimeOnly LocalTime => TimeOnly.FromDateTime(LocalStart.DateTime);
}
