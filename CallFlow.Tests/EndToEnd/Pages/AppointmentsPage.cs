using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Pages;

/// <summary>Appointments: the calendar and the list of upcoming ones.</summary>
public sealed class AppointmentsPage(IPage page) : ConsolePage(page)
{
    public ILocator List => Page.Locator(TestIds.AppointmentList);

    /// <summary>Opens the page on its list view (upcoming appointments first).</summary>
    public async Task<AppointmentsPage> OpenListAsync()
    {
        await GoToAsync("/appointments");
        await Page.Locator(TestIds.ViewList).ClickAsync();
        await List.WaitForAsync();
        return this;
    }
}
