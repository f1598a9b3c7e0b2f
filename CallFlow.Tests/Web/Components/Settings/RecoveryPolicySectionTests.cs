using Bunit;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Businesses.Settings;

namespace CallFlow.Tests.Web.Components.Settings;

/// <summary>Owners edit their business's recovery policy on the settings page; out-of-range values are refused beside the field.</summary>
public sealed class RecoveryPolicySectionTests : SettingsPageContext
{
    [Fact]
    public void An_owner_sees_the_default_policy()
    {
        var page = RenderPage();

        var recovery = Section(page, "recovery");
        Input(recovery, "recovery-resume-window").GetAttribute("value").ShouldBe("15");
        Input(recovery, "recovery-callback-delay").GetAttribute("value").ShouldBe("5");
        Input(recovery, "recovery-notification-number").GetAttribute("value").ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task A_saved_policy_is_what_the_next_call_is_handled_with()
    {
        var page = RenderPage();

        Type(Section(page, "recovery"), "recovery-callback-delay", "10");
        Type(Section(page, "recovery"), "recovery-notification-number", "+1 212 555 0199");
        Section(page, "recovery").QuerySelector("[data-testid=recovery-save]")!.Click();

        ShouldShowSnackbar("Recovery policy saved.");
        var business = await App.StoredAsync();
        (business.Recovery.CallbackDelay, business.NotificationNumber, business.OwnerNumber).ShouldBe((TimeSpan.FromMinutes(10), "+12125550199", "+12125550199"));
        business.ToProfile().Recovery.CallbackDelay.ShouldBe(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Values_out_of_range_are_refused_beside_their_field_and_nothing_is_saved()
    {
        var page = RenderPage();

        Type(Section(page, "recovery"), "recovery-resume-window", "0");
        Type(Section(page, "recovery"), "recovery-notification-number", "555-0199");
        Section(page, "recovery").QuerySelector("[data-testid=recovery-save]")!.Click();

        page.WaitForAssertion(() => Field(Section(page, "recovery"), "recovery-resume-window").TextContent.ShouldContain("The resume window must be between 1 minute and 24 hours."));
        Field(Section(page, "recovery"), "recovery-notification-number").TextContent.ShouldContain("with + and the country code");
        ShouldShowSnackbar("check the highlighted fields");
        var business = await App.StoredAsync();
        (business.Recovery.ResumeWindow, business.NotificationNumber, business.Version).ShouldBe((TimeSpan.FromMinutes(15), null, 0));
    }
}
