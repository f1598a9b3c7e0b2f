using CallFlow.Domain.Booking;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Recovery;
using CallFlow.Domain.Understanding;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// Holds the conversation on one call, one turn at a time: interpret what the caller said against the question
/// being asked, decide, fire the call's triggers (the lifecycle audits each), and reply. Nothing here does I/O except
/// through <see cref="IBookingDesk"/>; the turn's step events and follow-up commands come back as data for the Web to
/// save with the turn. Build one per turn (it is cheap); it keeps no state of its own.
/// </summary>
/// <remarks>
/// Rules, in the order they apply: a message being taken takes whatever is said; silence and unsure readings are
/// retried (a rephrasing, then the options read out) up to the step's limit, then the flow's fallback runs (staff
/// during opening hours, else a callback or a message). "A person, please" and "goodbye" are honoured anywhere. An
/// open question (the read-back, a slot choice, "anything else?") is answered next; otherwise questions about the
/// business are answered from its FAQ and settings, cancellations and reschedules find the caller's appointment by
/// their number, and anything carrying booking details moves the booking on.
/// </remarks>
public sealed class ConversationEngine(IInterpreter interpreter, IBookingDesk desk)
{
    /// <summary>
    /// Greets a caller whose call was just answered; a caller who lost a booking on an earlier call
    /// (<paramref name="resumable"/>) is offered to continue it.
    /// </summary>
    public TurnResult Answer(CallTurn input, SavedProgress? resumable = null)
    {
        var turn = new Turn(input, desk);
        if (resumable is { HasBooking: true } && input.Flow is not null)
        {
            return turn.Result(Recoveries.OfferResume(turn, resumable));
        }

        var greeting = string.IsNullOrWhiteSpace(input.Business.Greeting)
            ? $"Thanks for calling {input.Business.Name}. {Prompts.OpenQuestion}"
            : input.Business.Greeting;
        return turn.Result(turn.Ask(greeting));
    }

    /// <summary>Greets the callee of a callback we placed, resuming their booking when the call carries one.</summary>
    public TurnResult AnswerCallback(CallTurn input)
    {
        var turn = new Turn(input, desk);
        turn.Say($"Hello, this is {input.Business.Name} returning your call.");
        var resumable = input.Flow is not null && input.Call.State is CallState.Connected or CallState.InConversation
            && turn.Collected.Keys.Any(Flows.FlowFields.IsBookingField);
        if (!resumable)
        {
            return turn.Result(turn.Ask(Prompts.OpenQuestion));
        }

        BookingCollector.Start(turn, turn.State.Existing is null ? ConversationGoal.Book : ConversationGoal.Reschedule);
        turn.Say("Let's pick up your booking where we left off.");
        return turn.Result(BookingCollector.AskNextOrReadBack(turn, gave: false));
    }

    /// <summary>One exchange: the caller said or pressed something, or nothing (a no-input turn).</summary>
    public async Task<TurnResult> ReplyAsync(CallTurn input, Utterance utterance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        var turn = new Turn(input, desk);
        var call = input.Call;
        if (!call.State.IsLive())
        {
            return turn.Result(VoiceReply.Goodbye("This call has already ended. Goodbye."));
        }

        if (call.State is CallState.Transferring or CallState.OnHold)
        {
            return turn.Result(VoiceReply.Prompt("One moment, please."));
        }

        if (turn.State.Held is { } held && held.IsDueForExtension(input.Now)
            && await desk.ExtendHoldsAsync(input.Business.Id, turn.Context.CallId, cancellationToken) is { } until)
        {
            turn.State.Held = held with { HeldAt = input.Now, HeldUntil = until };
        }

        if (!utterance.IsEmpty)
        {
            turn.Reading = interpreter.Interpret(utterance, new InterpretationContext
            {
                Business = input.Business,
                Now = input.Now,
                CallerId = turn.CallerNumber.Length > 0 ? turn.CallerNumber : null,
                State = call.State,
                Expected = Prompts.Expected(turn),
            });
            turn.Context.CurrentIntent = turn.Reading.Intent;
        }

        return turn.Result(await DecideAsync(turn, utterance, cancellationToken));
    }

    /// <summary>A transfer ended: answered (the call is over for us) or not (the caller is back with the assistant).</summary>
    public TurnResult TransferEnded(CallTurn input, bool answered, string detail)
    {
        var turn = new Turn(input, desk);
        if (input.Call.State != CallState.Transferring)
        {
            return turn.Result(input.Call.State.IsLive() ? turn.Ask(turn.State.LastQuestion ?? Prompts.OpenQuestion) : new VoiceReply([new HangUp()]));
        }

        if (answered)
        {
            turn.Fire(CallTrigger.TransferCompleted, detail);
            return turn.Result(new VoiceReply([new HangUp()]));
        }

        turn.Fire(CallTrigger.TransferFailed, detail);
        turn.LeaveSteps();
        return turn.Result(Fallbacks.TransferFailed(turn));
    }

    /// <summary>The carrier could not use our reply (its fallback URL was called with <paramref name="errorCode"/>).</summary>
    public TurnResult Recover(CallTurn input, string? errorCode) =>
        Recover(input, CarrierErrors.Classify(errorCode, input.Call.State, input.Call.Context.HeldFrom), $"carrier error {errorCode ?? "unknown"}");

    /// <summary>
    /// Something failed while the caller is on the line: carries out <see cref="RecoveryManager"/>'s decision (the same
    /// reply in another voice, a callback promise that keeps what was collected, staff, or a message).
    /// </summary>
    public TurnResult Recover(CallTurn input, FailureType failure, string cause)
    {
        var turn = new Turn(input, desk);
        return turn.Result(Recoveries.Recover(turn, failure, cause));
    }

    private static async Task<VoiceReply> DecideAsync(Turn turn, Utterance utterance, CancellationToken cancellationToken)
    {
        if (turn.State.Pending == PendingQuestion.Message)
        {
            return Fallbacks.MessageTaken(turn, turn.Reading?.Text is { Length: > 0 } said ? said : utterance.Digits);
        }

        if (turn.State.ReturningFromHold)
        {
            turn.State.ReturningFromHold = false;
            if (turn.Reading is null)
            {
                turn.Say("Thanks for holding.");
                return turn.Ask(turn.State.LastQuestion ?? Prompts.OpenQuestion);
            }
        }

        if (turn.Reading is not { } reading)
        {
            return Retries.NotUnderstood(turn, StepFailureReason.NoInput);
        }

        // "The time" after "what would you like to change?" names a field without any other cue, so the rules are unsure of it.
        var namesField = turn.State.Pending == PendingQuestion.WhatToChange && reading.MentionedField is not null;
        if (reading.Confidence < turn.Rules.MinimumConfidence && !namesField)
        {
            return Retries.NotUnderstood(turn, StepFailureReason.NoMatch);
        }

        switch (reading.Intent)
        {
            case Intent.SpeakToPerson:
                return Fallbacks.ToPerson(turn);
            case Intent.Goodbye:
                return await GoodbyeAsync(turn, cancellationToken);
        }

        return await OpenQuestions.AnswerAsync(turn, cancellationToken) ?? await ByIntentAsync(turn, reading, cancellationToken);
    }

    private static async Task<VoiceReply> ByIntentAsync(Turn turn, Interpretation reading, CancellationToken cancellationToken)
    {
        var inBooking = CallStates.Booking.Contains(turn.Call.State);
        switch (reading.Intent)
        {
            case Intent.GeneralInquiry:
                turn.Say(InquiryAnswers.Answer(turn.Business, reading.InquiryTopic));
                if (inBooking)
                {
                    return OpenQuestions.Resume(turn);
                }

                turn.Call.IdentifyIntent(Intent.GeneralInquiry, turn.Words);
                turn.LeaveSteps();
                turn.State.Pending = turn.Flow is null ? PendingQuestion.AnythingElse : PendingQuestion.WantsToBook;
                return turn.Ask(turn.Flow is null ? Prompts.AnythingElse : Prompts.WantsToBook);

            case Intent.Cancel:
                return inBooking ? await OpenQuestions.DropBookingAsync(turn, cancellationToken) : await ExistingAppointments.CancelAsync(turn, cancellationToken);

            case Intent.Reschedule when !inBooking:
                return turn.Flow is null ? NoFlow(turn) : await ExistingAppointments.RescheduleAsync(turn, cancellationToken);
        }

        var moves = reading.HasBookingDetails || reading.Selection is not null || reading.Number is not null
            || (reading.AnswersExpected && turn.Context.CurrentStepId is not null);
        if (!moves && inBooking && reading.Intent == Intent.No && turn.Flow?.Step(turn.Context.CurrentStepId) is { Required: false } optional)
        {
            turn.State.SkippedSteps.Add(optional.Id);
            return BookingCollector.AskNextOrReadBack(turn);
        }

        var wantsBooking = reading.Intent is Intent.Book or Intent.Reschedule or Intent.ChangeRequest;
        if (!moves && (!wantsBooking || inBooking))
        {
            return Retries.NotUnderstood(turn, StepFailureReason.NoMatch);
        }

        if (turn.Flow is null)
        {
            return NoFlow(turn);
        }

        BookingCollector.Start(turn, turn.State.Goal == ConversationGoal.Reschedule ? ConversationGoal.Reschedule : ConversationGoal.Book);
        return await BookingCollector.ContinueAsync(turn, cancellationToken);
    }

    private static async Task<VoiceReply> GoodbyeAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (turn.Context.CurrentStepId is { } step && CallStates.Booking.Contains(turn.Call.State))
        {
            turn.Event(step, StepEventKind.Failed, StepFailureReason.CallerHungUp);
        }

        await SlotFinder.ReleaseAsync(turn, cancellationToken);
        turn.State.Pending = PendingQuestion.None;
        turn.Fire(CallTrigger.CallEnded);
        turn.LeaveSteps();
        return turn.End($"Thanks for calling {turn.Business.Name}. Goodbye!");
    }

    private static VoiceReply NoFlow(Turn turn)
    {
        turn.Say("I'm sorry, I can't take bookings over the phone right now.");
        return Fallbacks.HandOff(turn, "the business has no usable booking flow");
    }
}
