namespace CallFlow.Domain.Calls;

/// <summary>What a finished call achieved, for history and metrics.</summary>
public enum CallOutcome
{
    Booked,
    InquiryAnswered,
    Transferred,
    CallbackScheduled,
    MessageTaken,
    Abandoned,
    Failed,
}
