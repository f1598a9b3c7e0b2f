using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Web.Businesses;
using CallFlow.Web.Data;

namespace CallFlow.Web.Calls;

/// <summary>
/// One unit of work on one call, with its lock held: the call, its business, the state machine over the
/// call's stored state, and the database context the changes are saved through. Every trigger fired here
/// adds its audit rows to the same save as the state change.
/// </summary>
public sealed class CallSession : ICallLifecycle
{
    private readonly ILogger _logger;
    private CallStateMachine? _machine;

    internal CallSession(CallFlowDb db, Call call, Business business, Actor actor, DateTimeOffset now, ILogger logger)
    {
        Db = db;
        Call = call;
        Business = business;
        Actor = actor;
        Now = now;
        _logger = logger;
    }

    public CallFlowDb Db { get; }

    public Call Call { get; }

    public Business Business { get; }

    /// <summary>The state machine over the call's stored state, configured on first use: many units of work fire nothing.</summary>
    public CallStateMachine Machine => _machine ??= new CallStateMachine(() => Call.State, state => Call.State = state, Call.Context);

    /// <summary>Who is acting in this unit of work, unless a fire says otherwise.</summary>
    public Actor Actor { get; }

    public DateTimeOffset Now { get; }

    public CallState State => Call.State;

    public CallContext Context => Call.Context;

    public bool CanFire(CallTrigger trigger) => Machine.CanFire(trigger);

    /// <summary>Outcome to record if the call finishes in this unit of work (a message taken, a callback promised).</summary>
    public CallOutcome? DecidedOutcome { get; set; }

    public FireResult Fire(CallTrigger trigger, string? detail = null, Actor? actor = null) =>
        Record(Machine.Fire(trigger), detail, actor);

    public FireResult IdentifyIntent(Intent intent, string? detail = null, Actor? actor = null) =>
        Record(Machine.IdentifyIntent(intent), detail ?? intent.ToString(), actor);

    public FireResult ReachRetryLimit(Fallback fallback, string? detail = null, Actor? actor = null) =>
        Record(Machine.ReachRetryLimit(fallback), detail ?? fallback.ToString(), actor);

    FireResult ICallLifecycle.Fire(CallTrigger trigger, string? detail) => Fire(trigger, detail);

    FireResult ICallLifecycle.IdentifyIntent(Intent intent, string? detail) => IdentifyIntent(intent, detail);

    FireResult ICallLifecycle.ReachRetryLimit(Fallback fallback, string? detail) => ReachRetryLimit(fallback, detail);

    /// <summary>Marks caller or carrier activity, which keeps the call from being swept as stale.</summary>
    public void Touch()
    {
        Call.LastActivityAt = Now;
        Call.Context.LastActivityTime = Now;
    }

    private FireResult Record(FireResult result, string? detail, Actor? actor)
    {
        var by = actor ?? Actor;
        switch (result.Outcome)
        {
            case FireOutcome.Transitioned:
                foreach (var change in result.Changes)
                {
                    Db.CallTransitions.Add(new CallTransition
                    {
                        CallId = Call.Id,
                        From = change.From,
                        To = change.To,
                        Trigger = change.Trigger,
                        At = Now,
                        ActorKind = by.Kind,
                        ActorName = by.Name,
                        Detail = Truncate(detail),
                    });
                }

                ApplyLifecycle(result);
                break;

            case FireOutcome.Refused:
                // Recorded so a carrier or console sending something out of place shows in the trail; nothing changes.
                Db.CallTransitions.Add(new CallTransition
                {
                    CallId = Call.Id,
                    From = result.From,
                    To = result.From,
                    Trigger = result.Trigger,
                    Accepted = false,
                    At = Now,
                    ActorKind = by.Kind,
                    ActorName = by.Name,
                    Detail = Truncate(result.Reason),
                });
                _logger.LogWarning("Call {CallSid}: {Reason}", Call.CallSid, result.Reason);
                break;

            case FireOutcome.Ignored:
                _logger.LogDebug("Call {CallSid}: {Reason}", Call.CallSid, result.Reason);
                break;
        }

        return result;
    }

    private void ApplyLifecycle(FireResult result)
    {
        Call.LastActivityAt = Now;
        if (result.To.IsLive() && Call.AnsweredAt is null)
        {
            Call.AnsweredAt = Now;
        }

        if (result.To.IsTerminal())
        {
            Call.EndedAt ??= Now;
            Call.Outcome = CallOutcomes.For(result.To, result.Changes[^1], DecidedOutcome ?? Call.Outcome);
        }
    }

    private static string? Truncate(string? text) => text is { Length: > 1000 } ? text[..1000] : text;
}
