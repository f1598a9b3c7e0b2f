using CallFlow.Domain.Calls;
using CallFlow.Domain.Recovery;
using CallFlow.Web.Calls;
using CallFlow.Web.Telephony;

namespace CallFlow.Web.Recovery;

/// <summary>
/// A caller who hung up (or was cut off) mid-booking: the machine already failed the call with its progress kept
/// (the SaveProgress effect). This marks the progress as resumable for a redial within the window and carries out
/// <see cref="RecoveryManager"/>'s decision: a callback after the policy's delay, or a text to the owner when the
/// caller cannot be called back. The decision is written to the call's audit trail.
/// </summary>
public sealed class ConnectionLostRecovery(CallOrchestrator calls, OutgoingTexts texts, JobQueue queue, ILogger<ConnectionLostRecovery> logger) : ICallEndedHandler
{
    public async Task CallEndedAsync(CallEndedByCarrier ended, CancellationToken cancellationToken)
    {
        if (!ended.ProgressSaved)
        {
            return;
        }

        var done = await calls.ExecuteAsync<RecoveryDecision?>(ended.CallSid, RecoveryAudit.Recovery, async session =>
        {
            var memory = session.Context.Recovery;
            if (memory.ProgressSavedAt is not null)
            {
                return null;
            }

            memory.ProgressSavedAt = session.Now;
            var business = session.Business;
            var decision = RecoveryManager.Decide(FailureType.ConnectionLost, RecoverySituation.Of(business.ToProfile(), session.State, session.Context, session.Now))
                with { Cause = $"carrier status {ended.CarrierStatus}" };
            switch (decision)
            {
                case RecoveryDecision.CallBack callback:
                    await CallbackScheduler.ScheduleAsync(session.Db, session.Call.Id, business.Id, session.Context.PhoneNumber, callback.DueAt,
                        $"{FailureType.ConnectionLost.ToWireName()} at {session.Context.CurrentStepId ?? "the booking"}", session.Now, cancellationToken);
                    break;
                case RecoveryDecision.NotifyOwner notify:
                    texts.ForOwner(session.Db, business.Id, $"{business.Name}: {notify.Why}. {Progress(session.Context)}", session.Call.Id);
                    break;
            }

            RecoveryAudit.Note(session, decision);
            return decision;
        }, cancellationToken);

        if (done?.Result is { } made)
        {
            logger.LogInformation("Call {CallSid} lost mid-booking: {Decision}", ended.CallSid, made.Describe());
            if (made is RecoveryDecision.NotifyOwner)
            {
                queue.DispatchNow();
            }
        }
    }

    private static string Progress(CallContext context) =>
        context.CollectedData.Count == 0 ? "Nothing was collected yet." : "They had given: " + string.Join(", ", context.CollectedData.Select(p => $"{p.Key} {p.Value}")) + ".";
}
