using CallFlow.Domain.Calls;
using CallFlow.Tests.EndToEnd.Infrastructure;
using CallFlow.Tests.EndToEnd.Pages;
using CallFlow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CallFlow.Tests.EndToEnd;

/// <summary>The demo owner's pages in a real Chromium.</summary>
public sealed class OwnerConsoleTests(ChromiumFixture chromium) : ConsoleTest(chromium)
{
    [Fact]
    public async Task The_owner_sees_past_calls_in_the_history_and_the_business_settings()
    {
        var ended = await Server.StartAsync(from: "+16465550177");
        await Server.FireAsync(ended, CallTrigger.CallEnded);
        await Server.StartAsync(from: "+16465550178");
        await SignIn.SignInAsync(Server.DemoOwner());

        var history = await new CallHistoryPage(Page).OpenAsync();
        await Expect(history.Grid).ToContainTextAsync("+16465550177");
        await Expect(history.Grid).ToContainTextAsync("+16465550178");
        await history.ScreenshotAsync("call-history");

        var settings = await new SettingsPage(history.Page).OpenAsync();
        await Expect(settings.Businesses).ToContainTextAsync("Demo Salon");
        await settings.ScreenshotAsync("settings");
    }
}
