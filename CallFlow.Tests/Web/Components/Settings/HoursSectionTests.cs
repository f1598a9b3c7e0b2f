using AngleSharp.Dom;
using Bunit;
using CallFlow.Domain.Calendar;
using CallFlow.Tests.Web.Businesses.Settings;
using CallFlow.Web.Components.Pages.Settings;

namespace CallFlow.Tests.Web.Components.Settings;

public sealed class HoursSectionTests : SettingsPageContext
{
    private static IElement Day(IRenderedComponent<SettingsPage> page, string day) => Section(page, "hours").QuerySelector($"[data-testid=day-{day}]")!;

    private static void SetInterval(IRenderedComponent<SettingsPage> page, string day, int index, string opens, string closes)
    {
        Day(page, day).QuerySelectorAll("[data-testid=interval]")[index].ShouldNotBeNull();
        Type(Day(page, day).QuerySelectorAll("[data-testid=interval]")[index], "opens", opens);
        Type(Day(page, day).QuerySelectorAll("[data-testid=interval]")[index], "closes", closes);
    }

    private static void Save(IRenderedComponent<SettingsPage> page) => Section(page, "hours").QuerySelector("[data-testid=hours-save]")!.Click();

    [Fact]
    public void The_week_starts_on_monday_and_shows_closed_days_as_closed()
    {
        var page = RenderPage();

        var days = Section(page, "hours").QuerySelectorAll(".cf-weekday");
        days.Select(d => d.GetAttribute("data-testid")).First().ShouldBe("day-monday");
        Day(page, "sunday").TextContent.ShouldContain("Closed");
        Day(page, "sunday").QuerySelectorAll("[data-testid=interval]").ShouldBeEmpty();
        Input(Day(page, "monday"), "opens").GetAttribute("value").ShouldBe("09:00");
        Section(page, "hours").QuerySelector("[data-testid=overrides-empty]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Overlapping_hours_are_shown_on_their_day()
    {
        var page = RenderPage();

        Day(page, "wednesday").QuerySelector("[data-testid=add-interval]")!.Click();
        SetInterval(page, "wednesday", 0, "09:00", "13:00");
        SetInterval(page, "wednesday", 1, "12:00", "18:00");
        Save(page);

        page.WaitForAssertion(() => Day(page, "wednesday").QuerySelector("[data-testid=field-problem]")!.TextContent
            .ShouldBe("Wednesday: 09:00–13:00 overlaps 12:00–18:00; merge them or make them follow each other."));
        Day(page, "thursday").QuerySelector("[data-testid=field-problem]").ShouldBeNull();
        (await App.StoredAsync()).Version.ShouldBe(0);
    }

    [Fact]
    public void Inverted_hours_are_shown_on_their_day()
    {
        var page = RenderPage();

        SetInterval(page, "friday", 0, "18:00", "09:00");
        Save(page);

        page.WaitForAssertion(() => Day(page, "friday").QuerySelector("[data-testid=field-problem]")!.TextContent
            .ShouldContain("the closing time must be after the opening time"));
    }

    [Fact]
    public async Task A_lunch_break_and_a_holiday_are_saved_with_a_snackbar()
    {
        var page = RenderPage();

        SetInterval(page, "tuesday", 0, "09:00", "12:00");
        Day(page, "tuesday").QuerySelector("[data-testid=add-interval]")!.Click();
        SetInterval(page, "tuesday", 1, "13:00", "18:00");
        Input(Day(page, "sunday"), "open").Change(true);
        Section(page, "hours").QuerySelector("[data-testid=add-override]")!.Click();
        Type(Section(page, "hours"), "override-date", "2026-12-25");
        Type(Section(page, "hours"), "override-note", "Christmas");
        Save(page);

        ShouldShowSnackbar("Opening hours saved.");
        var stored = await App.StoredAsync();
        stored.OpeningHours.Where(i => i.Day == DayOfWeek.Tuesday).Select(i => (i.Opens, i.Closes))
            .ShouldBe([(new TimeOnly(9, 0), new TimeOnly(12, 0)), (new TimeOnly(13, 0), new TimeOnly(18, 0))]);
        stored.OpeningHours.ShouldContain(new OpeningInterval(DayOfWeek.Sunday, new(9, 0), new(17, 0)));
        stored.DateOverrides.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            o => o.Date.ShouldBe(new DateOnly(2026, 12, 25)), o => o.IsClosed.ShouldBeTrue(), o => o.Note.ShouldBe("Christmas"));
    }

    [Fact]
    public void A_slot_length_off_the_five_minute_grid_is_shown_beside_its_field()
    {
        var page = RenderPage();
        var rules = Section(page, "booking-rules");

        Type(rules, "slot-minutes", "7");
        rules.QuerySelector("[data-testid=booking-rules-save]")!.Click();

        page.WaitForAssertion(() => Field(Section(page, "booking-rules"), "slot-minutes").TextContent.ShouldContain("multiple of 5 minutes"));
    }
}
