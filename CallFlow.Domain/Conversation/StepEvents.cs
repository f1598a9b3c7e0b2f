namespace CallFlow.Domain.Conversation;

/// <summary>
/// What happened to one flow step in a turn, for the step funnel metrics. Step ids are the flow's; the read-back
/// is the step <see cref="ConversationSteps.Confirmation"/> (or the flow's own confirmation step).
/// <list type="bullet">
/// <item><see cref="StepEventKind.Entered"/>: the assistant asked for the step (again after the caller went back to it).</item>
/// <item><see cref="StepEventKind.Completed"/>: all the step's fields became known in this turn; <see cref="Unprompted"/>
/// when the caller gave them before the step was asked (the step was skipped).</item>
/// <item><see cref="StepEventKind.Retried"/>: the step is asked again, with the <see cref="Reason"/> (no input, no match,
/// an invalid value, or the time asked for was not free).</item>
/// <item><see cref="StepEventKind.Failed"/>: the step was given up: retries ran out (the last reason), the caller was
/// transferred, or the caller left.</item>
/// </list>
/// </summary>
public sealed record StepEvent(string StepId, StepEventKind Kind, StepFailureReason? Reason = null)
{
    /// <summary>For Retried and Failed: which counted failed attempt (no input, no match, invalid value) this was, from 1; 0 when the event does not count towards the retry limit (a calendar conflict, a transfer, the caller leaving).</summary>
    public int Attempt { get; init; }

    /// <summary>For Completed: the caller gave the step's fields before it was asked.</summary>
    public bool Unprompted { get; init; }
}

public enum StepEventKind
{
    Entered,
    Completed,
    Retried,
    Failed,
}

public enum StepFailureReason
{
    /// <summary>The caller said nothing.</summary>
    NoInput,

    /// <summary>The caller said something that did not answer the step (or was too unsure to act on).</summary>
    NoMatch,

    /// <summary>The answer failed the step's validation (a short phone number, a closed day).</summary>
    Validation,

    /// <summary>The time asked for was not free (or was taken before the booking was committed).</summary>
    CalendarConflict,

    /// <summary>The caller left at this step: hung up or said goodbye.</summary>
    CallerHungUp,

    /// <summary>The caller was handed to staff at this step.</summary>
    Transferred,
}

/// <summary>Ids of the steps the engine adds to every flow.</summary>
public static class ConversationSteps
{
    /// <summary>The read-back, when the flow has no confirmation step of its own.</summary>
    public const string Confirmation = "confirmation";
}
