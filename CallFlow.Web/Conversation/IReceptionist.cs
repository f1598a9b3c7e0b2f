using CallFlow.Domain.Conversation;
using CallFlow.Web.Calls;

namespace CallFlow.Web.Conversation;

/// <summary>What the caller gave on one turn: recognised speech (with the carrier's confidence) and/or keypad digits.</summary>
public sealed record CallerInput(string? Speech, double? Confidence, string? Digits)
{
    /// <summary>The caller said and pressed nothing (the Gather timed out).</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Speech) && string.IsNullOrWhiteSpace(Digits);
}

/// <summary>
/// What the phone line talks to: it answers calls and replies to callers. The carrier endpoints translate
/// webhooks into these calls and the replies into TwiML; everything in between is the receptionist's.
/// </summary>
public interface IReceptionist
{
    /// <summary>A call comes in: create it and greet the caller, or turn away a number no business answers.</summary>
    Task<VoiceReply> AnswerAsync(InboundCall call, CancellationToken cancellationToken);

    /// <summary>The callee of an outbound call we placed (a callback) answered: greet them.</summary>
    Task<VoiceReply> ConnectOutboundAsync(string callSid, CancellationToken cancellationToken);

    /// <summary>The caller said or pressed something (or nothing: an empty input is a no-input event).</summary>
    Task<VoiceReply> ReplyAsync(string callSid, CallerInput input, CancellationToken cancellationToken);

    /// <summary>A transfer to staff ended; a failed one brings the caller back to the assistant.</summary>
    Task<VoiceReply> TransferEndedAsync(string callSid, string dialStatus, CancellationToken cancellationToken);

    /// <summary>The carrier could not reach or use our primary webhook (its fallback URL was called).</summary>
    Task<VoiceReply> RecoverAsync(string callSid, string? errorCode, CancellationToken cancellationToken);
}
