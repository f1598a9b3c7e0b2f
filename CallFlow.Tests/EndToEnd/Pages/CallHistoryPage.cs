using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Pages;

/// <summary>Call history: the paged table of past calls.</summary>
public sealed class CallHistoryPage(IPage page) : ConsolePage(page)
{
    public ILocator Grid => Page.Locator(TestIds.History);

    public async Task<CallHistoryPage> OpenAsync()
    {
        await GoToAsync("/calls/history");
        return this;
    }
}
