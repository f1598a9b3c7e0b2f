namespace CallFlow.Domain.Calls;

/// <summary>
/// What the call should do next, returned by the state machine's entry and exit effects instead of doing I/O.
/// The names follow the seed's actions; the orchestrator turns them into speech, bookings and jobs.
/// </summary>
public enum CallAction
{
    LogCallStart,
    InitializeContext,
    PlayGreeting,
    IdentifyIntent,
    StartConversation,
    StartBookingFlow,
    RequestRequiredInfo,
    StoreCollectedInfo,
    RequestMissingInfo,
    PresentBookingSummary,
    FinalizeBooking,
    SendConfirmation,
    StartTransfer,
    ReturnFromTransfer,
    PlaceOnHold,
    ResumeCall,
    RunFallback,
    SaveProgress,
    EndCall,
}

/// <summary>One effect of a transition: the action plus the argument it was raised with, if any.</summary>
public sealed record CallEffect(CallAction Action, object? Argument = null)
{
    public override string ToString() => Argument is null ? Action.ToString() : $"{Action}({Argument})";
}
