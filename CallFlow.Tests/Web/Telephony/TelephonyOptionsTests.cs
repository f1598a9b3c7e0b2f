using CallFlow.Web.Telephony;
using Microsoft.Extensions.Options;

namespace CallFlow.Tests.Web.Telephony;

public class TelephonyOptionsTests
{
    private static readonly TwilioOptions Live = new()
    {
        AccountSid = "AC0123456789abcdef0123456789abcdef",
        AuthToken = "token",
        PublicBaseUrl = "https://callflow.example.com",
    };

    private static ValidateOptionsResult Validate(TwilioOptions twilio, CarrierMode mode = CarrierMode.Simulated) =>
        new TelephonyOptionsValidator(Options.Create(new CarrierOptions { Mode = mode })).Validate(null, twilio);

    public static TheoryData<string, TwilioOptions, CarrierMode, string?> Cases => new()
    {
        { "complete Twilio settings", Live, CarrierMode.Twilio, null },
        { "simulated with a token", new TwilioOptions { AuthToken = "t" }, CarrierMode.Simulated, null },
        { "no token while validating", new TwilioOptions(), CarrierMode.Simulated, "Twilio:AuthToken is required while" },
        { "no token, validation off", new TwilioOptions { ValidateSignatures = false }, CarrierMode.Simulated, null },
        { "relative public base", Live with { PublicBaseUrl = "/callflow" }, CarrierMode.Simulated, "Twilio:PublicBaseUrl '/callflow'" },
        { "ftp api base", Live with { ApiBaseUrl = "ftp://api.twilio.com" }, CarrierMode.Simulated, "Twilio:ApiBaseUrl" },
        { "malformed account sid", Live with { AccountSid = "AC123" }, CarrierMode.Twilio, "Twilio:AccountSid" },
        { "twilio without public base", Live with { PublicBaseUrl = "" }, CarrierMode.Twilio, "Twilio:PublicBaseUrl is required" },
        { "tiny body limit", Live with { MaxBodyBytes = 10 }, CarrierMode.Simulated, "Twilio:MaxBodyBytes" },
        { "no webhook at a time", Live with { MaxConcurrentWebhooks = 0 }, CarrierMode.Simulated, "Twilio:MaxConcurrentWebhooks" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Carrier_settings_are_checked_on_start(string why, TwilioOptions twilio, CarrierMode mode, string? error)
    {
        var result = Validate(twilio, mode);

        if (error is null)
        {
            result.Succeeded.ShouldBeTrue(why + ": " + result.FailureMessage);
        }
        else
        {
            result.Failed.ShouldBeTrue(why);
            result.FailureMessage.ShouldContain(error);
        }
    }

    [Fact]
    public void Webhooks_work_four_per_core_at_once_unless_configured()
    {
        Live.MaxConcurrentWebhooks.ShouldBe(4 * Environment.ProcessorCount);
        Validate(Live, CarrierMode.Twilio).Succeeded.ShouldBeTrue();
        Validate(Live with { MaxConcurrentWebhooks = 1025 }, CarrierMode.Twilio).FailureMessage!.ShouldContain("Twilio:MaxConcurrentWebhooks");
    }

    [Fact]
    public async Task The_app_refuses_to_start_in_Twilio_mode_without_an_account()
    {
        await using var app = new TelephonyApp();
        app.With("Carrier:Mode", "Twilio").With("Twilio:AccountSid", "");

        var failure = Should.Throw<OptionsValidationException>(() => app.CreateClient());

        failure.Message.ShouldContain("Twilio:AccountSid");
    }

    [Fact]
    public async Task The_demo_configuration_validates_signatures_with_its_dev_token()
    {
        await using var app = new TelephonyApp();

        var options = app.Service<IOptions<TwilioOptions>>().Value;

        options.ValidateSignatures.ShouldBeTrue();
        options.AuthToken.ShouldNotBeNullOrWhiteSpace();
    }
}
