using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Pages;

/// <summary>Live calls: the board of active calls, updated by the server without a reload.</summary>
public sealed class LiveCallsPage(IPage page) : ConsolePage(page)
{
    public ILocator Board => Page.Locator(TestIds.Board);

    public ILocator Empty => Page.Locator(TestIds.BoardEmpty);

    public ILocator ActiveCount => Page.Locator(TestIds.ActiveCount);

    /// <summary>The board row of the call from <paramref name="caller"/>.</summary>
    public ILocator Row(string caller) => Board.Locator("tr", new LocatorLocatorOptions { HasText = caller });

    /// <summary>The state chip of that row (its <c>data-state</c> is the wire name: on_hold).</summary>
    public ILocator StateOf(string caller) => Row(caller).Locator(TestIds.State);

    public async Task<LiveCallsPage> OpenAsync()
    {
        await GoToAsync("/");
        return this;
    }

    public async Task<CallDetailPage> OpenCallAsync(string caller)
    {
        await Row(caller).GetByRole(AriaRole.Link).ClickAsync();
        var detail = new CallDetailPage(Page);
        await detail.WaitUntilInteractiveAsync();
        return detail;
    }
}
