using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Web.Businesses;
using CallFlow.Web.Data;
using CallFlow.Web.Identity;
using CallFlow.Web.Telephony;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Calls;

/// <summary>
/// What front-desk staff do to a call from the console: take over, hold, resume, end, add a note, schedule a
/// callback. Each action checks that the signed-in user works for the call's business, runs through the same
/// orchestrator as the webhooks (one writer per call) and is audited under the staff member's name.
/// </summary>
public sealed partial class StaffActions(
    CallOrchestrator orchestrator,
    BusinessScope scope,
    ICarrierClient carrier,
    TwimlWriter twiml,
    WebhookUrls urls,
    IDbContextFactory<CallFlowDb> dbFactory,
    ILogger<StaffActions> logger)
{
    public Task<StaffActionResult> TakeOverAsync(string callId, CancellationToken cancellationToken = default) =>
        ControlAsync(callId, CallControl.TakeOver, cancellationToken);

    public Task<StaffActionResult> HoldAsync(string callId, CancellationToken cancellationToken = default) =>
        ControlAsync(callId, CallControl.Hold, cancellationToken);

    public Task<StaffActionResult> ResumeAsync(string callId, CancellationToken cancellationToken = default) =>
        ControlAsync(callId, CallControl.Resume, cancellationToken);

    public Task<StaffActionResult> EndAsync(string callId, CancellationToken cancellationToken = default) =>
        ControlAsync(callId, CallControl.End, cancellationToken);

    /// <summary>
    /// Steers the live line, then records the transition.
    /// </summary>
    /// <remarks>
    /// Order: under the call's lock, check the machine permits it, tell the carrier, and only then fire the trigger
    /// and commit. Compensating afterwards is not possible in general (an ended call is terminal, there is no
    /// "un-transfer"), so the audit only ever records what the carrier accepted. The webhooks the carrier sends in
    /// response (the turn after a resume, the dial result of a take-over) wait for the lock and so see the
    /// committed state. Carriers queue these requests rather than calling back synchronously, so holding the lock
    /// meanwhile cannot deadlock; it delays that call's webhooks for at most the REST timeout.
    /// </remarks>
    public async Task<StaffActionResult> ControlAsync(string callId, CallControl control, CancellationToken cancellationToken = default)
    {
        if (await ActingAsync(callId, cancellationToken) is not { } acting)
        {
            return StaffActionResult.NotFound;
        }

        // The work reruns when another instance saved the call meanwhile; the carrier must not be told twice.
        var carrierDone = false;
        try
        {
            var done = await orchestrator.ExecuteAsync(acting.CallSid, acting.Actor, async session =>
            {
                var trigger = control.Trigger();
                if (!session.CanFire(trigger))
                {
                    // Fired anyway so a refusal shows in the trail like any out-of-place trigger (a finished call ignores it).
                    session.Fire(trigger, "from the console");
                    return new StaffActionResult(StaffActionStatus.NotPermitted, $"The call is {Label(session.State)} now: {Verb(control)} is not possible.");
                }

                if (control == CallControl.TakeOver && string.IsNullOrWhiteSpace(session.Business.TransferNumber))
                {
                    return StaffActionResult.Invalid("This business has no front-desk number to transfer to; set one in Settings.");
                }

                if (!carrierDone)
                {
                    try
                    {
                        await TellCarrierAsync(control, session, cancellationToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogWarning(e, "Call {CallSid}: the carrier did not {Control}", session.Call.CallSid, control);
                        return new StaffActionResult(StaffActionStatus.CarrierFailed, $"The phone line could not {Verb(control)}: {e.Message}");
                    }

                    carrierDone = true;
                }

                if (control == CallControl.Resume)
                {
                    // The resume reaches the conversation as an empty turn; the wait on hold is no silence, so the
                    // assistant welcomes the caller back and asks its open question again.
                    session.Context.RetryCount = 0;
                    session.Context.Conversation.ReturningFromHold = true;
                }

                var result = session.Fire(trigger, Detail(control, session));
                return result.Transitioned
                    ? StaffActionResult.Done(Done(control, result.To))
                    : new StaffActionResult(StaffActionStatus.NotPermitted, result.Reason ?? $"{Verb(control)} is not possible now.");
            }, cancellationToken);
            return done?.Result ?? StaffActionResult.NotFound;
        }
        catch (DbUpdateException e) when (carrierDone)
        {
            logger.LogError(e, "Call {CallSid}: the carrier did {Control} but saving it failed", acting.CallSid, control);
            return new StaffActionResult(StaffActionStatus.NotRecorded, $"The phone line did {Verb(control)}, but it could not be recorded. Reload the page.");
        }
    }

    /// <summary>The call's carrier id and the staff actor, when the signed-in user may act on the call's business.</summary>
    private async Task<Acting?> ActingAsync(string callId, CancellationToken cancellationToken)
    {
        var user = await scope.UserAsync();
        if (user.UserId() is null)
        {
            return null;
        }

        var businessIds = await scope.BusinessIdsAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var callSid = await db.Calls.AsNoTracking()
            .Where(c => c.Id == callId && businessIds.Contains(c.BusinessId))
            .Select(c => c.CallSid)
            .FirstOrDefaultAsync(cancellationToken);
        return callSid is null ? null : new Acting(callSid, Actor.Staff(user.StaffName()));
    }

    private Task TellCarrierAsync(CallControl control, CallSession session, CancellationToken cancellationToken)
    {
        var callSid = session.Call.CallSid;
        var business = session.Business;
        var speaker = business.ToProfile().Voice;
        return control switch
        {
            CallControl.TakeOver => carrier.RedirectCallAsync(callSid, Twiml(VoiceReply.TransferTo(
                "One moment, I'm connecting you to the front desk.", business.TransferNumber!) with { Speaker = speaker }), cancellationToken),
            CallControl.Hold => carrier.RedirectCallAsync(callSid, Twiml(VoiceReply.HoldIn(
                "Please hold for a moment; someone will be right with you.", $"hold-{callSid}") with { Speaker = speaker }), cancellationToken),
            CallControl.Resume => carrier.RedirectCallAsync(callSid, CallInstructions.FromUrl(Url(WebhookUrls.Turn)), cancellationToken),
            CallControl.End => carrier.EndCallAsync(callSid, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(control), control, null),
        };
    }

    private CallInstructions Twiml(VoiceReply reply) =>
        CallInstructions.FromTwiml(twiml.Write(reply, new TwimlLinks(Url(WebhookUrls.Turn), Url(WebhookUrls.DialResult), Url(WebhookUrls.Wait))));

    /// <summary>
    /// There is no request to take the host from here. Twilio mode requires <c>Twilio:PublicBaseUrl</c>; without it
    /// (Simulated mode) the path stays relative and the simulator resolves it against the call's own URL.
    /// </summary>
    private string Url(string path) => urls.ForPublic(path) ?? path;

    private static string Detail(CallControl control, CallSession session) => control switch
    {
        CallControl.TakeOver => $"taken over from the console: transfer to {session.Business.TransferNumber}",
        _ => $"{Verb(control)} from the console",
    };

    private static string Verb(CallControl control) => control switch
    {
        CallControl.TakeOver => "take over",
        CallControl.Hold => "hold",
        CallControl.Resume => "resume",
        _ => "end the call",
    };

    private static string Done(CallControl control, CallState state) => control switch
    {
        CallControl.TakeOver => "Transferring the caller to the front desk.",
        CallControl.Hold => "The caller is on hold.",
        CallControl.Resume => $"The call is back to {Label(state)}.",
        _ => "The call has ended.",
    };

    private static string Label(CallState state) => state.ToWireName().Replace('_', ' ');

    private sealed record Acting(string CallSid, Actor Actor);
}
