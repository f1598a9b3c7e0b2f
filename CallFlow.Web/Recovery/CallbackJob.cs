using System.Globalization;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Recovery;
using CallFlow.Web.Calls;
using CallFlow.Web.Data;
using CallFlow.Web.Telephony;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Recovery;

/// <summary>
/// Places one due callback (<see cref="CallbackRequest"/>) through the carrier: claims the row (so it rings once),
/// records the outbound call carrying the lost call's progress, and dials. When the callee answers, the receptionist
/// greets them and continues the booking. An attempt nobody answers (or the carrier refuses) is tried again after the
/// policy's spacing; after the last one the owner is texted instead.
/// </summary>
public sealed class CallbackJob(
    IDbContextFactory<CallFlowDb> dbFactory,
    CallOrchestrator calls,
    ICarrierClient carrier,
    WebhookUrls urls,
    OutgoingTexts texts,
    TimeProvider clock,
    ILogger<CallbackJob> logger) : ICallEndedHandler
{
    private static readonly Actor Job = Actor.Job("callback");

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Callback #{0}")]
    public async Task RunAsync(long callbackId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.CallbackRequests.Where(r => r.Id == callbackId && r.Status == CallbackStatus.Pending && r.DueAt <= now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, CallbackStatus.Dialing)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1)
                .SetProperty(r => r.LastAttemptAt, now), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var request = await db.CallbackRequests.AsNoTracking().SingleAsync(r => r.Id == callbackId, cancellationToken);
        var original = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == request.CallId, cancellationToken);
        var business = await db.Businesses.AsNoTracking().FirstAsync(b => b.Id == request.BusinessId, cancellationToken);
        PlacedCall placed;
        try
        {
            placed = await carrier.PlaceCallAsync(new OutboundCallRequest(request.PhoneNumber, business.PhoneNumber, business.Id, urls.ForPublic(WebhookUrls.Outbound), IsTest: original.IsTest), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await db.CallbackRequests.Where(r => r.Id == callbackId && r.Status == CallbackStatus.Dialing)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, CallbackStatus.Pending).SetProperty(r => r.Attempts, r => r.Attempts - 1), CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Callback {CallbackId} to {To} could not be placed", callbackId, request.PhoneNumber);
            await AttemptFailedAsync(callbackId, $"the carrier could not place the call: {e.Message}", CancellationToken.None);
            return;
        }

        var attempt = string.Create(CultureInfo.InvariantCulture, $"callback #{request.Id}, attempt {request.Attempts} of {business.Recovery.CallbackMaxAttempts}");
        var outbound = await calls.StartOutboundAsync(
            new OutboundCall(placed.CallSid, business.Id, business.PhoneNumber, request.PhoneNumber, ContextFor(original, request)) { IsTest = original.IsTest },
            Job, $"{attempt}, for call {original.CallSid}: {request.Reason ?? "requested by " + request.RequestedBy}", CancellationToken.None);

        await db.CallbackRequests.Where(r => r.Id == callbackId && r.Status == CallbackStatus.Dialing)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, CallbackStatus.Placed).SetProperty(r => r.OutboundCallId, outbound.Id), CancellationToken.None);
        RecoveryAudit.Note(db, original.Id, original.State, CallTrigger.RecoveryDecided, $"recovery: {attempt} placed as call {placed.CallSid}", Job, now);
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Callback {CallbackId} placed to {To} as {CallSid}", callbackId, request.PhoneNumber, placed.CallSid);
    }

    /// <summary>A callback call ended before anyone picked up: try again later, or give up and tell the owner.</summary>
    public async Task CallEndedAsync(CallEndedByCarrier ended, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var answered = await db.Calls.AsNoTracking().Where(c => c.Id == ended.CallId).Select(c => c.AnsweredAt != null).FirstOrDefaultAsync(cancellationToken);
        var request = await db.CallbackRequests.AsNoTracking()
            .FirstOrDefaultAsync(r => r.OutboundCallId == ended.CallId && r.Status == CallbackStatus.Placed, cancellationToken);
        if (request is not null && !answered)
        {
            await AttemptFailedAsync(request.Id, $"not answered (the carrier said {ended.CarrierStatus})", cancellationToken);
        }
    }

    /// <summary>
    /// Callbacks whose outcome was never heard (the process stopped while dialing, the carrier's last status got lost):
    /// a claim older than <paramref name="claimTimeout"/> is dialed again, a placed call that is over without an answer
    /// counts as an unanswered attempt.
    /// </summary>
    internal async Task ReconcileAsync(TimeSpan claimTimeout, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.CallbackRequests.Where(r => r.Status == CallbackStatus.Dialing && r.LastAttemptAt < now - claimTimeout)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, CallbackStatus.Pending).SetProperty(r => r.Note, "the attempt was interrupted"), cancellationToken);

        // A minute's grace: the carrier's own end of call is handled by CallEndedAsync as it arrives.
        var settled = now - TimeSpan.FromMinutes(1);
        var unanswered = await (
            from request in db.CallbackRequests
            join call in db.Calls on request.OutboundCallId equals call.Id
            where request.Status == CallbackStatus.Placed && call.EndedAt < settled && call.AnsweredAt == null
            select request.Id).ToListAsync(cancellationToken);
        foreach (var id in unanswered)
        {
            await AttemptFailedAsync(id, "the callback call ended unanswered", cancellationToken);
        }
    }

    internal async Task AttemptFailedAsync(long callbackId, string why, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.CallbackRequests.FirstOrDefaultAsync(r => r.Id == callbackId, cancellationToken);
        if (request is null || request.Status is not (CallbackStatus.Dialing or CallbackStatus.Placed))
        {
            return;
        }

        var original = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == request.CallId, cancellationToken);
        var business = await db.Businesses.AsNoTracking().Include(b => b.Services).FirstAsync(b => b.Id == request.BusinessId, cancellationToken);
        var situation = RecoverySituation.Of(business.ToProfile(), original.State, original.Context, now) with { CallerNumber = request.PhoneNumber };
        request.Note = why.Length > 1000 ? why[..1000] : why;
        string decision;
        if (RecoveryManager.NextCallbackAt(situation, request.Attempts) is { } next)
        {
            request.Status = CallbackStatus.Pending;
            request.DueAt = next;
            decision = string.Create(CultureInfo.InvariantCulture,
                $"recovery: callback #{request.Id} attempt {request.Attempts} {why} → try again at {next.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        }
        else
        {
            request.Status = CallbackStatus.Failed;
            request.CompletedAt = now;
            texts.ForOwner(db, business.Id, string.Create(CultureInfo.InvariantCulture,
                $"{business.Name}: we could not reach {request.PhoneNumber} after {request.Attempts} callback attempts ({request.Reason ?? "callback"}). Please call them."), original.Id);
            decision = string.Create(CultureInfo.InvariantCulture, $"recovery: callback #{request.Id} {why} after {request.Attempts} attempts → the owner is told");
        }

        RecoveryAudit.Note(db, original.Id, original.State, CallTrigger.RecoveryDecided, decision, Job, now);
        await db.SaveChangesAsync(cancellationToken);
        texts.SendSoon();
    }

    /// <summary>What the callback call starts out knowing: the lost booking's progress, when there is one to continue.</summary>
    private static CallContext ContextFor(Call original, CallbackRequest request)
    {
        var context = new CallContext { Recovery = new RecoveryState { CallbackId = request.Id } };
        var source = original.Context;
        var unfinished = source.AppointmentData.AppointmentId is null
            && (source.Recovery.ProgressSavedAt is not null || original.Outcome == CallOutcome.CallbackScheduled);
        if (unfinished)
        {
            SavedProgress.Of(source, source.Recovery.ProgressSavedAt ?? original.EndedAt ?? original.StartedAt).ApplyTo(context);
            context.Conversation.FlowVersionId = source.Conversation.FlowVersionId;
        }

        return context;
    }
}
