using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Web.Calls;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Conversation;

/// <summary>
/// A step still being asked when the call leaves the conversation fails in the step metrics, in the same save as the
/// transition that ended it: "caller hung up" when the carrier reports the caller gone (or a job times the call out),
/// "transferred" when the call is handed to staff. The conversation records its own endings (a goodbye, retries run
/// out, a request for a person) and leaves no step open, so nothing is counted twice; a call a staff member ends from
/// the console keeps its step unexplained (the funnel then explains it by the call's outcome).
/// </summary>
internal sealed class HangUpStepEvents : ICallWorkObserver
{
    private static readonly HashSet<CallTrigger> LeavingTriggers =
        [CallTrigger.CallEnded, CallTrigger.ConnectionLost, CallTrigger.CallAbandoned, CallTrigger.Timeout, CallTrigger.CallFailed];

    public Action? Saving(CallSession session)
    {
        if (session.Context.CurrentStepId is not { } step || Reason(session) is not { } reason)
        {
            return null;
        }

        var explained = session.Db.ChangeTracker.Entries<CallStepEvent>()
            .Any(e => e.State == EntityState.Added && e.Entity.StepId == step && e.Entity.Kind == StepEventKind.Failed);
        if (explained)
        {
            return null;
        }

        var version = session.Context.Conversation.FlowVersionId;
        session.Db.StepEvents.Add(new CallStepEvent
        {
            CallId = session.Call.Id,
            BusinessId = session.Call.BusinessId,
            FlowVersionId = version is null or StoredFlow.BuiltInVersionId ? null : version,
            TurnSequence = session.Context.Conversation.Turns,
            StepId = step,
            Kind = StepEventKind.Failed,
            Reason = reason,
            At = session.Now,
            DurationMs = TurnRecorder.StepDurationMs(session, step),
        });
        return null;
    }

    private static StepFailureReason? Reason(CallSession session)
    {
        foreach (var entry in session.Db.ChangeTracker.Entries<CallTransition>())
        {
            var transition = entry.Entity;
            if (entry.State != EntityState.Added || !transition.Accepted || transition.CallId != session.Call.Id)
            {
                continue;
            }

            if (transition.To == CallState.Transferring)
            {
                return StepFailureReason.Transferred;
            }

            // A caller leaving a transfer was already handed on at their step.
            var leaving = transition.To.IsTerminal() && transition.From != CallState.Transferring && LeavingTriggers.Contains(transition.Trigger);
            if (leaving && transition.ActorKind is ActorKind.Carrier or ActorKind.Job)
            {
                return StepFailureReason.CallerHungUp;
            }
        }

        return null;
    }
}
