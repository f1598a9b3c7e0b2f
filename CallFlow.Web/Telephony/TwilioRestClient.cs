using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CallFlow.Web.Telephony;

/// <summary>
/// Twilio's REST API for the four things CallFlow asks of it: form-encoded POSTs under
/// <c>/2010-04-01/Accounts/{AccountSid}/</c>, Basic auth with the account sid and auth token.
/// </summary>
public sealed class TwilioRestClient(HttpClient http, IOptions<TwilioOptions> options, WebhookUrls urls, ILogger<TwilioRestClient> logger) : ICarrierClient
{
    public const int MaxTwimlLength = 4000;
    public const int MaxMessageLength = 1600;

    private string Account => $"2010-04-01/Accounts/{Uri.EscapeDataString(options.Value.AccountSid)}";

    public async Task<PlacedCall> PlaceCallAsync(OutboundCallRequest call, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("To", call.To),
            new("From", call.From),
            new("Url", call.Url ?? Public(WebhookUrls.Outbound)),
            new("Method", "POST"),
            new("FallbackUrl", Public(WebhookUrls.Fallback)),
            new("FallbackMethod", "POST"),
            new("StatusCallback", Public(WebhookUrls.Status)),
            new("StatusCallbackMethod", "POST"),
            new("Timeout", call.TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        form.AddRange(new[] { "initiated", "ringing", "answered", "completed" }.Select(e => KeyValuePair.Create("StatusCallbackEvent", e)));

        var resource = await PostAsync<TwilioResource>($"{Account}/Calls.json", form, cancellationToken);
        logger.LogInformation("Placed call {CallSid} to {To}", resource.Sid, call.To);
        return new PlacedCall(resource.Sid, resource.Status ?? "queued");
    }

    public async Task RedirectCallAsync(string callSid, CallInstructions instructions, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> form = instructions switch
        {
            { Url: { } url } => [new("Url", url), new("Method", "POST")],
            { Twiml: { Length: <= MaxTwimlLength } twiml } => [new("Twiml", twiml)],
            { Twiml: not null } => throw new ArgumentException($"Twilio takes at most {MaxTwimlLength} characters of TwiML.", nameof(instructions)),
            _ => throw new ArgumentException("Give a Url or TwiML.", nameof(instructions)),
        };
        await PostAsync<TwilioResource>($"{Account}/Calls/{Uri.EscapeDataString(callSid)}.json", form, cancellationToken);
    }

    public Task EndCallAsync(string callSid, CancellationToken cancellationToken) =>
        PostAsync<TwilioResource>($"{Account}/Calls/{Uri.EscapeDataString(callSid)}.json", [new("Status", "completed")], cancellationToken);

    public async Task<SentMessage> SendMessageAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.Body.Length > MaxMessageLength)
        {
            throw new ArgumentException($"Twilio takes at most {MaxMessageLength} characters in a message.", nameof(message));
        }

        var resource = await PostAsync<TwilioResource>(
            $"{Account}/Messages.json", [new("To", message.To), new("From", message.From), new("Body", message.Body)], cancellationToken);
        return new SentMessage(resource.Sid, resource.Status ?? "queued");
    }

    private string Public(string path) =>
        urls.ForPublic(path) ?? throw new InvalidOperationException("Twilio:PublicBaseUrl is required to place calls through Twilio.");

    private async Task<T> PostAsync<T>(string path, IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(path, new FormUrlEncodedContent(form), cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            throw new CarrierException($"Twilio could not be reached: {e.Message}", inner: e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response, cancellationToken);
                logger.LogWarning("Twilio refused POST {Path}: {Status} {Code} {Message}", path, (int)response.StatusCode, error?.Code, error?.Message);
                throw new CarrierException(error?.Message ?? $"Twilio answered {(int)response.StatusCode}.", response.StatusCode, error?.Code);
            }

            return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw new CarrierException("Twilio answered with an empty body.", response.StatusCode);
        }
    }

    private static async Task<TwilioError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TwilioError>(cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed record TwilioResource([property: JsonPropertyName("sid")] string Sid, [property: JsonPropertyName("status")] string? Status);

    private sealed record TwilioError([property: JsonPropertyName("code")] int? Code, [property: JsonPropertyName("message")] string? Message);

    /// <summary>Registers the typed client: base address, Basic auth, per-attempt timeout and careful retries.</summary>
    internal static void Register(IServiceCollection services)
    {
        services.AddHttpClient<TwilioRestClient>((provider, client) =>
            {
                var twilio = provider.GetRequiredService<IOptions<TwilioOptions>>().Value;
                client.BaseAddress = new Uri(twilio.ApiBaseUrl.TrimEnd('/') + "/");
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                    "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));
                client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                client.Timeout = twilio.RequestTimeout * 4 + TimeSpan.FromSeconds(5);
            })
            .AddResilienceHandler("twilio", (pipeline, context) =>
            {
                var twilio = context.ServiceProvider.GetRequiredService<IOptions<TwilioOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    ShouldHandle = args => ValueTask.FromResult(IsSafeToRetry(args.Outcome)),
                });
                pipeline.AddTimeout(twilio.RequestTimeout);
            });
    }

    /// <summary>
    /// Every call here is a POST that creates or changes something (a call, a text). Retrying one that may have
    /// reached Twilio could ring a customer twice, so only failures that prove it did not are retried: the
    /// connection never opened, or Twilio answered 429 (rate limited) or 503 (not accepted, try later). A timeout,
    /// a dropped connection after sending, or a 5xx from inside Twilio may have done the work, and is reported instead.
    /// </summary>
    internal static bool IsSafeToRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } => true,
        _ => false,
    };
}
