namespace CallFlow.Domain.Calls;

public static class CallOutcomes
{
    /// <summary>
    /// The outcome of a call that just reached <paramref name="state"/>. An outcome already decided by the
    /// conversation (a message taken, a callback promised) is kept.
    /// </summary>
    public static CallOutcome? For(CallState state, CallStateChange lastChange, CallOutcome? decided) => state switch
    {
        CallState.Completed => CallOutcome.Booked,
        CallState.Abandoned => decided ?? CallOutcome.Abandoned,
        CallState.Failed => decided ?? CallOutcome.Failed,
        CallState.Ended => decided ?? lastChange switch
        {
            { Trigger: CallTrigger.TransferCompleted } => CallOutcome.Transferred,
            { Trigger: CallTrigger.MaxRetriesReached } => CallOutcome.CallbackScheduled,
            { From: CallState.Connected } => CallOutcome.Abandoned,
            _ => CallOutcome.InquiryAnswered,
        },
        _ => decided,
    };
}
