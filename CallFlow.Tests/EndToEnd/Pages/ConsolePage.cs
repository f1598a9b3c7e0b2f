using CallFlow.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Pages;

/// <summary>What every console page has: a title, the signed-in user, and a moment when the circuit is up.</summary>
public abstract class ConsolePage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Title => Page.Locator(TestIds.PageTitle);

    public ILocator SignedInUser => Page.Locator(TestIds.SignedInUser);

    /// <summary>Opens <paramref name="path"/> and waits until the page is interactive (clicks and live updates work).</summary>
    protected async Task GoToAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitUntilInteractiveAsync();
    }

    /// <summary>The prerendered page shows at once but reacts only once Blazor's circuit is connected.</summary>
    public Task WaitUntilInteractiveAsync() =>
        Page.Locator(TestIds.Interactive).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public Task<string> ScreenshotAsync(string name) => Screenshots.SaveAsync(Page, name);
}
