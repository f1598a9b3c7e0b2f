namespace CallFlow.Domain.Calls;

/// <summary>Everything that can happen to a call. Triggers with parameters are declared once in <see cref="CallStateMachine"/>.</summary>
public enum CallTrigger
{
    IncomingCall,
    DialOut,
    CallAnswered,
    CallAbandoned,
    NotAnswered,
    Timeout,
    IntentIdentified,
    CallEnded,
    ConnectionLost,
    CallFailed,
    CollectInfo,
    InfoCollected,
    InfoIncomplete,
    MaxRetriesReached,
    Confirmed,
    ChangesRequested,
    Cancelled,
    BookingComplete,
    BookingFailed,
    TransferRequested,
    TransferCompleted,
    TransferFailed,
    Hold,
    Resume,

    /// <summary>
    /// Not fired on the machine: the audit trail's name for a recovery decision that changes no state (a callback
    /// booked, a reply repeated in another voice), recorded as a row from the call's state to itself.
    /// </summary>
    RecoveryDecided,
}

public static class CallTriggers
{
    public static string ToWireName(this CallTrigger trigger) => WireNames.Of(trigger);
}
