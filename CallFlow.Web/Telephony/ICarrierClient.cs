using System.Net;

namespace CallFlow.Web.Telephony;

/// <summary>
/// What CallFlow asks of the carrier on its own initiative: place a call (a callback), steer or end a live call
/// (from the console), send a text. <c>Carrier:Mode</c> picks Twilio's REST API or the simulated carrier; in Twilio
/// mode, what concerns a test call from the console stays on the simulated carrier (<see cref="TestCallRouting"/>).
/// </summary>
public interface ICarrierClient
{
    /// <summary>Dials <see cref="OutboundCallRequest.To"/>; when they answer, the carrier asks <c>/twilio/voice/outbound</c> what to say.</summary>
    Task<PlacedCall> PlaceCallAsync(OutboundCallRequest call, CancellationToken cancellationToken);

    /// <summary>Replaces what a live call is doing with new instructions (a TwiML URL or a TwiML document).</summary>
    Task RedirectCallAsync(string callSid, CallInstructions instructions, CancellationToken cancellationToken);

    /// <summary>Hangs up a live call.</summary>
    Task EndCallAsync(string callSid, CancellationToken cancellationToken);

    /// <summary>Sends a text message (a booking confirmation).</summary>
    Task<SentMessage> SendMessageAsync(OutboundMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// A call to place. <paramref name="Url"/> defaults to the outbound webhook under the public base URL.
/// <paramref name="IsTest"/>: it follows up a test call from the console, so it stays on the simulated carrier.
/// </summary>
public sealed record OutboundCallRequest(string To, string From, string? BusinessId = null, string? Url = null, int TimeoutSeconds = 30, bool IsTest = false);

public sealed record PlacedCall(string CallSid, string Status);

/// <summary>New instructions for a live call: a URL to fetch TwiML from, or the TwiML itself (at most 4000 characters).</summary>
public sealed record CallInstructions(string? Url, string? Twiml)
{
    public static CallInstructions FromUrl(string url) => new(url, null);

    public static CallInstructions FromTwiml(string twiml) => new(null, twiml);
}

/// <summary>A text to send. <paramref name="IsTest"/>: it is about a test call from the console, so it stays on the simulated carrier.</summary>
public sealed record OutboundMessage(string To, string From, string Body, string? BusinessId = null, bool IsTest = false);

public sealed record SentMessage(string MessageSid, string Status);

/// <summary>The carrier refused or failed a request (Twilio's error code and message when it gave them).</summary>
public sealed class CarrierException(string message, HttpStatusCode? status = null, int? errorCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    /// <summary>Twilio's error code (21211 "invalid To number", ...).</summary>
    public int? ErrorCode { get; } = errorCode;
}
