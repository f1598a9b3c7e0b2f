using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;

namespace CallFlow.Domain.Recovery;

/// <summary>
/// Decides what happens after a failure, from the failure and the situation alone: no I/O, no clock of its own. The
/// conversation engine and the Web's jobs carry the decision out and write <see cref="RecoveryDecision.Describe"/> to
/// the call's audit trail.
/// </summary>
/// <remarks>
/// connection_lost: keep the progress and call back (after the policy's delay, or when the business opens), or tell
/// the owner when the number is withheld. voice_synthesis_failed: the same reply with the fallback voice, then with the
/// carrier's default. calendar_unavailable: take the booking provisionally and commit it in the background with
/// back-off. timeout: prompt the silent line again, then end the call. generic: staff during opening hours, otherwise a
/// message.
/// </remarks>
public static class RecoveryManager
{
    public static RecoveryDecision Decide(FailureType failure, RecoverySituation situation) => failure switch
    {
        FailureType.VoiceSynthesisFailed => Voice(situation),
        FailureType.ConnectionLost => ConnectionLost(situation),
        FailureType.CalendarUnavailable => new RecoveryDecision.TakeProvisionally(failure, situation.Now),
        FailureType.Timeout => Timeout(situation),
        _ => Generic(situation),
    };

    /// <summary>Whether a live call has been silent for longer than the policy allows.</summary>
    public static bool IsSilentTooLong(RecoverySituation situation) => situation.Silence >= situation.Policy.SilenceTimeout;

    /// <summary>Whether a caller who lost their call at <paramref name="savedAt"/> may still pick it up at <paramref name="now"/>.</summary>
    public static bool CanResume(RecoveryPolicy policy, DateTimeOffset savedAt, DateTimeOffset now) =>
        now >= savedAt && now - savedAt <= policy.ResumeWindow;

    /// <summary>
    /// When to try a callback again after <paramref name="attemptsMade"/> unanswered attempts (the first attempt when
    /// none was made); null when the policy's attempts are used up.
    /// </summary>
    public static DateTimeOffset? NextCallbackAt(RecoverySituation situation, int attemptsMade)
    {
        var policy = situation.Policy;
        if (attemptsMade >= policy.CallbackMaxAttempts)
        {
            return null;
        }

        var due = situation.Now + (attemptsMade == 0 ? policy.CallbackDelay : policy.CallbackSpacing);
        return policy.AfterHours == AfterHoursCallbacks.WaitForOpening ? OpeningHours.NextOpening(situation.Business, due) ?? due : due;
    }

    /// <summary>
    /// When to try committing a provisional booking again after <paramref name="attemptsMade"/> failed attempts: at
    /// once for the first, then the policy's delay doubling each time (at most an hour); null when the attempts are used up.
    /// </summary>
    public static DateTimeOffset? NextCommitAt(RecoveryPolicy policy, int attemptsMade, DateTimeOffset now)
    {
        if (attemptsMade >= policy.CommitMaxAttempts)
        {
            return null;
        }

        if (attemptsMade == 0)
        {
            return now;
        }

        var delay = policy.CommitRetryDelay * Math.Pow(2, Math.Min(attemptsMade - 1, 16));
        return now + (delay > RecoveryPolicy.MaxCommitRetryDelay ? RecoveryPolicy.MaxCommitRetryDelay : delay);
    }

    private static RecoveryDecision Voice(RecoverySituation situation)
    {
        var speaker = situation.Business.Voice;
        var hasFallback = situation.Policy.UseFallbackVoice && !string.IsNullOrWhiteSpace(speaker.FallbackVoice)
            && !string.Equals(speaker.FallbackVoice, speaker.Voice, StringComparison.OrdinalIgnoreCase);
        VoiceChoice? next = situation.Memory.Voice switch
        {
            VoiceChoice.Primary => hasFallback ? VoiceChoice.Fallback : VoiceChoice.CarrierDefault,
            VoiceChoice.Fallback => VoiceChoice.CarrierDefault,
            _ => null,
        };
        if (next is { } voice)
        {
            return new RecoveryDecision.RetryWithVoice(FailureType.VoiceSynthesisFailed, voice);
        }

        // Even the carrier's own voice failed: nothing more can be said on this call.
        return CarrierErrors.Classify(null, situation.State, situation.HeldFrom) == FailureType.ConnectionLost
            ? ConnectionLost(situation)
            : new RecoveryDecision.EndCall(FailureType.VoiceSynthesisFailed, CallTrigger.CallFailed, "no voice could speak the reply");
    }

    private static RecoveryDecision ConnectionLost(RecoverySituation situation)
    {
        if (!situation.CanCallBack)
        {
            // Without a number to call back, a caller still on the line can leave one in a message.
            return situation.State.IsLive()
                ? new RecoveryDecision.TakeMessage(FailureType.ConnectionLost, "the caller's number is withheld, so they cannot be called back")
                : new RecoveryDecision.NotifyOwner(FailureType.ConnectionLost, "the caller was cut off mid-booking and their number is withheld");
        }

        var due = NextCallbackAt(situation, 0);
        return due is { } at
            ? new RecoveryDecision.CallBack(FailureType.ConnectionLost, at, 1, situation.Policy.CallbackMaxAttempts, TellCaller: situation.State.IsLive())
            : new RecoveryDecision.NotifyOwner(FailureType.ConnectionLost, "the caller was cut off mid-booking");
    }

    private static RecoveryDecision Timeout(RecoverySituation situation)
    {
        var state = situation.State;
        if (!state.IsLive())
        {
            return new RecoveryDecision.EndCall(FailureType.Timeout, CallTrigger.Timeout, "the carrier never reported the end of the call");
        }

        if (state is CallState.Transferring or CallState.OnHold)
        {
            // Staff have the caller; a long silence from us is expected, and only the carrier forgetting the call ends it here.
            return new RecoveryDecision.EndCall(FailureType.Timeout, CallTrigger.CallEnded, "the carrier never reported the end of the call");
        }

        var prompts = situation.Memory.TimeoutPrompts;
        return prompts < situation.Policy.TimeoutReprompts
            ? new RecoveryDecision.Reprompt(FailureType.Timeout, prompts + 1, situation.Policy.TimeoutReprompts, situation.Silence)
            : new RecoveryDecision.EndCall(FailureType.Timeout, CallTrigger.Timeout,
                prompts == 0 ? "no activity on the line" : $"no answer after {prompts} prompt{(prompts == 1 ? "" : "s")}");
    }

    private static RecoveryDecision Generic(RecoverySituation situation)
    {
        var policy = situation.Policy;
        var number = situation.Business.TransferNumber;
        var canTransfer = situation.State.IsLive() && situation.State is not (CallState.Transferring or CallState.OnHold);
        if (policy.TransferOnFailure && canTransfer && number is { Length: > 0 } && situation.IsOpen)
        {
            return new RecoveryDecision.TransferToStaff(FailureType.Generic, number);
        }

        var why = !policy.TransferOnFailure ? "transfers on failure are off"
            : number is not { Length: > 0 } ? "no transfer number"
            : !situation.IsOpen ? "outside opening hours"
            : "the call cannot be transferred now";
        return new RecoveryDecision.TakeMessage(FailureType.Generic, why);
    }
}
