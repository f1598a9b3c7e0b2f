using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Web.Calls;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Metrics;

/// <summary>
/// Feeds <see cref="CallFlowMeter"/> from what a unit of work on a call saves (the transitions and turns it adds,
/// and the call's end), counted only once the save has committed, so a retried or failed save counts nothing.
/// </summary>
internal sealed class CallWorkMeasurements(CallFlowMeter meter) : ICallWorkObserver
{
    public Action? Saving(CallSession session)
    {
        List<CallTransition>? transitions = null;
        List<ConversationTurn>? turns = null;
        foreach (var entry in session.Db.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case CallTransition { Accepted: true } transition:
                    (transitions ??= []).Add(transition);
                    break;
                case ConversationTurn turn:
                    (turns ??= []).Add(turn);
                    break;
            }
        }

        var call = session.Call;
        var endedNow = call.EndedAt is not null && call.Outcome is not null
            && session.Db.Entry(call) is var tracked
            && (tracked.State == EntityState.Added || tracked.Property(c => c.EndedAt).OriginalValue is null);
        if (transitions is null && turns is null && !endedNow)
        {
            return null;
        }

        var (outcome, duration, test) = (call.Outcome, call.EndedAt - call.StartedAt, call.IsTest);
        return () =>
        {
            foreach (var t in transitions ?? [])
            {
                meter.Transitioned(t.From, t.To, t.Trigger, test);
            }

            foreach (var turn in turns ?? [])
            {
                meter.TurnStored(turn.Intent, turn.StepId, turn.ProcessingMs, test);
            }

            if (endedNow)
            {
                meter.CallEnded(outcome!.Value, duration ?? TimeSpan.Zero, test);
            }
        };
    }
}
