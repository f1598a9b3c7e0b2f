using CallFlow.Domain.Calls;
using CallFlow.Domain.Recovery;
using CallFlow.Web.Calls;
using CallFlow.Web.Data;

namespace CallFlow.Web.Recovery;

/// <summary>
/// Writes a recovery decision that changes no state to the call's audit trail: an accepted row from the call's state to
/// itself, under <see cref="CallTrigger.RecoveryDecided"/>, with the decision as its detail. Decisions that move the call are recorded
/// by the trigger they fire instead.
/// </summary>
internal static class RecoveryAudit
{
    public static readonly Actor Recovery = Actor.Job("recovery");

    public static void Note(CallSession session, RecoveryDecision decision) =>
        Note(session.Db, session.Call.Id, session.State, CallTrigger.RecoveryDecided, decision.Describe(), Recovery, session.Now);

    public static void Note(CallFlowDb db, string callId, CallState state, CallTrigger trigger, string detail, Actor actor, DateTimeOffset at) =>
        db.CallTransitions.Add(new CallTransition
        {
            CallId = callId,
            From = state,
            To = state,
            Trigger = trigger,
            At = at,
            ActorKind = actor.Kind,
            ActorName = actor.Name,
            Detail = detail.Length > 1000 ? detail[..1000] : detail,
        });
}
