using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Recovery;
using CallFlow.Web.Calls;
using CallFlow.Web.Data;
using CallFlow.Web.Telephony;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallFlow.Web.Recovery;

/// <summary>
/// Finds calls nothing has happened on for too long. A conversation silent past the business's timeout is prompted
/// again (the live call is redirected with new TwiML), then ended politely with the machine's Timeout, which marks it
/// failed or abandoned as its state says. Calls the carrier never reported the end of (still ringing, held, transferred
/// long after anyone could be there) are closed. Each decision goes to the call's audit trail.
/// </summary>
public sealed class StaleCallSweeper(
    IDbContextFactory<CallFlowDb> dbFactory,
    CallOrchestrator calls,
    ICarrierClient carrier,
    TwimlWriter twiml,
    WebhookUrls urls,
    IOptions<JobsOptions> options,
    TimeProvider clock,
    ILogger<StaleCallSweeper> logger)
{
    public const string StillThere = "Are you still there?";
    public const string Farewell = "We haven't heard from you, so we'll end the call here. Please call again any time. Goodbye.";

    private static readonly Actor Sweeper = Actor.Job("stale-call-sweeper");
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromSeconds(20);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    [JobDisplayName("Sweep silent and forgotten calls")]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<(string CallSid, CallState State, DateTimeOffset LastActivityAt, TimeSpan Timeout)> candidates;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var quiet = await db.Calls.AsNoTracking()
                .Where(c => c.State != CallState.Completed && c.State != CallState.Ended && c.State != CallState.Failed && c.State != CallState.Abandoned)
                .Where(c => c.LastActivityAt <= now - ShortestTimeout)
                .Select(c => new { c.CallSid, c.State, c.LastActivityAt, c.Business!.Recovery })
                .ToListAsync(cancellationToken);
            candidates = [.. quiet.Select(c => (c.CallSid, c.State, c.LastActivityAt, Limit(c.State, c.Recovery)))];
        }

        foreach (var call in candidates.Where(c => now - c.LastActivityAt >= c.Timeout))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await SweepCallAsync(call.CallSid, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Call {CallSid}: the sweeper could not handle it", call.CallSid);
            }
        }
    }

    private TimeSpan Limit(CallState state, RecoveryPolicy policy) => state switch
    {
        CallState.Idle or CallState.Incoming or CallState.Ringing => options.Value.RingingCallAfter,
        CallState.Transferring or CallState.OnHold => options.Value.StaleCallAfter,
        _ => policy.SilenceTimeout,
    };

    private async Task SweepCallAsync(string callSid, CancellationToken cancellationToken)
    {
        var done = await calls.ExecuteAsync<(RecoveryDecision Decision, CallInstructions? Say, bool HangUp)?>(callSid, Sweeper, session =>
        {
            var call = session.Call;
            var business = session.Business.ToProfile();
            if (call.State.IsTerminal() || session.Now - call.LastActivityAt < Limit(call.State, business.Recovery))
            {
                return Task.FromResult<(RecoveryDecision, CallInstructions?, bool)?>(null);
            }

            var wasLive = call.State.IsLive();
            if (call.State == CallState.Idle)
            {
                session.Fire(CallTrigger.DialOut, "the carrier never reported on the call");
            }

            var situation = RecoverySituation.Of(business, call.State, call.Context, session.Now, call.LastActivityAt);
            var decision = RecoveryManager.Decide(FailureType.Timeout, situation);
            CallInstructions? say = null;
            switch (decision)
            {
                case RecoveryDecision.Reprompt:
                    session.Context.Recovery.TimeoutPrompts++;
                    session.Touch();
                    RecoveryAudit.Note(session, decision);
                    say = Render(session, $"{StillThere} {session.Context.Conversation.LastQuestion ?? "How can I help you today?"}", listen: true);
                    break;
                case RecoveryDecision.EndCall end:
                    session.Fire(end.Trigger, decision.Describe());
                    say = wasLive && call.State is not (CallState.Transferring or CallState.OnHold) ? Render(session, Farewell, listen: false) : null;
                    break;
            }

            return Task.FromResult<(RecoveryDecision, CallInstructions?, bool)?>((decision, say, say is null && wasLive));
        }, cancellationToken);

        if (done?.Result is not { } result)
        {
            return;
        }

        logger.LogInformation("Call {CallSid}: {Decision}", callSid, result.Decision.Describe());
        try
        {
            if (result.Say is { } instructions)
            {
                await carrier.RedirectCallAsync(callSid, instructions, cancellationToken);
            }
            else if (result.HangUp)
            {
                await carrier.EndCallAsync(callSid, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Call {CallSid}: the carrier no longer has the call", callSid);
            if (result.Decision is RecoveryDecision.Reprompt)
            {
                await calls.FireAsync(callSid, CallTrigger.Timeout, Sweeper, "recovery: timeout → end the call: the carrier no longer has it", cancellationToken);
            }
        }
    }

    /// <summary>TwiML for the live call in the voice it is using; remembered as the call's last reply.</summary>
    private CallInstructions Render(CallSession session, string words, bool listen)
    {
        var reply = (listen ? VoiceReply.Prompt(words) : VoiceReply.Goodbye(words))
            with { Speaker = session.Business.ToProfile().Voice, Voice = session.Context.Recovery.Voice };
        session.Context.Recovery.LastReply = reply;
        return CallInstructions.FromTwiml(twiml.Write(reply, new TwimlLinks(Url(WebhookUrls.Turn), Url(WebhookUrls.DialResult), Url(WebhookUrls.Wait))));
    }

    private string Url(string path) => urls.ForPublic(path) ?? path;
}
