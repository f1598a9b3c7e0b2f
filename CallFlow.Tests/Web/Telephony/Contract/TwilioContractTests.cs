using System.Net;
using System.Text;
using CallFlow.Web.Telephony;

namespace CallFlow.Tests.Web.Telephony.Contract;

/// <summary>
/// Our validator against Twilio's own: requests signed by the official library are accepted by the app, and the
/// library accepts what our simulator signs. If either side drifts, these fail.
/// </summary>
public class TwilioContractTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Forms with what trips validators: non-ASCII names, apostrophes, plus signs, separators, empty values.</summary>
    public static TheoryData<string, string> Forms => new()
    {
        { "plain call", "Ana" },
        { "non-ASCII caller name", "José Ñúñez 山田" },
        { "apostrophes and quotes", "O'Brien's \"salon\"" },
        { "plus, ampersand and equals", "+1 & a=b" },
        { "emoji and spaces", "  book 💇 please  " },
        { "empty value", "" },
    };

    private static Dictionary<string, string> FormWith(string callSid, string name) => new(
        TelephonyApp.CallForm(callSid, extra: [("CallerName", name), ("FromCity", "SAN FRANCISCO")]).Select(p => KeyValuePair.Create(p.Key, p.Value)));

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_webhook_signed_by_the_official_library_is_accepted(string why, string callerName)
    {
        await TwilioLibrary.EnsureAvailableAsync();
        await using var app = new TelephonyApp();
        var form = FormWith(Sids.New(), callerName);
        const string path = WebhookUrls.Incoming + "?tenant=demo&note=it%27s";
        var verdict = (await TwilioLibrary.AskAsync(app.AuthToken, [new("http://localhost" + path, form, null)])).Single();

        var response = await app.PostWithSignatureAsync(path, [.. form], verdict.Expected);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, why);
    }

    [Fact]
    public async Task The_official_library_accepts_what_the_simulator_signs_for_every_webhook()
    {
        await TwilioLibrary.EnsureAvailableAsync();
        const string token = "contract-token";
        string[] paths = [WebhookUrls.Incoming, WebhookUrls.Turn, WebhookUrls.Status, WebhookUrls.Fallback, WebhookUrls.DialResult, WebhookUrls.Outbound, WebhookUrls.Wait];
        var cases = paths.Select(path =>
        {
            var url = "https://callflow.example.com" + path;
            var form = FormWith(Sids.New(), "Zoë O'Neil");
            return new TwilioLibrary.Case(url, form, SignatureValidator.Compute(token, url, form));
        }).ToList();

        var verdicts = await TwilioLibrary.AskAsync(token, cases);

        verdicts.ShouldAllBe(v => v.Accepts);
        verdicts.Select(v => v.Expected).ShouldBe(cases.Select(c => c.Signature));
    }

    [Theory]
    [InlineData("https://callflow.example.com:443/twilio/voice/incoming", "https://callflow.example.com/twilio/voice/incoming")]
    [InlineData("https://callflow.example.com/twilio/voice/incoming", "https://callflow.example.com:443/twilio/voice/incoming")]
    [InlineData("http://callflow.example.com:8080/twilio/voice/incoming", "http://callflow.example.com/twilio/voice/incoming")]
    public async Task Both_validators_accept_the_same_port_variants(string requested, string signedFor)
    {
        await TwilioLibrary.EnsureAvailableAsync();
        const string token = "contract-token";
        var form = FormWith("CA1", "Ana");
        var signature = SignatureValidator.Compute(token, signedFor, form);

        var verdict = (await TwilioLibrary.AskAsync(token, [new(requested, form, signature)])).Single();

        verdict.Accepts.ShouldBeTrue();
        SignatureValidator.IsValid(token, signature, requested, form).ShouldBeTrue();
    }

    [Fact]
    public async Task Both_validators_agree_on_a_json_body_and_its_hash()
    {
        await TwilioLibrary.EnsureAvailableAsync();
        const string token = "contract-token";
        const string body = "{\"CallSid\":\"CA1\",\"Caller\":\"+12349013030\",\"Note\":\"café\"}";
        var url = $"https://callflow.example.com/twilio/voice/status?bodySHA256={SignatureValidator.BodyHash(Encoding.UTF8.GetBytes(body))}";
        var signature = SignatureValidator.Compute(token, url, new Dictionary<string, string>());

        var verdict = (await TwilioLibrary.AskAsync(token, [new(url, null, signature, body)])).Single();

        verdict.Accepts.ShouldBeTrue();
        verdict.BodyHash.ShouldBe(SignatureValidator.BodyHash(Encoding.UTF8.GetBytes(body)));
        SignatureValidator.IsValidWithBody(token, verdict.Expected, url, Encoding.UTF8.GetBytes(body)).ShouldBeTrue();
    }

    [Fact]
    public async Task Neither_validator_accepts_a_signature_for_other_parameters()
    {
        await TwilioLibrary.EnsureAvailableAsync();
        const string token = "contract-token";
        const string url = "https://callflow.example.com/twilio/voice/turn";
        var form = FormWith("CA1", "Ana");
        var tampered = new Dictionary<string, string>(form) { ["SpeechResult"] = "cancel everything" };
        var signature = SignatureValidator.Compute(token, url, form);

        var verdict = (await TwilioLibrary.AskAsync(token, [new(url, tampered, signature)])).Single();

        verdict.Accepts.ShouldBeFalse();
        SignatureValidator.IsValid(token, signature, url, tampered).ShouldBeFalse();
    }
}
