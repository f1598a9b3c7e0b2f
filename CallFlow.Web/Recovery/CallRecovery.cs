using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Recovery;
using CallFlow.Web.Calls;
using CallFlow.Web.Conversation;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Recovery;

/// <summary>
/// Recovery on the phone line, inside the receptionist's unit of work on a call: finds the booking a caller lost on
/// their previous call (and cancels the callback it no longer needs), speaks every reply in the voice the call is down
/// to, remembers the last reply (to repeat it in another voice), audits decisions that fire no trigger, and marks an
/// answered callback done.
/// </summary>
public sealed class CallRecovery(JobQueue queue)
{
    /// <summary>
    /// For a new inbound call: the progress of this caller's previous call to the business, when it was lost mid-booking
    /// within the resume window. Its waiting callback is cancelled, and the call is pinned to the lost call's flow version.
    /// </summary>
    public async Task<SavedProgress?> FindResumableAsync(CallSession session, CancellationToken cancellationToken)
    {
        var call = session.Call;
        var number = call.From;
        if (call.Direction != CallDirection.Inbound || !RecoverySituation.IsCallable(number) || session.Context.Conversation.Turns > 0)
        {
            return null;
        }

        var policy = session.Business.Recovery;
        var since = session.Now - policy.ResumeWindow - TimeSpan.FromHours(4);
        var previous = await session.Db.Calls.AsNoTracking()
            .Where(c => c.BusinessId == call.BusinessId && c.Id != call.Id && c.StartedAt >= since && c.StartedAt <= call.StartedAt)
            .Where(c => (c.Direction == CallDirection.Inbound && c.From == number) || (c.Direction == CallDirection.Outbound && c.To == number && c.AnsweredAt != null))
            .OrderByDescending(c => c.StartedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (previous?.Context.Recovery.ProgressSavedAt is not { } savedAt || !RecoveryManager.CanResume(policy, savedAt, session.Now))
        {
            return null;
        }

        var progress = SavedProgress.Of(previous.Context, savedAt);
        if (!progress.HasBooking)
        {
            return null;
        }

        session.Context.Conversation.FlowVersionId = progress.FlowVersionId;
        var cancelled = await CallbackScheduler.CancelOpenAsync(session.Db, previous.Id, $"the caller called back (call {call.CallSid})", session.Now, cancellationToken);
        var callbacks = cancelled.Count == 0 ? "no callback was waiting" : $"callback #{string.Join(", #", cancelled)} cancelled";
        RecoveryAudit.Note(session.Db, previous.Id, previous.State, CallTrigger.RecoveryDecided,
            $"recovery: connection_lost → the caller called back within the resume window (call {call.CallSid}) and is offered to continue; {callbacks}",
            RecoveryAudit.Recovery, session.Now);
        return progress;
    }

    /// <summary>
    /// After the engine decided a turn: the reply in the call's voice (only ever degraded after a synthesis failure),
    /// remembered as the last reply; decisions that fired nothing audited; promised work dispatched at once.
    /// </summary>
    public VoiceReply Finish(CallSession session, TurnResult result, bool callerSpoke)
    {
        var memory = session.Context.Recovery;
        if (callerSpoke)
        {
            memory.TimeoutPrompts = 0;
        }

        foreach (var decision in result.Decisions)
        {
            RecoveryAudit.Note(session, decision);
        }

        var reply = result.Reply.Voice >= memory.Voice ? result.Reply : result.Reply with { Voice = memory.Voice };
        memory.LastReply = reply;
        if (result.FollowUps.Count > 0)
        {
            queue.DispatchNow();
        }

        return reply;
    }

    /// <summary>A callback we placed was answered: it is done, and the lost call it continues is resumed.</summary>
    public async Task CallbackAnsweredAsync(CallSession session, CancellationToken cancellationToken)
    {
        if (session.Context.Recovery.CallbackId is not { } id)
        {
            return;
        }

        var request = await session.Db.CallbackRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is { Status: CallbackStatus.Placed or CallbackStatus.Dialing })
        {
            request.Status = CallbackStatus.Answered;
            request.CompletedAt = session.Now;
            request.Note = $"answered (call {session.Call.CallSid})";
        }
    }
}
