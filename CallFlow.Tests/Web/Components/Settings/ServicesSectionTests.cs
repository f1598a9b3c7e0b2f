using Bunit;
using CallFlow.Tests.Web.Businesses.Settings;
using CallFlow.Web.Components.Pages.Settings;

namespace CallFlow.Tests.Web.Components.Settings;

public sealed class ServicesSectionTests : SettingsPageContext
{
    private static void EditHaircut(IRenderedComponent<SettingsPage> page) =>
        Section(page, "services").QuerySelectorAll("[data-testid=service]").First(r => r.TextContent.Contains("Haircut")).QuerySelector("[data-testid=service-edit]")!.Click();

    private static void Save(IRenderedComponent<SettingsPage> page) => Section(page, "services").QuerySelector("[data-testid=service-save]")!.Click();

    [Fact]
    public void Services_are_listed_with_duration_buffers_price_and_the_words_callers_use()
    {
        var page = RenderPage();

        var rows = Section(page, "services").QuerySelectorAll("[data-testid=service]");
        rows.Select(r => r.QuerySelector(".cf-service-name")!.TextContent).ShouldBe(["Haircut", "Color", "Styling", "Consultation"]);
        rows[0].TextContent.ShouldContain("45 min");
        rows[0].TextContent.ShouldContain("0 / 5 min");
        rows[0].TextContent.ShouldContain("trim, cut");
    }

    [Fact]
    public async Task A_buffer_that_is_not_a_multiple_of_five_is_shown_beside_the_buffer()
    {
        var page = RenderPage();

        EditHaircut(page);
        Type(Section(page, "services"), "service-buffer-after", "7");
        Save(page);

        page.WaitForAssertion(() => Field(Section(page, "services"), "service-buffer-after").TextContent
            .ShouldContain("Haircut: the buffer after must be 0 or a multiple of 5 minutes."));
        (await App.StoredAsync()).Services.Single(s => s.Name == "Haircut").BufferAfterMinutes.ShouldBe(5);
    }

    [Fact]
    public void A_duplicate_service_name_is_shown_beside_the_name()
    {
        var page = RenderPage();

        Section(page, "services").QuerySelector("[data-testid=service-new]")!.Click();
        Type(Section(page, "services"), "service-name", "color");
        Save(page);

        page.WaitForAssertion(() => Field(Section(page, "services"), "service-name").TextContent.ShouldContain("There is already a service called color."));
    }

    [Fact]
    public async Task A_new_service_with_synonyms_is_added_with_a_snackbar()
    {
        var page = RenderPage();

        Section(page, "services").QuerySelector("[data-testid=service-new]")!.Click();
        Type(Section(page, "services"), "service-name", "Beard trim");
        Type(Section(page, "services"), "service-duration", "20");
        Type(Section(page, "services"), "synonym-input", "beard");
        Section(page, "services").QuerySelector("[data-testid=synonym-add]")!.Click();
        page.WaitForAssertion(() => Section(page, "services").QuerySelectorAll("[data-testid=synonym]").Length.ShouldBe(1));
        Save(page);

        ShouldShowSnackbar("Beard trim added.");
        page.WaitForAssertion(() => Section(page, "services").QuerySelectorAll("[data-testid=service]").Length.ShouldBe(5));
        Section(page, "services").QuerySelector("[data-testid=service-editor]").ShouldBeNull();
        var beard = (await App.StoredAsync()).Services.Single(s => s.Name == "Beard trim");
        (beard.DurationMinutes, beard.Synonyms.Single()).ShouldBe((20, "beard"));
    }

    [Fact]
    public async Task Deactivating_a_service_marks_it_inactive_and_takes_it_out_of_the_explainer()
    {
        var page = RenderPage();

        Section(page, "services").QuerySelectorAll("[data-testid=service]")[1].QuerySelector("[data-testid=service-toggle]")!.Click();

        ShouldShowSnackbar("Color deactivated");
        page.WaitForAssertion(() => Section(page, "services").QuerySelectorAll("[data-testid=service]")[1].GetAttribute("data-active").ShouldBe("false"));
        (await App.StoredAsync()).Services.Single(s => s.Name == "Color").IsActive.ShouldBeFalse();
    }
}
