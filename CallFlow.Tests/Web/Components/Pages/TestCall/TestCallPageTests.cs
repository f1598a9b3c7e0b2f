using Bunit;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Conversation;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Businesses;
using CallFlow.Web.Components.Pages.TestCall;
using CallFlow.Web.Conversation;
using CallFlow.Web.Data;
using CallFlow.Web.Live;
using CallFlow.Web.Telephony;
using CallFlow.Web.Telephony.Simulator;
using CallFlow.Web.TestCalls;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CallFlow.Tests.Web.Components.Pages.TestCall;

/// <summary>The test-call page: a chat from what the carrier simulator hears, the call's state beside it.</summary>
public class TestCallPageTests : ConsoleContext, IAsyncLifetime
{
    private readonly TelephonyApp _app = Conversations.OpenSalon();

    public ValueTask InitializeAsync()
    {
        Services.AddLogging();
        Services.AddSingleton(_app.Service<IDbContextFactory<CallFlowDb>>());
        Services.AddSingleton(_app.Service<FlowStore>());
        Services.AddSingleton(_app.Service<ICallBroadcaster>());
        Services.AddSingleton(_app.Service<SimulatedCarrierWorker>());
        Services.AddScoped<BusinessScope>();
        Services.AddScoped<TestCallDialer>();
        return ValueTask.CompletedTask;
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Each step is a real HTTP round trip through the app (and the first one warms it up).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private IRenderedComponent<TestCallPage> RenderPage(StaffAccount account, LocalCarrierSimulator simulators)
    {
        Services.AddSingleton(simulators);
        SignInAs(account);
        Render<MudPopoverProvider>();
        var page = Render<TestCallPage>();
        page.WaitForState(() => page.FindAll("[data-testid=loading]").Count == 0);
        return page;
    }

    /// <summary>A simulator that talks to <paramref name="carrier"/> instead of the app.</summary>
    private LocalCarrierSimulator Scripted(ScriptedCarrier carrier) => new(
        _app.Service<IServer>(), _app.Service<IOptions<CarrierOptions>>(), _app.Service<IOptions<TwilioOptions>>(),
        new SimulatorTransport(new Uri("http://scripted.test/"), () => carrier));

    private static IReadOnlyList<(string?, string)> Bubbles(IRenderedComponent<TestCallPage> page) =>
        [.. page.FindAll("[data-testid=bubble]").Select(b => (b.GetAttribute("data-speaker"), b.TextContent.Trim()))];

    private static void Say(IRenderedComponent<TestCallPage> page, string words)
    {
        page.Find("[data-testid=say-text]").Input(words);
        page.Find("[data-testid=say]").Click();
    }

    [Fact]
    public void A_scripted_carrier_conversation_is_shown_as_a_chat()
    {
        var carrier = new ScriptedCarrier();
        var page = RenderPage(_app.DemoFrontDesk(), Scripted(carrier));
        page.Find("[data-testid=chat-empty]");

        page.Find("[data-testid=dial]").Click();
        page.WaitForAssertion(() => Bubbles(page).ShouldBe([("assistant", "Scripted salon, how can I help?")]), Patience);
        Say(page, "a haircut please");
        page.WaitForAssertion(() => Bubbles(page).Count.ShouldBe(4), Patience);
        page.Find("[data-testid=silence]").Click();
        page.WaitForAssertion(() => Bubbles(page).Count.ShouldBe(6), Patience);
        Say(page, "bye");

        page.WaitForAssertion(() => Bubbles(page).ShouldBe([
            ("assistant", "Scripted salon, how can I help?"),
            ("caller", "a haircut please"),
            ("assistant", "You said: a haircut please."),
            ("assistant", "Anything else?"),
            ("caller", "[silence]"),
            ("assistant", "Are you still there?"),
            ("caller", "bye"),
            ("assistant", "Goodbye!"),
            ("note", "The assistant ended the call."),
        ]));
        page.Find("[data-testid=say]").HasAttribute("disabled").ShouldBeTrue();
        page.Find("[data-testid=hang-up]").HasAttribute("disabled").ShouldBeTrue();
        page.Find("[data-testid=speech-unsupported]");
        carrier.Posted.ShouldBe(["/twilio/voice/incoming", "/twilio/voice/turn", "/twilio/voice/turn", "/twilio/voice/turn", "/twilio/voice/status"]);
    }

    [Fact]
    public void A_test_call_through_the_app_shows_the_assistant_s_replies_and_the_call_s_state_live()
    {
        var page = RenderPage(_app.DemoFrontDesk(), _app.Service<LocalCarrierSimulator>());

        page.Find("[data-testid=dial]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=test-call-status] [data-state]").GetAttribute("data-state").ShouldBe("connected"), Patience);
        Say(page, "I'd like a haircut");

        page.WaitForAssertion(() => page.Find("[data-testid=test-call-status] [data-state]").GetAttribute("data-state").ShouldBe("collecting_info"), Patience);
        page.Find("[data-testid=status-collected]").TextContent.ShouldContain("service: Haircut");
        page.Find("[data-testid=status-step]").TextContent.ShouldBe("date");
        page.WaitForAssertion(() => Bubbles(page)[^1].ShouldBe(("assistant", "What day would you like to come in?")), Patience);

        page.Find("[data-testid=hang-up]").Click();

        page.WaitForAssertion(() => Bubbles(page)[^1].ShouldBe(("note", "You hung up.")), Patience);
        page.WaitForAssertion(() => page.Find("[data-testid=test-call-status] [data-state]").GetAttribute("data-state").ShouldBe("failed", "a hang-up mid-booking is a lost connection"), Patience);
    }

    [Fact]
    public void A_caller_number_that_is_not_a_phone_number_gets_a_message_and_no_call()
    {
        var page = RenderPage(_app.DemoFrontDesk(), _app.Service<LocalCarrierSimulator>());

        page.Find("[data-testid=test-from]").Change("call me maybe");
        page.Find("[data-testid=dial]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=test-call-problem]").TextContent.ShouldContain("international form"), Patience);
        page.FindAll("[data-testid=bubble]").ShouldBeEmpty();
        page.Find("[data-testid=dial]");
    }

    [Fact]
    public void A_carrier_that_refuses_the_call_gets_a_message_not_a_broken_page()
    {
        var refusing = new LocalCarrierSimulator(_app.Service<IServer>(), _app.Service<IOptions<CarrierOptions>>(), _app.Service<IOptions<TwilioOptions>>(),
            new SimulatorTransport(new Uri("http://refusing.test/"), () => new RefusingHandler()));
        var page = RenderPage(_app.DemoFrontDesk(), refusing);

        page.Find("[data-testid=dial]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=test-call-problem]").TextContent.ShouldContain("could not be placed"), Patience);
        page.Find("[data-testid=dial]");
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { Content = new StringContent("down for maintenance") });
    }
}
