using CallFlow.Domain.Calls;
using CallFlow.Web.Calls;

namespace CallFlow.Web.Telephony;

/// <summary>A call reached its end because the carrier said so (the caller hung up, the callee never answered).</summary>
/// <param name="ProgressSaved">
/// The caller hung up mid-booking: the call failed with a connection loss and its collected details were kept
/// (the SaveProgress effect). This is what call recovery acts on.
/// </param>
public sealed record CallEndedByCarrier(string CallSid, string CallId, string BusinessId, CallState FinalState, CallTrigger Trigger, string CarrierStatus, bool ProgressSaved);

/// <summary>
/// Notified after a status callback has ended a call and the change is saved. Recovery (calling back a caller
/// who was cut off mid-booking) registers one; handlers run outside the call's lock and must not throw.
/// </summary>
public interface ICallEndedHandler
{
    Task CallEndedAsync(CallEndedByCarrier ended, CancellationToken cancellationToken);
}

/// <summary>
/// Applies Twilio status callbacks to calls through the orchestrator (one writer per call): new facts fire the
/// matching trigger and are recorded on the call; duplicates, older callbacks and anything after a terminal status
/// change nothing.
/// </summary>
public sealed class StatusCallbackHandler(CallOrchestrator orchestrator, IEnumerable<ICallEndedHandler> endedHandlers, ILogger<StatusCallbackHandler> logger)
{
    public async Task<StatusOutcome> HandleAsync(StatusCallback callback, CancellationToken cancellationToken)
    {
        if (!CarrierStatus.IsKnown(callback.Status))
        {
            logger.LogInformation("Call {CallSid}: ignoring unknown carrier status {Status}", callback.CallSid, callback.Status);
            return StatusOutcome.Ignored("unknown status");
        }

        var done = await orchestrator.ExecuteAsync(callback.CallSid, Actor.Carrier, session => Task.FromResult(Apply(session, callback)), cancellationToken);
        if (done is null)
        {
            logger.LogInformation("Status {Status} for unknown call {CallSid} ignored", callback.Status, callback.CallSid);
            return StatusOutcome.Ignored("unknown call");
        }

        var outcome = done.Result;
        if (outcome.Ended is { } ended)
        {
            foreach (var handler in endedHandlers)
            {
                try
                {
                    await handler.CallEndedAsync(ended, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Call {CallSid}: {Handler} failed after the call ended", ended.CallSid, handler.GetType().Name);
                }
            }
        }

        return outcome;
    }

    private StatusOutcome Apply(CallSession session, StatusCallback callback)
    {
        var call = session.Call;
        if (CarrierStatus.WhyStale(call.CarrierStatus, call.CarrierSequence, callback) is { } stale)
        {
            logger.LogDebug("Call {CallSid}: status {Status} #{Sequence} ignored: {Reason}", call.CallSid, callback.Status, callback.SequenceNumber, stale);
            return StatusOutcome.Ignored(stale);
        }

        call.CarrierStatus = callback.Status;
        call.CarrierSequence = callback.SequenceNumber ?? call.CarrierSequence;

        var detail = callback.SequenceNumber is { } sequence ? $"carrier status {callback.Status} #{sequence}" : $"carrier status {callback.Status}";
        var results = new List<FireResult>();
        foreach (var trigger in CarrierStatus.TriggersFor(callback.Status, call.Direction, session.State, session.Context.HeldFrom))
        {
            var result = session.Fire(trigger, detail);
            results.Add(result);
            if (!result.Transitioned)
            {
                break;
            }
        }

        var last = results.LastOrDefault(r => r.Transitioned);
        var ended = last is not null && last.To.IsTerminal()
            ? new CallEndedByCarrier(call.CallSid, call.Id, call.BusinessId, last.To, last.Trigger, callback.Status, last.Has(CallAction.SaveProgress))
            : null;
        return new StatusOutcome(true, null, results, ended);
    }
}

/// <summary>What one status callback did.</summary>
public sealed record StatusOutcome(bool Applied, string? IgnoredBecause, IReadOnlyList<FireResult> Results, CallEndedByCarrier? Ended)
{
    public static StatusOutcome Ignored(string reason) => new(false, reason, [], null);
}
