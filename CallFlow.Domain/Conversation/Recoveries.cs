using CallFlow.Domain.Calls;
using CallFlow.Domain.Recovery;
using CallFlow.Domain.Understanding;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// The conversation's side of recovery: carrying out <see cref="RecoveryManager"/>'s decision while the caller is
/// still on the line (the fallback URL), and offering a caller who lost a booking earlier to continue it.
/// </summary>
internal static class Recoveries
{
    public const string CallBackShortly =
        "We're sorry, we're having technical difficulties. We've kept the details you gave us, and we'll call you back shortly. Goodbye.";

    public const string TechnicalDifficulties = "We're sorry, we're having technical difficulties. Please call again in a few minutes. Goodbye.";

    private const string SomethingWentWrong = "I'm sorry, something went wrong on our side.";

    public static VoiceReply Recover(Turn turn, FailureType failure, string cause)
    {
        var call = turn.Call;
        if (!call.State.IsLive())
        {
            // Nobody is on the line to recover for (a late fallback request, or a call not yet answered).
            return VoiceReply.Goodbye(call.State.IsTerminal() ? "This call has already ended. Goodbye." : TechnicalDifficulties);
        }

        var decision = RecoveryManager.Decide(failure, RecoverySituation.Of(turn.Business, call.State, turn.Context, turn.Now)) with { Cause = cause };
        var detail = decision.Describe();
        var memory = turn.Context.Recovery;
        switch (decision)
        {
            case RecoveryDecision.RetryWithVoice retry:
                memory.VoiceFailures++;
                memory.Voice = retry.Voice;
                turn.Decisions.Add(retry);
                turn.Repeated = memory.LastReply is not null;
                return (memory.LastReply ?? turn.Ask(turn.State.LastQuestion ?? Prompts.OpenQuestion)) with { Voice = retry.Voice };

            case RecoveryDecision.CallBack:
                memory.ProgressSavedAt = turn.Now;
                turn.Decide(CallOutcome.CallbackScheduled);
                turn.FollowUps.Add(new FollowUp.ScheduleCallback(turn.CallerNumber, cause, new Dictionary<string, string>(turn.Collected, StringComparer.Ordinal)));
                turn.Fire(CallTrigger.ConnectionLost, detail);
                return VoiceReply.Goodbye(CallBackShortly);

            case RecoveryDecision.TransferToStaff transfer:
                if (!turn.Fire(CallTrigger.TransferRequested, detail).Transitioned)
                {
                    return TakeMessage(turn, decision);
                }

                turn.State.Pending = PendingQuestion.None;
                turn.LeaveSteps();
                turn.Say(SomethingWentWrong);
                return turn.TransferTo(transfer.Number, $"Let me put you through to someone at {turn.Business.Name}.");

            case RecoveryDecision.TakeMessage:
                return TakeMessage(turn, decision);

            case RecoveryDecision.EndCall end:
                turn.Fire(end.Trigger, detail);
                return VoiceReply.Goodbye(TechnicalDifficulties);

            default:
                turn.Decisions.Add(decision);
                return VoiceReply.Goodbye(TechnicalDifficulties);
        }
    }

    private static VoiceReply TakeMessage(Turn turn, RecoveryDecision decision)
    {
        turn.Decisions.Add(decision);
        turn.State.Pending = PendingQuestion.Message;
        turn.LeaveSteps();
        turn.Say(SomethingWentWrong);
        return turn.Ask("I can take a message for the team. Please tell me your name, your number and what you'd like me to pass on.", []);
    }

    /// <summary>Greets a caller back with the booking they lost: "Welcome back! Would you like to continue booking your haircut for Friday, March 6th?"</summary>
    public static VoiceReply OfferResume(Turn turn, SavedProgress progress)
    {
        turn.State.ResumeOffer = progress;
        turn.State.Pending = PendingQuestion.ResumeOffer;
        return turn.Ask($"Welcome back! Would you like to continue {What(progress)}?");
    }

    /// <summary>The answer to the resume offer; null when it answers something else (handled like any utterance).</summary>
    public static async Task<VoiceReply?> AnswerResumeOfferAsync(Turn turn, Interpretation reading, CancellationToken cancellationToken)
    {
        var offer = turn.State.ResumeOffer;
        turn.State.Pending = PendingQuestion.None;
        turn.State.ResumeOffer = null;
        if (offer is null || turn.Flow is null)
        {
            return null;
        }

        if (reading.Intent == Intent.No && !reading.HasBookingDetails)
        {
            turn.Say("No problem.");
            return turn.Ask(Prompts.OpenQuestion);
        }

        if (reading.Intent is not (Intent.Yes or Intent.Book or Intent.ChangeRequest) && !reading.HasBookingDetails)
        {
            return null;
        }

        offer.ApplyTo(turn.Context);
        turn.Rebase();
        BookingCollector.Start(turn, offer.Goal);
        turn.Say("Great, let's pick up where we left off.");
        return reading.HasBookingDetails
            ? await BookingCollector.ContinueAsync(turn, cancellationToken)
            : BookingCollector.AskNextOrReadBack(turn, gave: false);
    }

    private static string What(SavedProgress progress)
    {
        if (progress.Goal == ConversationGoal.Reschedule && progress.Existing is { } existing)
        {
            return $"moving your {existing.ServiceName.ToLowerInvariant()}";
        }

        var service = progress.Collected.TryGetValue(BookingFields.Service, out var name) ? $"booking your {name.ToLowerInvariant()}" : "your booking";
        return progress.AppointmentData.Date is { } date ? $"{service} for {Speech.Date(date)}" : service;
    }
}
