using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CallFlow.Web.Telephony;

/// <summary>The Twilio account CallFlow answers for (section <c>Twilio</c>).</summary>
public sealed record TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>The account id (AC + 32 hex digits); needed for the REST calls.</summary>
    public string AccountSid { get; init; } = "";

    /// <summary>Signs every webhook (X-Twilio-Signature) and authenticates REST calls. A secret.</summary>
    public string AuthToken { get; init; } = "";

    /// <summary>
    /// The public URL Twilio reaches this app at (https://callflow.example.com). Webhook signatures are checked
    /// against it and action URLs are built from it; empty means "the URL of the request, after forwarded headers".
    /// </summary>
    public string PublicBaseUrl { get; init; } = "";

    public string ApiBaseUrl { get; init; } = "https://api.twilio.com";

    /// <summary>Reject webhooks without a valid signature (403). Only ever turn this off on a closed test bench.</summary>
    public bool ValidateSignatures { get; init; } = true;

    /// <summary>Largest webhook body accepted; Twilio's are a few kilobytes.</summary>
    public int MaxBodyBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// Webhooks worked on at once; more wait their turn (each one in flight holds database connections). Four per core
    /// by default: a webhook is CPU and database work with no network wait, and on two cores the benchmark answered
    /// 8 at a time about 10% faster than 32 at a time (the one SQLite writer gets the CPU sooner), with less memory.
    /// </summary>
    public int MaxConcurrentWebhooks { get; init; } = DefaultMaxConcurrentWebhooks;

    public static int DefaultMaxConcurrentWebhooks => 4 * Environment.ProcessorCount;

    /// <summary>How long one REST request to Twilio may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public Uri? PublicBase => string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : new Uri(PublicBaseUrl.TrimEnd('/') + "/");
}

public enum CarrierMode
{
    /// <summary>Nothing leaves the machine: outbound calls and messages go to the outbox, the simulator answers calls.</summary>
    Simulated,

    /// <summary>Outbound calls and messages go to Twilio's REST API.</summary>
    Twilio,
}

/// <summary>Which carrier CallFlow talks to (section <c>Carrier</c>).</summary>
public sealed record CarrierOptions
{
    public const string Section = "Carrier";

    public CarrierMode Mode { get; init; } = CarrierMode.Simulated;

    /// <summary>
    /// The simulator answers the calls it places by itself (the callee picks up): every call in Simulated mode, and in
    /// Twilio mode the callbacks of test calls from the console, which stay on the simulated carrier.
    /// </summary>
    public bool AnswerSimulatedCalls { get; init; } = true;

    /// <summary>Where the simulator reaches this app; empty means the first address the server listens on.</summary>
    public string SimulatorBaseUrl { get; init; } = "";
}

/// <summary>Checks the carrier settings on start, so a missing token fails the boot instead of the first call.</summary>
internal sealed partial class TelephonyOptionsValidator(IOptions<CarrierOptions> carrier) : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var errors = new List<string>();
        if (options.ValidateSignatures && string.IsNullOrWhiteSpace(options.AuthToken))
        {
            errors.Add("Twilio:AuthToken is required while Twilio:ValidateSignatures is on (webhooks are signed with it).");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl) && !IsHttpUrl(options.PublicBaseUrl))
        {
            errors.Add($"Twilio:PublicBaseUrl '{options.PublicBaseUrl}' is not an absolute http(s) URL.");
        }

        if (!IsHttpUrl(options.ApiBaseUrl))
        {
            errors.Add($"Twilio:ApiBaseUrl '{options.ApiBaseUrl}' is not an absolute http(s) URL.");
        }

        if (options.MaxConcurrentWebhooks is < 1 or > 1024)
        {
            errors.Add("Twilio:MaxConcurrentWebhooks must be between 1 and 1024.");
        }

        if (options.MaxBodyBytes is < 1024 or > 1024 * 1024)
        {
            errors.Add("Twilio:MaxBodyBytes must be between 1 KB and 1 MB.");
        }

        if (carrier.Value.Mode == CarrierMode.Twilio)
        {
            if (!AccountSid().IsMatch(options.AccountSid))
            {
                errors.Add("Twilio:AccountSid must be AC followed by 32 hex digits when Carrier:Mode is Twilio.");
            }

            if (string.IsNullOrWhiteSpace(options.AuthToken))
            {
                errors.Add("Twilio:AuthToken is required when Carrier:Mode is Twilio.");
            }

            if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
            {
                errors.Add("Twilio:PublicBaseUrl is required when Carrier:Mode is Twilio (outbound calls need absolute callback URLs).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSid();
}
