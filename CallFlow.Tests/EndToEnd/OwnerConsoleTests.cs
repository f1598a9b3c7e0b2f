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

    [Fact]
    public async Task The_owner_adds_someone_to_the_team_makes_them_an_owner_and_takes_them_off_again()
    {
        await SignIn.SignInAsync(Server.DemoOwner());
        var team = await new TeamPage(Page).OpenAsync();
        await Expect(team.Member(Server.DemoFrontDesk().Email)).ToBeVisibleAsync();

        await team.AddAsync("jo@demo-salon.test", "Jo Park", "Welcome-desk-2026!");
        await Expect(team.Snackbar("Jo Park can now sign in as jo@demo-salon.test")).ToBeVisibleAsync();
        await Expect(team.Member("jo@demo-salon.test")).ToContainTextAsync("Jo Park");
        await team.ScreenshotAsync("team");

        await team.MakeOwnerAsync("jo@demo-salon.test");
        await Expect(team.Snackbar("Jo Park is an owner from now on.")).ToBeVisibleAsync();
        await team.OpenAsync();
        await Expect(team.Member("jo@demo-salon.test").Locator(TestIds.MemberRole)).ToContainTextAsync("Owner");

        await team.RemoveAsync("jo@demo-salon.test");
        await Expect(team.Snackbar("Jo Park is no longer on the team.")).ToBeVisibleAsync();
        await Expect(team.Member("jo@demo-salon.test")).ToHaveCountAsync(0);
    }
}
