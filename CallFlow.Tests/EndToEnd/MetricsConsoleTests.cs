using CallFlow.Tests.EndToEnd.Infrastructure;
using CallFlow.Tests.EndToEnd.Pages;
using CallFlow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CallFlow.Tests.EndToEnd;

/// <summary>The metrics page in a real Chromium, after calls from the carrier simulator.</summary>
public sealed class MetricsConsoleTests(ChromiumFixture chromium) : ConsoleTest(chromium)
{
    [Fact]
    public async Task The_owner_sees_this_week_s_calls_in_the_funnel()
    {
        var token = TestContext.Current.CancellationToken;
        var asking = await Server.DialAsync("+16465550191");
        await asking.SayAsync("what are your opening hours", cancellationToken: token);
        await asking.SayAsync("bye", cancellationToken: token);
        var booking = await Server.DialAsync("+16465550192");
        await booking.SayAsync("I'd like a haircut", cancellationToken: token);
        await booking.HangUpAsync(token);
        await SignIn.SignInAsync(Server.DemoOwner());

        var metrics = await new MetricsPage(Page).OpenAsync();

        await Expect(metrics.Calls).ToHaveTextAsync("2");
        await Expect(metrics.FunnelChart).ToBeVisibleAsync();
        await Expect(metrics.FunnelTable).ToContainTextAsync("Wanted to book");
        await metrics.ScreenshotAsync("metrics");
    }
}
