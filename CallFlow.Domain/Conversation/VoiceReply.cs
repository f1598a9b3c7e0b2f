using System.Text.Json.Serialization;
using CallFlow.Domain.Businesses;

namespace CallFlow.Domain.Conversation;

/// <summary>
/// What happens next on the line, independent of any carrier's markup: the Web renders it as TwiML. Every reply
/// that waits for the caller (<see cref="Ask"/>) also says what happens if they stay silent, so a caller is never
/// left in silence.
/// </summary>
public sealed record VoiceReply(IReadOnlyList<VoiceStep> Steps)
{
    /// <summary>Which voice to speak with: the business's own, its fallback after a synthesis failure, or the carrier default.</summary>
    public VoiceChoice Voice { get; init; } = VoiceChoice.Primary;

    /// <summary>The business's voice and language that <see cref="Voice"/> picks from; null speaks with the carrier's defaults.</summary>
    public VoiceSettings? Speaker { get; init; }

    /// <summary>Everything the assistant says in this reply, for the transcript.</summary>
    [JsonIgnore]
    public string Transcript => string.Join(" ", Steps.Select(step => step switch
    {
        Say say => say.Text,
        Ask ask => ask.Prompt,
        _ => null,
    }).Where(text => !string.IsNullOrWhiteSpace(text)));

    /// <summary>True when the reply ends the call (hangs up) rather than waiting or transferring.</summary>
    [JsonIgnore]
    public bool EndsCall => Steps.Count > 0 && Steps[^1] is HangUp;

    public static VoiceReply Prompt(string prompt, IReadOnlyList<string>? hints = null) =>
        new([new Ask(prompt, hints ?? [])]);

    public static VoiceReply SayThenPrompt(string say, string prompt, IReadOnlyList<string>? hints = null) =>
        new([new Say(say), new Ask(prompt, hints ?? [])]);

    public static VoiceReply Goodbye(string text) => new([new Say(text), new HangUp()]);

    public static VoiceReply TransferTo(string say, string number) => new([new Say(say), new Transfer(number)]);

    public static VoiceReply HoldIn(string say, string queue) => new([new Say(say), new Hold(queue)]);
}

public enum VoiceChoice
{
    Primary,
    Fallback,
    CarrierDefault,
}

/// <summary>One thing said or done on the line; serialised with a <c>step</c> discriminator (a call keeps its last reply).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "step")]
[JsonDerivedType(typeof(Say), "say")]
[JsonDerivedType(typeof(Pause), "pause")]
[JsonDerivedType(typeof(Ask), "ask")]
[JsonDerivedType(typeof(Transfer), "transfer")]
[JsonDerivedType(typeof(Hold), "hold")]
[JsonDerivedType(typeof(HangUp), "hang_up")]
public abstract record VoiceStep;

/// <summary>Speak a sentence.</summary>
public sealed record Say(string Text) : VoiceStep;

/// <summary>A short silence.</summary>
public sealed record Pause(int Seconds) : VoiceStep;

/// <summary>
/// Speak <paramref name="Prompt"/> and listen for speech or keypad input. The carrier posts the result (even an empty
/// one) to the turn webhook; <paramref name="Hints"/> help its speech recognition.
/// </summary>
public sealed record Ask(string Prompt, IReadOnlyList<string> Hints, int TimeoutSeconds = 5, int? NumDigits = null) : VoiceStep;

/// <summary>Connect the caller to a person at <paramref name="Number"/>; the outcome comes back to the dial-result webhook.</summary>
public sealed record Transfer(string Number, int TimeoutSeconds = 20) : VoiceStep;

/// <summary>Put the caller in a hold queue until staff resume or take the call.</summary>
public sealed record Hold(string Queue) : VoiceStep;

/// <summary>End the call.</summary>
public sealed record HangUp : VoiceStep;
