using Bunit;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Businesses.Settings;
using CallFlow.Web.Businesses;

namespace CallFlow.Tests.Web.Components.Settings;

public sealed class ProfileSectionTests : SettingsPageContext
{
    [Fact]
    public void The_profile_shows_the_business_as_stored()
    {
        var page = RenderPage();

        var profile = Section(page, "profile");
        Input(profile, "profile-name").GetAttribute("value").ShouldBe("Demo Salon");
        Input(profile, "profile-phone").GetAttribute("value").ShouldBe(DemoBusiness.DefaultPhoneNumber);
        Input(profile, "profile-time-zone").GetAttribute("value").ShouldBe("America/New_York");
        profile.QuerySelectorAll("#cf-time-zones option").Length.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task A_bad_phone_number_is_shown_beside_the_phone_field_and_nothing_is_saved()
    {
        var page = RenderPage();
        var profile = Section(page, "profile");

        Type(profile, "profile-phone", "212 555");
        profile.QuerySelector("[data-testid=profile-save]")!.Click();

        page.WaitForAssertion(() => Field(Section(page, "profile"), "profile-phone").TextContent.ShouldContain("international format"));
        ShouldShowSnackbar("check the highlighted fields");
        (await App.StoredAsync()).Version.ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_time_zone_is_shown_beside_the_time_zone_field()
    {
        var page = RenderPage();

        Type(Section(page, "profile"), "profile-time-zone", "Europe/Atlantis");
        Section(page, "profile").QuerySelector("[data-testid=profile-save]")!.Click();

        page.WaitForAssertion(() => Field(Section(page, "profile"), "profile-time-zone").TextContent.ShouldContain("'Europe/Atlantis' is not a time zone"));
        (await App.StoredAsync()).TimeZoneId.ShouldBe("America/New_York");
    }

    [Fact]
    public void An_empty_name_is_refused_in_the_browser_before_any_save()
    {
        var page = RenderPage();

        Type(Section(page, "profile"), "profile-name", "");
        Section(page, "profile").QuerySelector("[data-testid=profile-save]")!.Click();

        page.WaitForAssertion(() => Field(Section(page, "profile"), "profile-name").TextContent.ShouldContain("Enter the business's name."));
    }

    [Fact]
    public async Task A_saved_profile_shows_a_snackbar_and_is_stored()
    {
        var page = RenderPage();

        Type(Section(page, "profile"), "profile-greeting", "Hello, you've reached the salon!");
        Type(Section(page, "profile"), "profile-transfer", "+1 212 555 0147");
        Section(page, "profile").QuerySelector("[data-testid=profile-save]")!.Click();

        ShouldShowSnackbar("Business profile saved.");
        var stored = await App.StoredAsync();
        (stored.Greeting, stored.TransferNumber, stored.Version).ShouldBe(("Hello, you've reached the salon!", "+12125550147", 1));
        page.WaitForAssertion(() => page.Find("[data-testid=last-saved]").TextContent.ShouldContain($"Last saved by {App.DemoOwner().Name} (staff)"));
    }
}
