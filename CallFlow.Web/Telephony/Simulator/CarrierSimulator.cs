using System.Globalization;
using System.Net;
using System.Xml.Linq;

namespace CallFlow.Web.Telephony.Simulator;

/// <summary>
/// Plays Twilio against CallFlow's own webhooks over HTTP: signs every request exactly as Twilio does, posts the
/// incoming, turn, dial-result and status webhooks, and follows the TwiML it gets back. It is a real client of the
/// real endpoints (the test-call page, the benchmark and the tests use it), never a shortcut into the services.
/// </summary>
/// <param name="http">Sends the requests; its BaseAddress is where the app listens.</param>
/// <param name="authToken">The token the app validates signatures with (<c>Twilio:AuthToken</c>).</param>
/// <param name="publicBaseUrl">The URL the app believes it is reached at (<c>Twilio:PublicBaseUrl</c>), if set: webhooks are signed for it.</param>
public sealed class CarrierSimulator(HttpClient http, string authToken, Uri? publicBaseUrl = null, string? accountSid = null)
{
    public const string SimulatedAccountSid = "AC00000000000000000000000000000000";

    /// <summary>Where webhooks are sent (the app's own address).</summary>
    public Uri BaseAddress { get; } = http.BaseAddress ?? throw new ArgumentException("The HttpClient needs a BaseAddress.", nameof(http));

    /// <summary>What the carrier believes the app's address is: the URLs it signs.</summary>
    public Uri PublicBase { get; } = publicBaseUrl ?? http.BaseAddress;

    public string AccountSid { get; } = accountSid is { Length: > 0 } ? accountSid : SimulatedAccountSid;

    /// <summary>What the carrier's <c>&lt;Dial&gt;</c> reports when a transfer ends (completed, busy, no-answer, failed).</summary>
    public string DialOutcome { get; set; } = "completed";

    /// <summary>A caller dials a business: posts the incoming webhook and plays the answer up to the first question.</summary>
    public Task<SimulatedCall> DialAsync(string from, string to, CancellationToken cancellationToken = default) =>
        DialAsync(from, to, WebhookUrls.Incoming, cancellationToken);

    /// <summary>A caller dials a business whose number points at <paramref name="incomingUrl"/> (a path or absolute URL, query included).</summary>
    public async Task<SimulatedCall> DialAsync(string from, string to, string incomingUrl, CancellationToken cancellationToken)
    {
        var call = new SimulatedCall(this, NewSid("CA"), from, to, "inbound");
        await call.StartAsync(Url(incomingUrl), cancellationToken);
        return call;
    }

    /// <summary>
    /// The callee of a call CallFlow placed picks up: the carrier reports it initiated and ringing, fetches the call's
    /// TwiML from the outbound webhook and reports it answered.
    /// </summary>
    public async Task<SimulatedCall> AnswerOutboundAsync(string callSid, string from, string to, string? url = null, CancellationToken cancellationToken = default)
    {
        var call = new SimulatedCall(this, callSid, from, to, "outbound-api");
        await call.ReportAsync(CarrierStatus.Initiated, cancellationToken);
        await call.ReportAsync(CarrierStatus.Ringing, cancellationToken);
        await call.StartAsync(url ?? Url(WebhookUrls.Outbound), cancellationToken, answered: true);
        return call;
    }

    /// <summary>The callee of a call CallFlow placed never picks up (busy, no-answer, failed, canceled).</summary>
    public async Task<SimulatedCall> MissOutboundAsync(string callSid, string from, string to, string status = CarrierStatus.NoAnswer, CancellationToken cancellationToken = default)
    {
        var call = new SimulatedCall(this, callSid, from, to, "outbound-api");
        await call.ReportAsync(CarrierStatus.Initiated, cancellationToken);
        await call.ReportAsync(CarrierStatus.Ringing, cancellationToken);
        await call.EndAsync(status, cancellationToken);
        return call;
    }

    /// <summary>The absolute URL the carrier would request for a webhook path.</summary>
    public string Url(string path) => new Uri(PublicBase, path.TrimStart('/')).AbsoluteUri;

    /// <summary>
    /// Posts a signed form to <paramref name="url"/> (absolute, as written in TwiML, or a path). The signature is
    /// computed over the URL as given; the request itself goes to the app's own address.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(string url, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken = default)
    {
        var signed = Resolve(PublicBase.AbsoluteUri, url);
        var target = new Uri(BaseAddress, new Uri(signed).PathAndQuery.TrimStart('/'));
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(SignatureValidator.Header, SignatureValidator.Compute(authToken, signed, form));
        return await http.SendAsync(request, cancellationToken);
    }

    /// <summary>Posts and reads TwiML back; a refusal (4xx/5xx) or anything that is not TwiML throws.</summary>
    internal async Task<XElement?> FetchTwimlAsync(string url, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(url, form, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SimulatedCarrierException($"{url} answered {(int)response.StatusCode}: {body}");
        }

        if (response.Content.Headers.ContentType?.MediaType is not ("text/xml" or "application/xml"))
        {
            throw new SimulatedCarrierException($"{url} answered {response.Content.Headers.ContentType} instead of TwiML (Twilio error 12300).");
        }

        var root = XDocument.Parse(body).Root;
        return root?.Name.LocalName == "Response"
            ? root
            : throw new SimulatedCarrierException($"{url} answered a document without a <Response> root (Twilio error 12100).");
    }

    internal IEnumerable<KeyValuePair<string, string>> CallParameters(SimulatedCall call, string status)
    {
        yield return new("AccountSid", AccountSid);
        yield return new("ApiVersion", "2010-04-01");
        yield return new("CallSid", call.CallSid);
        yield return new("CallStatus", status);
        yield return new("Direction", call.Direction);
        yield return new("From", call.From);
        yield return new("To", call.To);
        yield return new("Caller", call.From);
        yield return new("Called", call.To);
    }

    /// <summary>An absolute http(s) URL stays as written (it is what gets signed); a path is taken relative to <paramref name="baseUrl"/>.</summary>
    internal static string Resolve(string baseUrl, string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? url
            : new Uri(new Uri(baseUrl), new Uri(url, UriKind.Relative)).AbsoluteUri;

    internal static string Rfc2822(DateTimeOffset at) => at.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    internal static string NewSid(string prefix) => prefix + Guid.NewGuid().ToString("N");
}

/// <summary>The simulated carrier could not go on: the app refused a request or answered something that is not TwiML.</summary>
public sealed class SimulatedCarrierException(string message) : Exception(message);
