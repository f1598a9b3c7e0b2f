using Microsoft.Playwright;

namespace CallFlow.Tests.EndToEnd.Pages;

/// <summary>Settings (owners only): one card per section, each saving on its own.</summary>
public sealed class SettingsPage(IPage page) : ConsolePage(page)
{
    public ILocator Businesses => Page.Locator(TestIds.BusinessProfile);

    public ILocator Sections => Page.Locator(TestIds.SettingsSection);

    /// <summary>A snackbar with this text (several may be showing).</summary>
    public ILocator Snackbar(string text) => Page.Locator(TestIds.Snackbar).Filter(new LocatorFilterOptions { HasText = text });

    public ILocator Explanation => Section("explainer").Locator(TestIds.Explanation);

    public ILocator Section(string anchor) => Page.Locator(TestIds.SectionOf(anchor));

    /// <summary>The opening intervals of one weekday.</summary>
    public ILocator Intervals(DayOfWeek day) => Section("hours").Locator(TestIds.DayOf(day)).Locator(TestIds.Interval);

    /// <summary>The validation messages shown on one weekday's row.</summary>
    public ILocator Problems(DayOfWeek day) => Section("hours").Locator(TestIds.DayOf(day)).Locator(TestIds.FieldProblem);

    public async Task<SettingsPage> OpenAsync()
    {
        await GoToAsync("/settings");
        return this;
    }

    /// <summary>Gives a weekday these opening intervals (adding rows as needed) and saves the hours.</summary>
    public async Task SetHoursAsync(DayOfWeek day, params (string Opens, string Closes)[] intervals)
    {
        var row = Section("hours").Locator(TestIds.DayOf(day));
        for (var i = 0; i < intervals.Length; i++)
        {
            if (await row.Locator(TestIds.Interval).CountAsync() <= i)
            {
                await row.Locator(TestIds.AddInterval).ClickAsync();
            }

            var interval = row.Locator(TestIds.Interval).Nth(i);
            await interval.Locator(TestIds.Opens).FillAsync(intervals[i].Opens);
            await interval.Locator(TestIds.Closes).FillAsync(intervals[i].Closes);
        }

        await Section("hours").Locator(TestIds.HoursSave).ClickAsync();
    }

    /// <summary>Adds a special date (the page suggests tomorrow, closed) with a note; saved with the hours.</summary>
    public async Task AddClosedDateAsync(string note)
    {
        await Section("hours").Locator(TestIds.AddOverride).ClickAsync();
        await Section("hours").Locator(TestIds.OverrideNote).Last.FillAsync(note);
    }

    /// <summary>Asks the explainer about the first service at a local date and time.</summary>
    public async Task ExplainAsync(DateOnly date, string time)
    {
        var explainer = Section("explainer");
        await explainer.Locator(TestIds.ExplainDate).FillAsync(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await explainer.Locator(TestIds.ExplainTime).FillAsync(time);
        await explainer.Locator(TestIds.Explain).ClickAsync();
    }

    /// <summary>Opens a service in the editor, changes its buffer after, and saves it.</summary>
    public async Task EditServiceAsync(string name, string bufferAfter)
    {
        var services = Section("services");
        await services.Locator(TestIds.Service).Filter(new LocatorFilterOptions { HasText = name }).Locator(TestIds.ServiceEdit).ClickAsync();
        await services.Locator(TestIds.ServiceBufferAfter).FillAsync(bufferAfter);
        await services.Locator(TestIds.ServiceSave).ClickAsync();
    }

    /// <summary>A picture of every section, named settings-{anchor}.</summary>
    public async Task ScreenshotSectionsAsync()
    {
        foreach (var section in await Sections.AllAsync())
        {
            await Infrastructure.Screenshots.SaveAsync(section, "settings-" + await section.GetAttributeAsync("id"));
        }
    }
}
