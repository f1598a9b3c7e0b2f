using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Pages;

/// <summary>Settings (owners only).</summary>
public sealed class SettingsPage(IPage page) : ConsolePage(page)
{
    public ILocator Businesses => Page.Locator(TestIds.BusinessProfile);

    public async Task<SettingsPage> OpenAsync()
    {
        await GoToAsync("/settings");
        return this;
    }
}
