using CallFlow.Tests.EndToEnd.Infrastructure;
using CallFlow.Tests.EndToEnd.Pages;
using CallFlow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CallFlow.Tests.EndToEnd;

/// <summary>The demo owner changes settings in a real Chromium.</summary>
public sealed class SettingsTests(ChromiumFixture chromium) : ConsoleTest(chromium)
{
    [Fact]
    public async Task The_owner_fixes_overlapping_hours_saves_a_lunch_break_and_sees_it_after_a_reload_and_in_the_explainer()
    {
        await SignIn.SignInAsync(Server.DemoOwner());
        var settings = await new SettingsPage(Page).OpenAsync();
        await Expect(settings.Sections).ToHaveCountAsync(9);
        await settings.ScreenshotAsync("settings");
        await settings.ScreenshotSectionsAsync();

        await settings.SetHoursAsync(DayOfWeek.Monday, ("09:00", "13:00"), ("12:00", "18:00"));
        await Expect(settings.Problems(DayOfWeek.Monday)).ToContainTextAsync("09:00–13:00 overlaps 12:00–18:00");
        await Infrastructure.Screenshots.SaveAsync(settings.Section("hours"), "settings-hours-overlap");

        await settings.AddClosedDateAsync("Staff training");
        await settings.SetHoursAsync(DayOfWeek.Monday, ("09:00", "12:00"), ("13:00", "18:00"));
        await Expect(settings.Snackbar("Opening hours saved.")).ToBeVisibleAsync();
        await Expect(settings.Problems(DayOfWeek.Monday)).ToHaveCountAsync(0);

        await settings.OpenAsync();
        await Expect(settings.Intervals(DayOfWeek.Monday)).ToHaveCountAsync(2);
        await Expect(settings.Section("hours").Locator(TestIds.OverrideNote)).ToHaveValueAsync("Staff training");
        await Expect(settings.Intervals(DayOfWeek.Monday).Nth(1).Locator(TestIds.Opens)).ToHaveValueAsync("13:00");
        await settings.ExplainAsync(NextMonday(), "12:30");
        await Expect(settings.Explanation).ToContainTextAsync("12:30 is outside the opening hours");
        await Expect(settings.Explanation).ToContainTextAsync("09:00–12:00, 13:00–18:00");
        await Infrastructure.Screenshots.SaveAsync(settings.Section("hours"), "settings-hours-with-break");
        await Infrastructure.Screenshots.SaveAsync(settings.Section("explainer"), "settings-explainer-answer");

        await settings.EditServiceAsync("Haircut", bufferAfter: "7");
        await Expect(settings.Section("services")).ToContainTextAsync("the buffer after must be 0 or a multiple of 5 minutes");
        await Infrastructure.Screenshots.SaveAsync(settings.Section("services"), "settings-service-editor");
    }

    private static DateOnly NextMonday()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
        return today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7);
    }
}
