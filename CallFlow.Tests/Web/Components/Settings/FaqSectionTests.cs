using Bunit;
using CallFlow.Tests.Web.Businesses.Settings;
using CallFlow.Web.Components.Pages.Settings;

namespace CallFlow.Tests.Web.Components.Settings;

public sealed class FaqSectionTests : SettingsPageContext
{
    private static void Save(IRenderedComponent<SettingsPage> page) => Section(page, "faq").QuerySelector("[data-testid=faq-save]")!.Click();

    [Fact]
    public void An_empty_answer_is_shown_beside_it()
    {
        var page = RenderPage();

        Section(page, "faq").QuerySelector("[data-testid=faq-add]")!.Click();
        var added = Section(page, "faq").QuerySelectorAll("[data-testid=faq-entry]")[^1];
        Type(added, "faq-topic", "wifi");
        Save(page);

        page.WaitForAssertion(() => Field(Section(page, "faq").QuerySelectorAll("[data-testid=faq-entry]")[^1], "faq-answer").TextContent
            .ShouldContain("Write the answer the assistant should say."));
    }

    [Fact]
    public void A_topic_answered_twice_is_shown_beside_the_second()
    {
        var page = RenderPage();

        Section(page, "faq").QuerySelector("[data-testid=faq-add]")!.Click();
        var added = Section(page, "faq").QuerySelectorAll("[data-testid=faq-entry]")[^1];
        Type(added, "faq-topic", "Parking");
        Type(added, "faq-answer", "Round the back.");
        Save(page);

        page.WaitForAssertion(() => Field(Section(page, "faq").QuerySelectorAll("[data-testid=faq-entry]")[^1], "faq-topic").TextContent
            .ShouldContain("There is already an answer about Parking."));
    }

    [Fact]
    public async Task A_suggested_topic_is_answered_and_saved_with_a_snackbar()
    {
        var page = RenderPage();

        var suggestion = Section(page, "faq").QuerySelectorAll("[data-testid=faq-suggestion]").ShouldHaveSingleItem();
        suggestion.TextContent.Trim().ShouldBe("services");
        suggestion.Click();
        Type(Section(page, "faq").QuerySelectorAll("[data-testid=faq-entry]")[^1], "faq-answer", "Cuts, color and styling.");
        Save(page);

        ShouldShowSnackbar("FAQ answers saved.");
        (await App.StoredAsync()).Faq["services"].ShouldBe("Cuts, color and styling.");
        page.WaitForAssertion(() => Section(page, "faq").QuerySelectorAll("[data-testid=faq-suggestion]").ShouldBeEmpty());
    }
}
