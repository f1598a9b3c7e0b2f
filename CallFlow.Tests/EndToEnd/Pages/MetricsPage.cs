using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Pages;

/// <summary>Metrics (any staff member of the business).</summary>
public sealed class MetricsPage(IPage page) : ConsolePage(page)
{
    public ILocator Calls => Page.Locator(TestIds.MetricsCalls);

    public ILocator FunnelChart => Page.Locator(TestIds.MetricsFunnelChart);

    public ILocator FunnelTable => Page.Locator(TestIds.MetricsFunnelTable);

    public async Task<MetricsPage> OpenAsync()
    {
        await GoToAsync("/metrics");
        return this;
    }
}
