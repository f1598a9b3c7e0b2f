using System.Net;
using System.Text;
using System.Xml.Linq;
using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Conversation;
using CallFlow.Web.Telephony;

namespace CallFlow.Tests.Web.Telephony;

public class TwilioVoiceApiTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Every voice webhook, with what each needs besides the call's own parameters.</summary>
    public static TheoryData<string> Endpoints => new()
    {
        WebhookUrls.Incoming, WebhookUrls.Turn, WebhookUrls.Status, WebhookUrls.Fallback, WebhookUrls.DialResult, WebhookUrls.Outbound, WebhookUrls.Wait,
    };

    private static List<KeyValuePair<string, string>> FormFor(string endpoint, string callSid) => endpoint switch
    {
        WebhookUrls.Turn => TelephonyApp.CallForm(callSid, extra: [("SpeechResult", "a haircut"), ("Confidence", "0.9")]),
        WebhookUrls.Status => TelephonyApp.CallForm(callSid, extra: [("SequenceNumber", "0"), ("CallbackSource", "call-progress-events")]).Select(p => p.Key == "CallStatus" ? KeyValuePair.Create("CallStatus", "completed") : p).ToList(),
        WebhookUrls.Fallback => TelephonyApp.CallForm(callSid, extra: [("ErrorCode", "11200"), ("ErrorUrl", "https://x.test/twilio/voice/turn")]),
        WebhookUrls.DialResult => TelephonyApp.CallForm(callSid, extra: [("DialCallStatus", "completed")]),
        WebhookUrls.Wait => TelephonyApp.CallForm(callSid, extra: [("QueuePosition", "1")]),
        _ => TelephonyApp.CallForm(callSid),
    };

    private static async Task<XElement> TwimlOf(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/xml");
        return XDocument.Parse(await response.Content.ReadAsStringAsync(Token)).Root!;
    }

    [Fact]
    public async Task An_incoming_call_to_the_demo_number_is_answered_with_the_greeting_in_a_gather()
    {
        await using var app = new TelephonyApp();
        var callSid = Sids.New();

        var twiml = await TwimlOf(await app.PostSignedAsync(WebhookUrls.Incoming, TelephonyApp.CallForm(callSid)));

        var gather = twiml.Element("Gather")!;
        gather.Attribute("action")!.Value.ShouldBe("http://localhost/twilio/voice/turn");
        gather.Attribute("language")!.Value.ShouldBe("en-US");
        gather.Attribute("hints")!.Value.ShouldContain("Haircut");
        gather.Element("Say")!.Value.ShouldStartWith("Thanks for calling Demo Salon!");
        gather.Element("Say")!.Attribute("voice")!.Value.ShouldBe("Polly.Joanna");
        twiml.Elements().Last().Name.LocalName.ShouldBe("Redirect");
        (await app.CallAsync(callSid))!.State.ShouldBe(CallState.Connected);
    }

    [Fact]
    public async Task A_call_to_a_number_no_business_answers_hears_a_polite_message_and_a_hangup_and_nothing_is_written()
    {
        await using var app = new TelephonyApp();

        var twiml = await TwimlOf(await app.PostSignedAsync(WebhookUrls.Incoming, TelephonyApp.CallForm(Sids.New(), to: "+15550001111")));

        twiml.Elements().Select(e => e.Name.LocalName).ShouldBe(["Say", "Hangup"]);
        twiml.Element("Say")!.Value.ShouldBe(Receptionist.NotInService);
        (await app.RowCountsAsync()).ShouldBe((0, 0, 0, 0));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_wrong_signature_gets_403_and_changes_nothing(string endpoint)
    {
        await using var app = new TelephonyApp();
        var call = await app.StartAsync();
        var before = await app.RowCountsAsync();
        var form = FormFor(endpoint, call.CallSid);
        var signedForElsewhere = SignatureValidator.Compute(app.AuthToken, "http://localhost/twilio/voice/other", form);

        var response = await app.PostWithSignatureAsync(endpoint, form, signedForElsewhere);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.RowCountsAsync()).ShouldBe(before);
        (await app.CallAsync(call.CallSid))!.State.ShouldBe(CallState.Connected);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_missing_signature_gets_403_and_changes_nothing(string endpoint)
    {
        await using var app = new TelephonyApp();
        var call = await app.StartAsync();
        var before = await app.RowCountsAsync();

        var response = await app.PostWithSignatureAsync(endpoint, FormFor(endpoint, call.CallSid), signature: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.RowCountsAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_signature_made_with_another_token_gets_403(string endpoint)
    {
        await using var app = new TelephonyApp();
        var form = FormFor(endpoint, Sids.New());

        var response = await app.PostWithSignatureAsync(endpoint, form, SignatureValidator.Compute("not-the-token", "http://localhost" + endpoint, form));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_signed_request_without_a_CallSid_gets_400(string endpoint)
    {
        await using var app = new TelephonyApp();
        var form = FormFor(endpoint, "unused").Where(p => p.Key != "CallSid").ToList();

        var response = await app.PostSignedAsync(endpoint, form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.RowCountsAsync()).ShouldBe((0, 0, 0, 0));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_one_megabyte_body_gets_400_not_500(string endpoint)
    {
        await using var app = new TelephonyApp();
        var form = FormFor(endpoint, Sids.New());
        form.Add(new("Padding", new string('x', 1024 * 1024)));

        var response = await app.PostSignedAsync(endpoint, form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.RowCountsAsync()).ShouldBe((0, 0, 0, 0));
    }

    [Fact]
    public async Task A_large_body_sent_without_a_length_is_cut_off_at_the_limit_with_400()
    {
        await using var app = new TelephonyApp();
        using var client = app.CreateClient();
        var body = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("CallSid=CA1&Padding=" + new string('x', 200_000))));
        body.Headers.ContentType = new("application/x-www-form-urlencoded");
        body.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrls.Incoming) { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request, Token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_form_that_is_not_utf8_gets_400()
    {
        await using var app = new TelephonyApp();
        using var client = app.CreateClient();
        var body = new ByteArrayContent([.. Encoding.ASCII.GetBytes("CallSid=CA1&From="), 0xff, 0xfe]);
        body.Headers.ContentType = new("application/x-www-form-urlencoded");

        var response = await client.PostAsync(WebhookUrls.Incoming, body, Token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_turn_for_a_call_nobody_knows_is_answered_politely_with_a_hangup()
    {
        await using var app = new TelephonyApp();

        var twiml = await TwimlOf(await app.PostSignedAsync(WebhookUrls.Turn, FormFor(WebhookUrls.Turn, Sids.New())));

        twiml.Elements().Select(e => e.Name.LocalName).ShouldBe(["Say", "Hangup"]);
        twiml.Element("Say")!.Value.ShouldBe(Receptionist.UnknownCall);
    }

    [Fact]
    public async Task A_status_callback_for_a_call_nobody_knows_is_acknowledged_and_ignored()
    {
        await using var app = new TelephonyApp();

        var response = await app.PostSignedAsync(WebhookUrls.Status, FormFor(WebhookUrls.Status, Sids.New()));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.RowCountsAsync()).ShouldBe((0, 0, 0, 0));
    }

    [Fact]
    public async Task A_status_callback_without_a_status_gets_400()
    {
        await using var app = new TelephonyApp();
        var form = FormFor(WebhookUrls.Status, Sids.New()).Where(p => p.Key != "CallStatus").ToList();

        (await app.PostSignedAsync(WebhookUrls.Status, form)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Behind_a_local_proxy_the_forwarded_scheme_and_host_are_what_Twilio_signed()
    {
        await using var app = new TelephonyApp();
        var form = TelephonyApp.CallForm(Sids.New());
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrls.Incoming) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "abc123.tunnel.example");
        request.Headers.Add(SignatureValidator.Header, SignatureValidator.Compute(app.AuthToken, "https://abc123.tunnel.example/twilio/voice/incoming", form));

        var twiml = await TwimlOf(await client.SendAsync(request, Token));

        twiml.Element("Gather")!.Attribute("action")!.Value.ShouldBe("https://abc123.tunnel.example/twilio/voice/turn");
    }

    [Fact]
    public async Task With_a_public_base_url_signatures_and_action_urls_use_it()
    {
        await using var app = new TelephonyApp();
        app.With("Twilio:PublicBaseUrl", "https://callflow.example.com");
        var publicBase = new Uri("https://callflow.example.com/");

        var accepted = await app.Carrier(publicBase).PostAsync(WebhookUrls.Incoming, TelephonyApp.CallForm(Sids.New()), Token);
        var signedForTheLocalUrl = await app.PostSignedAsync(WebhookUrls.Incoming, TelephonyApp.CallForm(Sids.New()));

        var twiml = await TwimlOf(accepted);
        twiml.Element("Gather")!.Attribute("action")!.Value.ShouldBe("https://callflow.example.com/twilio/voice/turn");
        signedForTheLocalUrl.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_query_string_is_part_of_what_is_signed()
    {
        await using var app = new TelephonyApp();
        var form = TelephonyApp.CallForm(Sids.New());
        const string path = WebhookUrls.Incoming + "?business=demo&note=it%27s";

        var signedWithQuery = await app.PostWithSignatureAsync(path, form, SignatureValidator.Compute(app.AuthToken, "http://localhost" + path, form));
        var signedWithoutQuery = await app.PostWithSignatureAsync(path, form, SignatureValidator.Compute(app.AuthToken, "http://localhost" + WebhookUrls.Incoming, form));

        signedWithQuery.StatusCode.ShouldBe(HttpStatusCode.OK);
        signedWithoutQuery.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_json_body_is_checked_against_its_bodySHA256()
    {
        await using var app = new TelephonyApp();
        var body = Encoding.UTF8.GetBytes("{\"CallSid\":\"CA1\"}");
        var path = $"{WebhookUrls.Status}?bodySHA256={SignatureValidator.BodyHash(body)}";
        var signature = SignatureValidator.Compute(app.AuthToken, "http://localhost" + path, new Dictionary<string, string>());
        using var client = app.CreateClient();

        async Task<HttpStatusCode> Send(byte[] content)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(content) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add(SignatureValidator.Header, signature);
            return (await client.SendAsync(request, Token)).StatusCode;
        }

        // Voice webhooks are forms, so a genuine JSON request passes the filter and is then refused for its missing CallSid.
        (await Send(body)).ShouldBe(HttpStatusCode.BadRequest);
        (await Send(Encoding.UTF8.GetBytes("{\"CallSid\":\"CA2\"}"))).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task With_validation_turned_off_unsigned_webhooks_are_accepted()
    {
        await using var app = new TelephonyApp();
        app.With("Twilio:ValidateSignatures", "false");

        var response = await app.PostWithSignatureAsync(WebhookUrls.Incoming, TelephonyApp.CallForm(Sids.New()), signature: null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_wait_url_plays_a_short_message_in_the_business_voice_that_twilio_loops()
    {
        await using var app = new TelephonyApp();
        var call = await app.StartAsync();

        var twiml = await TwimlOf(await app.PostSignedAsync(WebhookUrls.Wait, FormFor(WebhookUrls.Wait, call.CallSid)));

        twiml.Elements().Select(e => e.Name.LocalName).ShouldBe(["Say", "Pause"]);
        twiml.Element("Say")!.Attribute("voice")!.Value.ShouldBe("Polly.Joanna");
    }
}
