using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Flows;
using CallFlow.Domain.Recovery;
using CallFlow.Domain.Understanding;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// One unit of conversation work on a call: the call (fired through its lifecycle, which audits every
/// transition), the business, the flow version the call runs (null when the business has no usable flow: the
/// assistant then answers questions and hands bookings to staff), and the current instant.
/// </summary>
public sealed record CallTurn(ICallLifecycle Call, BusinessProfile Business, CompiledFlow? Flow, DateTimeOffset Now);

/// <summary>What one turn decided: what to say, and what the Web stores and does after saving it.</summary>
public sealed record TurnResult(VoiceReply Reply)
{
    /// <summary>The interpreter's reading of the caller's words; null for silence and for turns without caller input.</summary>
    public Interpretation? Interpretation { get; init; }

    /// <summary>The step the caller was answering (the call's current step before the turn).</summary>
    public string? StepId { get; init; }

    public IReadOnlyList<StepEvent> StepEvents { get; init; } = [];

    public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];

    /// <summary>The call's outcome as decided so far by the conversation (null when none was decided).</summary>
    public CallOutcome? Outcome { get; init; }

    /// <summary>Recovery decisions taken without firing a trigger (a voice change, a message offered): the Web writes them to the audit trail.</summary>
    public IReadOnlyList<RecoveryDecision> Decisions { get; init; } = [];

    /// <summary>The reply repeats the last one (spoken with another voice): it is not a new exchange for the transcript.</summary>
    public bool Repeated { get; init; }
}
