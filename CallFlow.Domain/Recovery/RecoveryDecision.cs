using System.Globalization;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;

namespace CallFlow.Domain.Recovery;

/// <summary>
/// What to do about one failure, as <see cref="RecoveryManager"/> decided it. <see cref="Describe"/> is the sentence
/// written to the call's audit trail ("recovery: connection_lost → call back at 15:05 UTC (attempt 1 of 3)").
/// </summary>
public abstract record RecoveryDecision(FailureType Failure)
{
    protected abstract string Action { get; }

    /// <summary>What set it off ("carrier error 13511"), when known.</summary>
    public string? Cause { get; init; }

    public string Describe() => Cause is { Length: > 0 }
        ? $"recovery: {Failure.ToWireName()} → {Action} ({Cause})"
        : $"recovery: {Failure.ToWireName()} → {Action}";

    public override string ToString() => Describe();

    /// <summary>Say the last reply again, with another voice.</summary>
    public sealed record RetryWithVoice(FailureType Failure, VoiceChoice Voice) : RecoveryDecision(Failure)
    {
        protected override string Action => Voice == VoiceChoice.Fallback ? "repeat the reply with the fallback voice" : "repeat the reply with the carrier's default voice";
    }

    /// <summary>Call the caller back at <paramref name="DueAt"/> and continue the booking; <paramref name="TellCaller"/> when they are still on the line.</summary>
    public sealed record CallBack(FailureType Failure, DateTimeOffset DueAt, int Attempt, int MaxAttempts, bool TellCaller) : RecoveryDecision(Failure)
    {
        protected override string Action => string.Create(CultureInfo.InvariantCulture,
            $"progress saved, call back at {DueAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC (attempt {Attempt} of {MaxAttempts})");
    }

    /// <summary>Nobody can be called back (the number is withheld, the callbacks ran out): text the owner.</summary>
    public sealed record NotifyOwner(FailureType Failure, string Why) : RecoveryDecision(Failure)
    {
        protected override string Action => $"tell the owner: {Why}";
    }

    /// <summary>Take the booking as a request and confirm it by text once the calendar answers.</summary>
    public sealed record TakeProvisionally(FailureType Failure, DateTimeOffset NextCommitAt) : RecoveryDecision(Failure)
    {
        protected override string Action => "take the booking provisionally and confirm it by text once the calendar answers";
    }

    /// <summary>Ask the silent line the last question again.</summary>
    public sealed record Reprompt(FailureType Failure, int Prompt, int Of, TimeSpan Silence) : RecoveryDecision(Failure)
    {
        protected override string Action => string.Create(CultureInfo.InvariantCulture, $"no activity for {Silence.TotalSeconds:0} s, prompt again ({Prompt} of {Of})");
    }

    /// <summary>End the call politely; the machine's <see cref="Trigger"/> marks it failed or abandoned as its state says.</summary>
    public sealed record EndCall(FailureType Failure, CallTrigger Trigger, string Why) : RecoveryDecision(Failure)
    {
        protected override string Action => $"end the call: {Why}";
    }

    /// <summary>Hand the caller to staff.</summary>
    public sealed record TransferToStaff(FailureType Failure, string Number) : RecoveryDecision(Failure)
    {
        protected override string Action => $"transfer to staff at {Number}";
    }

    /// <summary>Nobody can take the call now: take a message for the team.</summary>
    public sealed record TakeMessage(FailureType Failure, string Why) : RecoveryDecision(Failure)
    {
        protected override string Action => $"take a message: {Why}";
    }
}
