using Bunit;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Components.Pages.Outbox;
using CallFlow.Web.Telephony;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallFlow.Tests.Web.Components.Pages.Outbox;

/// <summary>The outbox page against a real app's database: scoped to the viewer's businesses, newest first.</summary>
public class OutboxPageTests : ConsoleContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 7, 1, 16, 0, 0, TimeSpan.Zero);

    private readonly CallFlowApp _app = new();

    public ValueTask InitializeAsync()
    {
        UseServicesOf(_app);
        SignInAs(_app.DemoFrontDesk());
        return ValueTask.CompletedTask;
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_outbox_lists_what_would_have_been_sent_for_the_viewer_s_businesses_newest_first()
    {
        await _app.AddSecondBusinessAsync();
        await AddAsync(
            Row(OutboxKind.Message, DemoBusiness.Id, minutes: 0, body: "See you Friday at 3 pm!"),
            Row(OutboxKind.Call, DemoBusiness.Id, minutes: 5, url: "http://localhost/twilio/voice/outbound"),
            Row(OutboxKind.Redirect, DemoBusiness.Id, minutes: 10, twiml: "<Response><Say>Please hold.</Say><Enqueue>hold-CA1</Enqueue></Response>"),
            Row(OutboxKind.Message, SecondBusiness.Id, minutes: 15, body: "Harbor's secret"));

        var page = Render<OutboxPage>();

        page.WaitForAssertion(() => page.FindAll("[data-kind]").Count.ShouldBe(3));
        page.FindAll("[data-kind]").Select(k => k.GetAttribute("data-kind")).ShouldBe(["redirect", "call", "text"]);
        var text = page.Find("[data-testid=outbox]").TextContent;
        text.ShouldContain("Say \"Please hold.\" → Enqueue hold-CA1");
        text.ShouldContain("Fetch instructions from /twilio/voice/outbound");
        text.ShouldContain("See you Friday at 3 pm!");
        text.ShouldContain("Wed 1 Jul 2026, 12:00"); // 16:00 UTC, shown in the salon's zone (New York)
        text.ShouldNotContain("Harbor's secret");
    }

    [Fact]
    public void An_empty_outbox_says_nothing_was_sent()
    {
        var page = Render<OutboxPage>();

        page.WaitForElement("[data-testid=outbox-empty]").TextContent.ShouldContain("Nothing sent yet");
    }

    [Fact]
    public async Task In_twilio_mode_the_page_explains_that_messages_go_to_twilio_and_lists_what_test_calls_sent()
    {
        Services.AddSingleton(Options.Create(new CarrierOptions { Mode = CarrierMode.Twilio }));
        await AddAsync(Row(OutboxKind.Message, DemoBusiness.Id, minutes: 0, body: "See you Friday at 3 pm!"));

        var page = Render<OutboxPage>();

        page.Find("[data-testid=outbox-twilio]").TextContent.ShouldContain("go to Twilio");
        page.Find("[data-testid=outbox-twilio]").TextContent.ShouldContain("stay on the simulated carrier");
        page.WaitForAssertion(() => page.Find("[data-testid=outbox]").TextContent.ShouldContain("See you Friday at 3 pm!"));
    }

    private static OutboxMessage Row(OutboxKind kind, string businessId, int minutes, string? body = null, string? url = null, string? twiml = null) => new()
    {
        Kind = kind,
        CarrierSid = "XX" + Guid.NewGuid().ToString("N"),
        BusinessId = businessId,
        To = "+12125550100",
        From = DemoBusiness.DefaultPhoneNumber,
        Body = body,
        Url = url,
        Twiml = twiml,
        Status = "sent",
        CreatedAt = Noon.AddMinutes(minutes),
    };

    private async Task AddAsync(params OutboxMessage[] rows)
    {
        await using var db = _app.Db();
        db.OutboxMessages.AddRange(rows);
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }
}
