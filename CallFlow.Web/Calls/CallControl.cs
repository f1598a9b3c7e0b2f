using CallFlow.Domain.Calls;

namespace CallFlow.Web.Calls;

/// <summary>What front desk can do to a live call from the console; each is one trigger of the call machine.</summary>
public enum CallControl
{
    /// <summary>Transfer the caller to the business's front-desk number.</summary>
    TakeOver,

    Hold,

    Resume,

    /// <summary>Hang up.</summary>
    End,
}

public static class CallControls
{
    public static readonly IReadOnlyList<CallControl> All = [CallControl.TakeOver, CallControl.Hold, CallControl.Resume, CallControl.End];

    public static CallTrigger Trigger(this CallControl control) => control switch
    {
        CallControl.TakeOver => CallTrigger.TransferRequested,
        CallControl.Hold => CallTrigger.Hold,
        CallControl.Resume => CallTrigger.Resume,
        CallControl.End => CallTrigger.CallEnded,
        _ => throw new ArgumentOutOfRangeException(nameof(control), control, null),
    };

    /// <summary>
    /// The controls the call machine permits on a live call in <paramref name="state"/>, in button order. Taking
    /// over also needs a number to transfer to.
    /// </summary>
    public static IReadOnlyList<CallControl> Permitted(CallState state, bool hasTransferNumber)
    {
        if (!state.IsLive())
        {
            return [];
        }

        var current = state;
        var machine = new CallStateMachine(() => current, _ => { }, new CallContext());
        return [.. All.Where(c => machine.CanFire(c.Trigger()) && (c != CallControl.TakeOver || hasTransferNumber))];
    }
}
