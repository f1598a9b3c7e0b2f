using System.Net;
using System.Text;
using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Calls;
using CallFlow.Tests.Web.Conversation;
using CallFlow.Tests.Web.Recovery;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calls;
using CallFlow.Web.Recovery;
using CallFlow.Web.Telephony;
using CallFlow.Web.Telephony.Simulator;
using CallFlow.Web.TestCalls;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.Web.Telephony;

/// <summary>
/// Twilio mode with test calls from the console, which run on the simulated carrier: what CallFlow asks about a test
/// call (console actions, its callback, its texts) stays there, and the same request about a real call goes to Twilio.
/// </summary>
public sealed class TestCallRoutingTests : IAsyncDisposable
{
    private readonly RecordingTwilio _twilio = new();
    private readonly TelephonyApp _app;

    public TestCallRoutingTests()
    {
        _app = new TelephonyApp(clock: Conversations.WednesdayMorning())
        {
            TestServices = services => services.AddHttpClient<TwilioRestClient>().ConfigurePrimaryHttpMessageHandler(() => _twilio),
        };
        _app.With("Carrier:Mode", "Twilio")
            .With("Twilio:AccountSid", "AC0123456789abcdef0123456789abcdef")
            .With("Twilio:PublicBaseUrl", "http://localhost/")
            .With("Twilio:ApiBaseUrl", "https://api.twilio.test");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Plays Twilio's REST API: records each request's path and form and accepts it.</summary>
    private sealed class RecordingTwilio : HttpMessageHandler
    {
        public List<(string Path, string Form)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (Requests)
            {
                Requests.Add((request.RequestUri!.AbsolutePath, form));
            }

            var sid = request.RequestUri.AbsolutePath.EndsWith("Messages.json", StringComparison.Ordinal) ? "SM" + Guid.NewGuid().ToString("N") : Sids.New();
            return new HttpResponseMessage(HttpStatusCode.Created)
            {
                Content = new StringContent($$"""{"sid":"{{sid}}","status":"queued"}""", Encoding.UTF8, "application/json"),
            };
        }
    }

    private async Task<(SimulatedCall Leg, Call Call)> TestCallAsync()
    {
        await using var owner = await _app.SignedInScopeAsync(_app.DemoOwner());
        var start = await owner.ServiceProvider.GetRequiredService<TestCallDialer>().DialAsync(new TestCallRequest(DemoBusiness.Id, null, TestCallDialer.DefaultCaller), Token);
        using var line = start.Line.ShouldNotBeNull();
        var leg = line.Leg;
        var call = (await _app.CallAsync(leg.CallSid))!;
        call.IsTest.ShouldBeTrue();
        return (leg, call);
    }

    private async Task<Call> RealCallAsync()
    {
        var leg = await _app.DialAsync();
        var call = (await _app.CallAsync(leg.CallSid))!;
        call.IsTest.ShouldBeFalse();
        return call;
    }

    [Fact]
    public async Task Ending_a_test_call_from_the_console_ends_the_simulated_leg_while_ending_a_real_call_asks_Twilio()
    {
        var (leg, test) = await TestCallAsync();
        var real = await RealCallAsync();

        (await StaffActionsTests.ActAsync(_app, _app.DemoFrontDesk(), actions => actions.ControlAsync(test.Id, CallControl.End, Token))).Status.ShouldBe(StaffActionStatus.Done);
        (await StaffActionsTests.ActAsync(_app, _app.DemoFrontDesk(), actions => actions.ControlAsync(real.Id, CallControl.End, Token))).Status.ShouldBe(StaffActionStatus.Done);

        (await Eventually.UntilAsync(() => leg.IsOver, over => over)).ShouldBeTrue();
        (await _app.OutboxAsync(OutboxKind.Hangup)).ShouldHaveSingleItem().CallSid.ShouldBe(test.CallSid);
        var asked = _twilio.Requests.ShouldHaveSingleItem();
        asked.Path.ShouldEndWith($"/Calls/{real.CallSid}.json");
        asked.Form.ShouldBe("Status=completed");
    }

    [Fact]
    public async Task A_test_caller_is_called_back_on_the_simulated_carrier_and_the_callback_is_a_test_call_too()
    {
        var (_, test) = await TestCallAsync();
        var real = await RealCallAsync();
        var testCallback = await ScheduleCallbackAsync(test);
        var realCallback = await ScheduleCallbackAsync(real);

        await _app.Service<CallbackJob>().RunAsync(testCallback, Token);
        await _app.Service<CallbackJob>().RunAsync(realCallback, Token);

        var placed = (await _app.OutboxAsync(OutboxKind.Call)).ShouldHaveSingleItem();
        placed.To.ShouldBe(TestCallDialer.DefaultCaller);
        var asked = _twilio.Requests.ShouldHaveSingleItem();
        asked.Path.ShouldEndWith("/Calls.json");
        asked.Form.ShouldContain("To=%2B12125550100");
        var callbacks = await _app.OutboundCallsAsync();
        callbacks.Single(c => c.CallSid == placed.CarrierSid).IsTest.ShouldBeTrue();
        callbacks.Single(c => c.CallSid != placed.CarrierSid).IsTest.ShouldBeFalse();
    }

    [Fact]
    public async Task A_text_about_a_test_call_stays_on_the_simulated_carrier_while_one_about_a_real_call_goes_to_Twilio()
    {
        var (_, test) = await TestCallAsync();
        var real = await RealCallAsync();
        var testText = await AddTextAsync(test, "Your test booking");
        var realText = await AddTextAsync(real, "Your real booking");

        await _app.Service<MessageJobs>().SendAsync(testText, Token);
        await _app.Service<MessageJobs>().SendAsync(realText, Token);

        (await _app.OutboxAsync(OutboxKind.Message)).ShouldHaveSingleItem().Body.ShouldBe("Your test booking");
        var asked = _twilio.Requests.ShouldHaveSingleItem();
        asked.Path.ShouldEndWith("/Messages.json");
        asked.Form.ShouldContain("Body=Your+real+booking");
        (await _app.TextsAsync()).ShouldAllBe(t => t.Status == TextStatus.Sent);
    }

    [Fact]
    public async Task A_booking_made_on_a_test_call_is_confirmed_and_reminded_on_the_simulated_carrier()
    {
        var (leg, _) = await TestCallAsync();

        await leg.SpeakAsync("I'd like a haircut tomorrow at 3, it's Dana Smith, same number I'm calling from");
        await leg.SpeakAsync("yes");
        leg.LastPrompt.ShouldStartWith("You're all set!");
        await _app.RunDueJobsAsync();
        _app.Clock!.Advance(TimeSpan.FromDays(1));
        await _app.RunDueJobsAsync();

        var texts = await _app.OutboxAsync(OutboxKind.Message);
        texts.Select(t => t.Body).ShouldSatisfyAllConditions(
            bodies => bodies.ShouldContain(body => body!.Contains("is booked for", StringComparison.Ordinal)),
            bodies => bodies.ShouldContain(body => body!.Contains("a reminder of your Haircut", StringComparison.Ordinal)));
        texts.ShouldAllBe(t => t.To == TestCallDialer.DefaultCaller);
        _twilio.Requests.ShouldBeEmpty();
    }

    private async Task<long> ScheduleCallbackAsync(Call call)
    {
        await using var db = _app.Db();
        var request = await CallbackScheduler.ScheduleAsync(db, call.Id, call.BusinessId, call.From, _app.Clock!.GetUtcNow(), "connection_lost", _app.Clock.GetUtcNow(), Token);
        await db.SaveChangesAsync(Token);
        return request.Id;
    }

    private async Task<long> AddTextAsync(Call call, string body)
    {
        await using var db = _app.Db();
        var text = _app.Service<OutgoingTexts>().ForCustomer(db, call.BusinessId, TextKind.Alternatives, call.From, body, call.Id);
        await db.SaveChangesAsync(Token);
        return text.Id;
    }
}
