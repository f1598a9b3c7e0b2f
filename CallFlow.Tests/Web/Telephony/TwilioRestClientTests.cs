using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CallFlow.Web.Telephony;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Polly;

namespace CallFlow.Tests.Web.Telephony;

public class TwilioRestClientTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "s3cret";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private sealed record Sent(HttpMethod Method, string Path, AuthenticationHeaderValue? Auth, string? ContentType, Dictionary<string, StringValues> Form);

    /// <summary>Plays Twilio's API: records each request and answers with the next scripted response.</summary>
    private sealed class StubTwilio(params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        private int _next;

        public List<Sent> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new Sent(request.Method, request.RequestUri!.AbsolutePath, request.Headers.Authorization, request.Content?.Headers.ContentType?.MediaType, QueryHelpers.ParseQuery(body)));
            return answers[Math.Min(_next++, answers.Length - 1)]();
        }
    }

    private static Func<HttpResponseMessage> Json(HttpStatusCode status, string json) =>
        () => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static ICarrierClient Client(StubTwilio stub)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Options.Create(new TwilioOptions
        {
            AccountSid = AccountSid,
            AuthToken = AuthToken,
            PublicBaseUrl = "https://callflow.example.com",
            ApiBaseUrl = "https://api.twilio.test",
        }));
        services.AddSingleton<WebhookUrls>();
        TwilioRestClient.Register(services);
        services.AddHttpClient<TwilioRestClient>().ConfigurePrimaryHttpMessageHandler(() => stub);
        return services.BuildServiceProvider().GetRequiredService<TwilioRestClient>();
    }

    private static void ShouldBeAuthenticated(Sent sent)
    {
        sent.Method.ShouldBe(HttpMethod.Post);
        sent.Auth!.Scheme.ShouldBe("Basic");
        Encoding.UTF8.GetString(Convert.FromBase64String(sent.Auth.Parameter!)).ShouldBe($"{AccountSid}:{AuthToken}");
        sent.ContentType.ShouldBe("application/x-www-form-urlencoded");
    }

    [Fact]
    public async Task Placing_a_call_posts_the_callee_and_our_callback_urls_to_Calls_json()
    {
        var stub = new StubTwilio(Json(HttpStatusCode.Created, """{"sid":"CA42","status":"queued"}"""));

        var placed = await Client(stub).PlaceCallAsync(new OutboundCallRequest("+12125550100", "+15005550006", TimeoutSeconds: 25), Token);

        placed.ShouldBe(new PlacedCall("CA42", "queued"));
        var sent = stub.Requests.ShouldHaveSingleItem();
        ShouldBeAuthenticated(sent);
        sent.Path.ShouldBe($"/2010-04-01/Accounts/{AccountSid}/Calls.json");
        sent.Form["To"].ToString().ShouldBe("+12125550100");
        sent.Form["From"].ToString().ShouldBe("+15005550006");
        sent.Form["Url"].ToString().ShouldBe("https://callflow.example.com/twilio/voice/outbound");
        sent.Form["FallbackUrl"].ToString().ShouldBe("https://callflow.example.com/twilio/voice/fallback");
        sent.Form["StatusCallback"].ToString().ShouldBe("https://callflow.example.com/twilio/voice/status");
        sent.Form["StatusCallbackEvent"].ToArray().ShouldBe(["initiated", "ringing", "answered", "completed"]);
        sent.Form["Timeout"].ToString().ShouldBe("25");
    }

    [Fact]
    public async Task Redirecting_a_live_call_posts_its_new_url_to_the_call()
    {
        var stub = new StubTwilio(Json(HttpStatusCode.OK, """{"sid":"CA42","status":"in-progress"}"""));

        await Client(stub).RedirectCallAsync("CA42", CallInstructions.FromUrl("https://callflow.example.com/twilio/voice/turn"), Token);

        var sent = stub.Requests.ShouldHaveSingleItem();
        ShouldBeAuthenticated(sent);
        sent.Path.ShouldBe($"/2010-04-01/Accounts/{AccountSid}/Calls/CA42.json");
        sent.Form["Url"].ToString().ShouldBe("https://callflow.example.com/twilio/voice/turn");
        sent.Form["Method"].ToString().ShouldBe("POST");
    }

    [Fact]
    public async Task Redirecting_with_twiml_sends_the_document_and_refuses_one_over_4000_characters()
    {
        var stub = new StubTwilio(Json(HttpStatusCode.OK, """{"sid":"CA42","status":"in-progress"}"""));
        var client = Client(stub);

        await client.RedirectCallAsync("CA42", CallInstructions.FromTwiml("<Response><Hangup/></Response>"), Token);
        await Should.ThrowAsync<ArgumentException>(() => client.RedirectCallAsync("CA42", CallInstructions.FromTwiml(new string('x', 4001)), Token));

        stub.Requests.ShouldHaveSingleItem().Form["Twiml"].ToString().ShouldBe("<Response><Hangup/></Response>");
    }

    [Fact]
    public async Task Ending_a_call_sets_its_status_to_completed()
    {
        var stub = new StubTwilio(Json(HttpStatusCode.OK, """{"sid":"CA42","status":"completed"}"""));

        await Client(stub).EndCallAsync("CA42", Token);

        var sent = stub.Requests.ShouldHaveSingleItem();
        sent.Path.ShouldBe($"/2010-04-01/Accounts/{AccountSid}/Calls/CA42.json");
        sent.Form.Keys.ShouldBe(["Status"]);
        sent.Form["Status"].ToString().ShouldBe("completed");
    }

    [Fact]
    public async Task Sending_a_text_posts_to_Messages_json()
    {
        var stub = new StubTwilio(Json(HttpStatusCode.Created, """{"sid":"SM7","status":"queued"}"""));

        var sent = await Client(stub).SendMessageAsync(new OutboundMessage("+12125550100", "+15005550006", "See you at 3 & bring a friend"), Token);

        sent.ShouldBe(new SentMessage("SM7", "queued"));
        var request = stub.Requests.ShouldHaveSingleItem();
        ShouldBeAuthenticated(request);
        request.Path.ShouldBe($"/2010-04-01/Accounts/{AccountSid}/Messages.json");
        request.Form["Body"].ToString().ShouldBe("See you at 3 & bring a friend");
    }

    [Fact]
    public async Task A_refusal_from_Twilio_is_reported_with_its_error_code()
    {
        var stub = new StubTwilio(Json(HttpStatusCode.BadRequest, """{"code":21211,"message":"The 'To' number is not a valid phone number.","status":400}"""));

        var refused = await Should.ThrowAsync<CarrierException>(() => Client(stub).PlaceCallAsync(new OutboundCallRequest("nope", "+15005550006"), Token));

        (refused.Status, refused.ErrorCode, refused.Message).ShouldBe((HttpStatusCode.BadRequest, 21211, "The 'To' number is not a valid phone number."));
        stub.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_503_is_retried_because_Twilio_did_not_take_the_call()
    {
        var stub = new StubTwilio(Json(HttpStatusCode.ServiceUnavailable, "{}"), Json(HttpStatusCode.Created, """{"sid":"CA42","status":"queued"}"""));

        var placed = await Client(stub).PlaceCallAsync(new OutboundCallRequest("+12125550100", "+15005550006"), Token);

        placed.CallSid.ShouldBe("CA42");
        stub.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_500_is_not_retried_because_the_call_may_already_be_ringing()
    {
        var stub = new StubTwilio(Json(HttpStatusCode.InternalServerError, "{}"), Json(HttpStatusCode.Created, """{"sid":"CA42","status":"queued"}"""));

        await Should.ThrowAsync<CarrierException>(() => Client(stub).PlaceCallAsync(new OutboundCallRequest("+12125550100", "+15005550006"), Token));

        stub.Requests.Count.ShouldBe(1);
    }

    public static TheoryData<string, bool> RetryCases => new()
    {
        { "connection refused", true },
        { "name not resolved", true },
        { "429", true },
        { "503", true },
        { "500", false },
        { "502", false },
        { "504", false },
        { "response ended", false },
        { "timeout", false },
        { "201", false },
    };

    [Theory]
    [MemberData(nameof(RetryCases))]
    public void Only_failures_that_prove_Twilio_did_nothing_are_retried(string failure, bool retried)
    {
        Outcome<HttpResponseMessage> outcome = failure switch
        {
            "connection refused" => Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "refused")),
            "name not resolved" => Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.NameResolutionError, "dns")),
            "response ended" => Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ResponseEnded, "cut")),
            "timeout" => Outcome.FromException<HttpResponseMessage>(new Polly.Timeout.TimeoutRejectedException()),
            _ => Outcome.FromResult(new HttpResponseMessage((HttpStatusCode)int.Parse(failure, System.Globalization.CultureInfo.InvariantCulture))),
        };

        TwilioRestClient.IsSafeToRetry(outcome).ShouldBe(retried);
    }
}
