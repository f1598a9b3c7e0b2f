using CallFlow.Domain.Conversation;

namespace CallFlow.Domain.Calls;

/// <summary>
/// The call as the conversation engine drives it: fire triggers, read the state and context. The Web's
/// implementation records every transition in the audit trail as it fires; <see cref="CallLifecycle"/> is the
/// plain in-memory one for Domain tests.
/// </summary>
public interface ICallLifecycle
{
    CallState State { get; }

    CallContext Context { get; }

    /// <summary>The outcome to record if the call finishes (a message taken, a callback promised); set it before firing the trigger that ends the call.</summary>
    CallOutcome? DecidedOutcome { get; set; }

    FireResult Fire(CallTrigger trigger, string? detail = null);

    FireResult IdentifyIntent(Intent intent, string? detail = null);

    FireResult ReachRetryLimit(Fallback fallback, string? detail = null);

    /// <summary>Whether the trigger would move the call now.</summary>
    bool CanFire(CallTrigger trigger);
}

/// <summary>An <see cref="ICallLifecycle"/> over an in-memory state, remembering every result (for tests and simulations).</summary>
public sealed class CallLifecycle : ICallLifecycle
{
    private readonly CallStateMachine _machine;
    private CallState _state;

    public CallLifecycle(CallState state = CallState.Idle, CallContext? context = null)
    {
        _state = state;
        Context = context ?? new CallContext();
        _machine = new CallStateMachine(() => _state, s => _state = s, Context);
    }

    public CallState State => _state;

    public CallContext Context { get; }

    public CallOutcome? DecidedOutcome { get; set; }

    public List<FireResult> History { get; } = [];

    public FireResult Fire(CallTrigger trigger, string? detail = null) => Remember(_machine.Fire(trigger));

    public FireResult IdentifyIntent(Intent intent, string? detail = null) => Remember(_machine.IdentifyIntent(intent));

    public FireResult ReachRetryLimit(Fallback fallback, string? detail = null) => Remember(_machine.ReachRetryLimit(fallback));

    public bool CanFire(CallTrigger trigger) => _machine.CanFire(trigger);

    private FireResult Remember(FireResult result)
    {
        History.Add(result);
        return result;
    }
}
