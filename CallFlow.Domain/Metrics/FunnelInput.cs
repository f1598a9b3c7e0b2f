using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;

namespace CallFlow.Domain.Metrics;

/// <summary>
/// What the booking funnel is computed from: the flow's steps in order, how the calls that never asked to book
/// ended, and for each call that did, what happened at each step (<see cref="StepEvent"/>s counted per kind).
/// </summary>
/// <param name="Steps">The flow's steps in the order they are asked, the read-back last.</param>
/// <param name="OtherCalls">Calls without booking intent, counted by outcome (null: still going).</param>
/// <param name="BookingCalls">Calls that showed booking intent (asked to book, or reached a step).</param>
public sealed record FunnelInput(IReadOnlyList<FunnelStep> Steps, IReadOnlyList<OutcomeTally> OtherCalls, IReadOnlyList<FunnelCall> BookingCalls);

/// <summary>A flow step as the funnel shows it.</summary>
public sealed record FunnelStep(string Id, string Name);

/// <summary>How many calls ended with an outcome (null: not ended yet).</summary>
public sealed record OutcomeTally(CallOutcome? Outcome, int Count);

/// <summary>One call with booking intent: how it ended (null while it goes on) and its step events, tallied.</summary>
public sealed record FunnelCall(string CallId, CallOutcome? Outcome, IReadOnlyList<StepTally> Steps);

/// <summary>
/// The step events of one call with the same step, kind, reason and unprompted flag: how many there were, their
/// total and counted durations (completions and failures carry one), and the order of the latest (larger is later).
/// </summary>
public sealed record StepTally(string StepId, StepEventKind Kind, int Count)
{
    public StepFailureReason? Reason { get; init; }

    public bool Unprompted { get; init; }

    /// <summary>The sum of the durations recorded on these events, in milliseconds.</summary>
    public double DurationMs { get; init; }

    /// <summary>How many of these events recorded a duration.</summary>
    public int Durations { get; init; }

    /// <summary>Orders the tallies of one call in time (the id of the latest event).</summary>
    public long LastOrder { get; init; }
}

/// <summary>The words the funnel uses for why callers dropped out (a step failure, or how the call ended).</summary>
public static class DropReasons
{
    public const string StillOnTheCall = "still on the call";

    public static string For(StepFailureReason reason) => reason switch
    {
        StepFailureReason.NoInput => "no input",
        StepFailureReason.NoMatch => "no match",
        StepFailureReason.Validation => "validation",
        StepFailureReason.CalendarConflict => "calendar conflict",
        StepFailureReason.CallerHungUp => "caller hung up",
        StepFailureReason.Transferred => "transferred",
        _ => reason.ToString(),
    };

    public static string For(CallOutcome? outcome) => outcome switch
    {
        null => StillOnTheCall,
        CallOutcome.Booked => "booked",
        CallOutcome.InquiryAnswered => "inquiry answered",
        CallOutcome.Transferred => "transferred",
        CallOutcome.CallbackScheduled => "callback scheduled",
        CallOutcome.MessageTaken => "message taken",
        CallOutcome.Abandoned => "abandoned",
        CallOutcome.Failed => "failed",
        _ => outcome.Value.ToString(),
    };
}
