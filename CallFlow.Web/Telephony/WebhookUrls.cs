using Microsoft.Extensions.Options;

namespace CallFlow.Web.Telephony;

/// <summary>
/// The public URLs of the carrier webhooks: the URL Twilio requested (what it signed) and the absolute action URLs
/// written into TwiML. Both come from <c>Twilio:PublicBaseUrl</c> when it is set, else from the request as the
/// forwarded headers of a trusted reverse proxy left it.
/// </summary>
public sealed class WebhookUrls(IOptions<TwilioOptions> options)
{
    public const string Incoming = "/twilio/voice/incoming";
    public const string Turn = "/twilio/voice/turn";
    public const string Status = "/twilio/voice/status";
    public const string Fallback = "/twilio/voice/fallback";
    public const string DialResult = "/twilio/voice/dial-result";
    public const string Outbound = "/twilio/voice/outbound";
    public const string Wait = "/twilio/voice/wait";

    /// <summary>
    /// Names the flow version a test call runs (<c>/twilio/voice/incoming?flowVersion=12</c>). The signature covers the
    /// query, so only a request signed with the auth token (the console's simulator) can carry it.
    /// </summary>
    public const string FlowVersionParameter = "flowVersion";

    /// <summary>
    /// Marks a call placed from the console's test-call page (<c>?test=1</c>): it runs through the real webhooks and
    /// shows on the console, but the owners' metrics leave it out. Signed like the flow version.
    /// </summary>
    public const string TestCallParameter = "test";

    /// <summary>The incoming webhook of a test call from the console, running flow version <paramref name="flowVersionId"/> (null: the live flow).</summary>
    public static string TestIncoming(long? flowVersionId) => flowVersionId is { } id
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Incoming}?{TestCallParameter}=1&{FlowVersionParameter}={id}")
        : $"{Incoming}?{TestCallParameter}=1";

    /// <summary>Whether an incoming webhook's (signed) URL marks a test call.</summary>
    public static bool IsTestCall(HttpRequest request) => request.Query[TestCallParameter] == "1";

    /// <summary>The URL Twilio requested, as it signed it: scheme, host, port, path and the raw query string.</summary>
    public string RequestUrl(HttpRequest request) =>
        Base(request) + (request.Path.ToUriComponent().TrimStart('/')) + request.QueryString.ToUriComponent();

    /// <summary>An absolute URL for one of the webhook paths, for TwiML actions and REST callbacks.</summary>
    public string For(HttpRequest request, string path) => Base(request) + path.TrimStart('/');

    /// <summary>An absolute URL from the configured public base, when there is no request (placing a call).</summary>
    public string? ForPublic(string path) => options.Value.PublicBase is { } publicBase ? publicBase + path.TrimStart('/') : null;

    private string Base(HttpRequest request) =>
        options.Value.PublicBase?.ToString()
        ?? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}/";
}
