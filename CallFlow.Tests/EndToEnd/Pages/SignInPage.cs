using CallFlow.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Pages;

/// <summary>The sign-in form (a plain server-rendered form, not interactive).</summary>
public sealed class SignInPage(IPage page)
{
    /// <summary>Signs in through the form and lands on Live calls.</summary>
    public async Task<LiveCallsPage> SignInAsync(StaffAccount account)
    {
        await page.GotoAsync("/account/login");
        await page.Locator(TestIds.Email).FillAsync(account.Email);
        await page.Locator(TestIds.Password).FillAsync(account.Password);
        await page.Locator(TestIds.SignInButton).ClickAsync();
        var live = new LiveCallsPage(page);
        await live.WaitUntilInteractiveAsync();
        return live;
    }
}
