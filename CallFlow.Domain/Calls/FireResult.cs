namespace CallFlow.Domain.Calls;

/// <summary>A transition the machine permits from <paramref name="From"/> (guarded when <paramref name="Guard"/> is set).</summary>
public sealed record CallTransitionInfo(CallState From, CallState To, CallTrigger Trigger, string? Guard);

/// <summary>One transition as Stateless reported it.</summary>
public sealed record CallStateChange(CallState From, CallState To, CallTrigger Trigger, bool IsReentry);

public enum FireOutcome
{
    Transitioned,

    /// <summary>Nothing happened on purpose: the call is finished, or the state ignores this trigger.</summary>
    Ignored,

    /// <summary>The trigger is not permitted in this state (or its guard failed); nothing changed.</summary>
    Refused,
}

/// <summary>What firing one trigger did: the transitions to audit and the effects to carry out.</summary>
public sealed record FireResult(
    FireOutcome Outcome,
    CallState From,
    CallState To,
    CallTrigger Trigger,
    IReadOnlyList<CallStateChange> Changes,
    IReadOnlyList<CallEffect> Effects,
    string? Reason)
{
    public bool Transitioned => Outcome == FireOutcome.Transitioned;

    public bool Has(CallAction action) => Effects.Any(e => e.Action == action);

    internal static FireResult Ignored(CallState state, CallTrigger trigger, string reason) =>
        new(FireOutcome.Ignored, state, state, trigger, [], [], reason);

    internal static FireResult Refused(CallState state, CallTrigger trigger, string reason) =>
        new(FireOutcome.Refused, state, state, trigger, [], [], reason);
}
