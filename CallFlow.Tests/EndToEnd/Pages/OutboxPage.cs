using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Pages;

/// <summary>The outbox of the simulated carrier.</summary>
public sealed class OutboxPage(IPage page) : ConsolePage(page)
{
    public ILocator Grid => Page.Locator(TestIds.Outbox);

    public ILocator Kinds => Grid.Locator(TestIds.OutboxKind);

    public ILocator RowsOf(string kind) => Grid.Locator("tr", new LocatorLocatorOptions { Has = Page.Locator(TestIds.OutboxRowOf(kind)) });

    /// <summary>Follows the navigation link, as a person would.</summary>
    public static async Task<OutboxPage> FromMenuAsync(IPage page)
    {
        await page.Locator(TestIds.NavOutbox).ClickAsync();
        var outbox = new OutboxPage(page);
        await outbox.Grid.WaitForAsync();
        return outbox;
    }
}
