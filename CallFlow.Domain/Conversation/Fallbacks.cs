using CallFlow.Domain.Calls;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// What happens when the assistant cannot help: after a step's retry limit, when the caller asks for a person, or
/// when a transfer fails. Staff take the call when the business is open and has a transfer number (and the flow
/// allows it); otherwise the flow's choice: a callback promise or a message. Each path ends or hands the call on,
/// so a caller is never looped.
/// </summary>
internal static class Fallbacks
{
    /// <summary>Whom a caller who cannot be helped goes to right now.</summary>
    public static Fallback Choose(Turn turn)
    {
        if (turn.Rules.TransferToStaff && turn.Business.TransferNumber is { Length: > 0 } && BusinessHours.IsOpen(turn.Business, turn.Now))
        {
            return Fallback.TransferToStaff;
        }

        // A callback needs a number to call; without caller ID the caller can still leave one in a message.
        return turn.Rules.WhenNobodyCanTakeTheCall == Fallback.Callback && turn.CanCallBack ? Fallback.Callback : Fallback.TakeMessage;
    }

    /// <summary>The step's (or the open question's) retries ran out.</summary>
    public static VoiceReply RetryLimitReached(Turn turn, StepFailureReason reason)
    {
        var fallback = Choose(turn);
        var detail = $"{reason} {turn.Context.RetryCount} times at {turn.Context.CurrentStepId ?? "the open question"}";
        turn.State.Pending = PendingQuestion.None;
        turn.LeaveSteps();
        turn.Say("I'm sorry, I'm having trouble understanding.");
        switch (fallback)
        {
            case Fallback.TransferToStaff:
                turn.Call.ReachRetryLimit(fallback, detail);
                return turn.TransferTo(turn.Business.TransferNumber!, $"Let me put you through to someone at {turn.Business.Name}.");

            case Fallback.Callback:
                turn.Decide(CallOutcome.CallbackScheduled);
                PromiseCallback(turn, detail);
                turn.Call.ReachRetryLimit(fallback, detail);
                return turn.End($"Someone from {turn.Business.Name} will call you back at this number as soon as possible. Goodbye.");

            default:
                turn.Call.ReachRetryLimit(fallback, detail);
                return TakeMessage(turn);
        }
    }

    /// <summary>The caller asked for a person.</summary>
    public static VoiceReply ToPerson(Turn turn)
    {
        var fallback = Choose(turn);
        if (fallback == Fallback.TransferToStaff && turn.Fire(CallTrigger.TransferRequested).Transitioned)
        {
            if (turn.Context.CurrentStepId is { } step)
            {
                turn.Event(step, StepEventKind.Failed, StepFailureReason.Transferred);
            }

            turn.State.Pending = PendingQuestion.None;
            turn.LeaveSteps();
            return turn.TransferTo(turn.Business.TransferNumber!, "Of course. Connecting you to the front desk now. Please hold.");
        }

        turn.Say("I'm sorry, there's nobody available to take your call right now.");
        return NobodyAvailable(turn, fallback);
    }

    /// <summary>A transfer ended without anyone answering: the caller is back with the assistant.</summary>
    public static VoiceReply TransferFailed(Turn turn)
    {
        turn.Say("I'm sorry, nobody could take your call right now.");
        var fallback = turn.Rules.WhenNobodyCanTakeTheCall == Fallback.Callback && turn.CanCallBack ? Fallback.Callback : Fallback.TakeMessage;
        return NobodyAvailable(turn, fallback);
    }

    /// <summary>Something the assistant cannot fix (the calendar refused the booking): staff if possible, else a callback.</summary>
    public static VoiceReply HandOff(Turn turn, string why)
    {
        if (Choose(turn) == Fallback.TransferToStaff && turn.Fire(CallTrigger.TransferRequested, why).Transitioned)
        {
            return turn.TransferTo(turn.Business.TransferNumber!, "Let me put you through to the front desk so they can sort it out.");
        }

        turn.Decide(CallOutcome.CallbackScheduled);
        PromiseCallback(turn, why);
        turn.Fire(CallTrigger.CallEnded, why);
        return turn.End($"Someone from {turn.Business.Name} will call you back to sort it out. Goodbye.");
    }

    /// <summary>The caller agreed to be called back: promise it, and let them go.</summary>
    public static VoiceReply CallbackAccepted(Turn turn)
    {
        turn.Decide(CallOutcome.CallbackScheduled);
        PromiseCallback(turn, "the caller asked to be called back");
        turn.State.Pending = PendingQuestion.None;
        turn.Fire(CallTrigger.CallEnded, "callback promised");
        return turn.End($"Someone from {turn.Business.Name} will call you back at this number as soon as possible. Thanks for calling. Goodbye!");
    }

    /// <summary>Whatever the caller says while a message is being taken is the message.</summary>
    public static VoiceReply MessageTaken(Turn turn, string? message)
    {
        turn.State.Pending = PendingQuestion.None;
        if (string.IsNullOrWhiteSpace(message))
        {
            turn.Decide(CallOutcome.CallbackScheduled);
            PromiseCallback(turn, "no message was left");
            turn.Fire(CallTrigger.CallEnded, "no message left");
            return turn.End($"I didn't hear a message, so someone from {turn.Business.Name} will call you back. Goodbye.");
        }

        turn.FollowUps.Add(new FollowUp.DeliverMessage(turn.CallerNumber, message.Trim()));
        turn.Decide(CallOutcome.MessageTaken);
        turn.Fire(CallTrigger.CallEnded, "message taken");
        return turn.End("Thank you, I'll pass your message on to the team. Goodbye!");
    }

    private static VoiceReply NobodyAvailable(Turn turn, Fallback fallback)
    {
        if (fallback == Fallback.Callback)
        {
            turn.State.Pending = PendingQuestion.OfferCallback;
            return turn.Ask("Would you like someone to call you back at this number?");
        }

        return TakeMessage(turn);
    }

    private static VoiceReply TakeMessage(Turn turn)
    {
        turn.State.Pending = PendingQuestion.Message;
        return turn.Ask("I can take a message for the team. Please tell me your name and what you'd like me to pass on.", []);
    }

    private static void PromiseCallback(Turn turn, string reason) =>
        turn.FollowUps.Add(new FollowUp.ScheduleCallback(turn.CallerNumber, reason, new Dictionary<string, string>(turn.Collected, StringComparer.Ordinal)));
}
