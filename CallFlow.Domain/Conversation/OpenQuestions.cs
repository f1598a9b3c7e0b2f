using CallFlow.Domain.Calls;
using CallFlow.Domain.Flows;
using CallFlow.Domain.Understanding;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// Answers to the questions the assistant asked that are not flow steps: the read-back (confirm, change, cancel),
/// "what would you like to change?", a choice of slots, "shall I cancel it?", "would you like to book?", "anything
/// else?" and "shall someone call you back?". An answer that does not fit the question (a question about prices, a
/// new request) returns null and is handled like any other utterance.
/// </summary>
internal static class OpenQuestions
{
    public static async Task<VoiceReply?> AnswerAsync(Turn turn, CancellationToken cancellationToken)
    {
        var reading = turn.Reading!;
        var intent = reading.Intent;
        switch (turn.State.Pending)
        {
            case PendingQuestion.ReadBack:
                return await ReadBackAsync(turn, reading, cancellationToken);

            case PendingQuestion.WhatToChange:
                return intent switch
                {
                    Intent.Cancel => await DropBookingAsync(turn, cancellationToken),
                    Intent.No => BookingCommit.ReadBack(turn),
                    _ when reading.HasBookingDetails || reading.MentionedField is not null => await ChangeAsync(turn, reading, cancellationToken),
                    Intent.GeneralInquiry or Intent.Reschedule => null,
                    _ => Retries.NotUnderstood(turn, StepFailureReason.NoMatch),
                };

            case PendingQuestion.PickSlot:
                return await PickSlotAsync(turn, reading, cancellationToken);

            case PendingQuestion.ResumeOffer:
                return await Recoveries.AnswerResumeOfferAsync(turn, reading, cancellationToken);

            case PendingQuestion.ConfirmCancel:
                return await ExistingAppointments.ConfirmCancelAsync(turn, cancellationToken)
                    ?? (intent is Intent.GeneralInquiry or Intent.Book or Intent.Reschedule ? null : Retries.NotUnderstood(turn, StepFailureReason.NoMatch));

            case PendingQuestion.WantsToBook when intent == Intent.No:
            case PendingQuestion.OfferCallback when intent == Intent.No && !CallStates.Booking.Contains(turn.Call.State):
                turn.Say("No problem.");
                turn.State.Pending = PendingQuestion.AnythingElse;
                return turn.Ask(Prompts.AnythingElse);

            case PendingQuestion.WantsToBook when intent is Intent.Yes or Intent.ChangeRequest:
                if (turn.Flow is null)
                {
                    return null;
                }

                BookingCollector.Start(turn, ConversationGoal.Book);
                return await BookingCollector.ContinueAsync(turn, cancellationToken);

            case PendingQuestion.AnythingElse when intent == Intent.No:
                turn.State.Pending = PendingQuestion.None;
                turn.Fire(CallTrigger.CallEnded, "nothing else");
                return turn.End($"Thanks for calling {turn.Business.Name}. Goodbye!");

            case PendingQuestion.AnythingElse when intent == Intent.Yes && !reading.HasBookingDetails:
                turn.State.Pending = PendingQuestion.None;
                return turn.Ask("Sure, what can I help you with?");

            case PendingQuestion.OfferCallback when intent == Intent.Yes:
                return Fallbacks.CallbackAccepted(turn);

            case PendingQuestion.OfferCallback when intent == Intent.No:
                turn.Say("No problem.");
                turn.State.Pending = PendingQuestion.None;
                return Resume(turn);
        }

        return null;
    }

    /// <summary>Asks again whatever the booking under way was waiting for (after an answer to a side question).</summary>
    public static VoiceReply Resume(Turn turn)
    {
        if (turn.Flow is null || !CallStates.Booking.Contains(turn.Call.State))
        {
            turn.State.Pending = PendingQuestion.AnythingElse;
            return turn.Ask(Prompts.AnythingElse);
        }

        return turn.State.Pending switch
        {
            PendingQuestion.ReadBack or PendingQuestion.PickSlot or PendingQuestion.WhatToChange => turn.Ask(turn.State.LastQuestion ?? Prompts.OpenQuestion),
            _ when turn.Call.State == CallState.ConfirmingDetails => BookingCommit.ReadBack(turn),
            _ => BookingCollector.AskNextOrReadBack(turn, gave: false),
        };
    }

    /// <summary>The caller no longer wants the booking under way: release its slot and forget its details.</summary>
    public static async Task<VoiceReply> DropBookingAsync(Turn turn, CancellationToken cancellationToken)
    {
        await SlotFinder.ReleaseAsync(turn, cancellationToken);
        var moving = turn.State.Goal == ConversationGoal.Reschedule;
        foreach (var field in FlowFields.Booking)
        {
            BookingCollector.Forget(turn, field);
        }

        turn.State.Goal = ConversationGoal.None;
        turn.State.Existing = null;
        turn.State.TimePreference = null;
        turn.State.Offered = [];
        if (turn.Call.State is CallState.CollectingInfo or CallState.ConfirmingDetails)
        {
            turn.Fire(CallTrigger.Cancelled);
        }

        turn.LeaveSteps();
        turn.State.Pending = PendingQuestion.AnythingElse;
        turn.Say(moving ? "No problem, I'll leave your appointment as it is." : "No problem, I won't book anything.");
        return turn.Ask(Prompts.AnythingElse);
    }

    private static async Task<VoiceReply?> ReadBackAsync(Turn turn, Interpretation reading, CancellationToken cancellationToken)
    {
        var changes = reading.Intent == Intent.ChangeRequest
            || (reading.Intent is Intent.No or Intent.Book && (reading.HasBookingDetails || reading.MentionedField is not null));
        if (reading.Intent == Intent.Yes)
        {
            return await BookingCommit.CommitAsync(turn, cancellationToken);
        }

        if (reading.Intent == Intent.Cancel)
        {
            return await DropBookingAsync(turn, cancellationToken);
        }

        if (!changes && reading.Intent != Intent.No)
        {
            return reading.Intent is Intent.GeneralInquiry ? null : Retries.NotUnderstood(turn, StepFailureReason.NoMatch);
        }

        turn.Fire(CallTrigger.ChangesRequested);
        turn.EnteredCollecting = true;
        return changes ? await ChangeAsync(turn, reading, cancellationToken) : AskWhatToChange(turn);
    }

    /// <summary>A change at (or after) the read-back: new values are applied, a named field is asked again; the rest is kept.</summary>
    private static async Task<VoiceReply> ChangeAsync(Turn turn, Interpretation reading, CancellationToken cancellationToken)
    {
        turn.State.Pending = PendingQuestion.None;
        if (reading.HasBookingDetails)
        {
            return await BookingCollector.ContinueAsync(turn, cancellationToken);
        }

        if (reading.MentionedField is { } field && turn.Flow!.Collects(field))
        {
            BookingCollector.Forget(turn, field);
            turn.Say("Sure.");
            return BookingCollector.AskNextOrReadBack(turn, gave: false);
        }

        return AskWhatToChange(turn);
    }

    private static VoiceReply AskWhatToChange(Turn turn)
    {
        turn.LeaveSteps();
        turn.State.Pending = PendingQuestion.WhatToChange;
        return turn.Ask("No problem. What would you like to change: the service, the day, the time, or your name or number?");
    }

    private static async Task<VoiceReply?> PickSlotAsync(Turn turn, Interpretation reading, CancellationToken cancellationToken)
    {
        var offered = turn.State.Offered;
        var picked = reading.Selection is { } selection && selection.Index < offered.Count ? offered[selection.Index]
            : offered.Count == 1 && reading.Intent == Intent.Yes ? offered[0]
            : null;
        if (picked is not null)
        {
            SlotFinder.Pick(turn, picked);
            return await BookingCollector.ContinueAsync(turn, cancellationToken);
        }

        if (reading.HasBookingDetails)
        {
            turn.State.Offered = [];
            turn.State.Pending = PendingQuestion.None;
            return await BookingCollector.ContinueAsync(turn, cancellationToken);
        }

        if (reading.Intent == Intent.No || reading.Negated)
        {
            turn.State.Offered = [];
            turn.State.Pending = PendingQuestion.None;
            BookingCollector.Forget(turn, BookingFields.Date);
            turn.Say("No problem.");
            return BookingCollector.AskNextOrReadBack(turn, gave: false);
        }

        return reading.Intent is Intent.GeneralInquiry or Intent.Cancel ? null : Retries.NotUnderstood(turn, StepFailureReason.NoMatch);
    }
}
