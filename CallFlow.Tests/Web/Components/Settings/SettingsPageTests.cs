using Bunit;
using CallFlow.Domain.Calendar;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Businesses.Settings;
using CallFlow.Tests.Web.Calendar;
using CallFlow.Web.Businesses;
using CallFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Components.Settings;

/// <summary>The page around the sections: which business, conflicts, the feed and the explainer.</summary>
public sealed class SettingsPageTests : SettingsPageContext
{
    [Fact]
    public void Every_section_is_on_the_page_and_in_its_table_of_contents()
    {
        var page = RenderPage();

        var anchors = page.FindAll(".cf-settings-section").Select(s => s.Id).ToList();
        anchors.ShouldBe(["profile", "hours", "booking-rules", "services", "voice", "faq", "recovery", "calendar-feed", "explainer"]);
        page.Find("[data-testid=settings-toc]").QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe(anchors.Select(a => $"settings#{a}"));
    }

    [Fact]
    public void Front_desk_rendering_the_page_anyway_gets_no_settings()
    {
        var page = RenderPage(App.DemoFrontDesk());

        page.Find("[data-testid=no-business]").ShouldNotBeNull();
        page.FindAll(".cf-settings-section").ShouldBeEmpty();
        page.Markup.ShouldNotContain(DemoBusiness.DefaultPhoneNumber);
    }

    [Fact]
    public async Task An_owner_sees_only_the_business_they_own()
    {
        var harbor = await App.AddSecondBusinessAsync();

        var page = RenderPage(harbor.Owner);

        Input(Section(page, "profile"), "profile-name").GetAttribute("value").ShouldBe(harbor.Name);
        page.Markup.ShouldNotContain("Demo Salon");
        page.FindAll("[data-testid=business]").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_owner_of_two_businesses_switches_between_them()
    {
        var harbor = await App.AddSecondBusinessAsync();
        await using (var db = App.Db())
        {
            db.Memberships.Add(new BusinessMembership { UserId = App.DemoOwner().Id, BusinessId = harbor.Id, Role = StaffRole.Owner });
            await db.SaveChangesAsync(Token);
        }

        var page = RenderPage();
        page.Find("[data-testid=business]").ShouldNotBeNull();
        var first = Input(Section(page, "profile"), "profile-name").GetAttribute("value");

        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudSelect<string>>().Instance.ValueChanged.InvokeAsync(first == harbor.Name ? DemoBusiness.Id : harbor.Id));

        page.WaitForAssertion(() => Input(Section(page, "profile"), "profile-name").GetAttribute("value").ShouldNotBe(first));
    }

    [Fact]
    public async Task A_save_over_someone_else_s_change_offers_a_reload_that_shows_theirs()
    {
        var page = RenderPage();
        await using (var db = App.Db())
        {
            await db.Businesses.ExecuteUpdateAsync(set => set.SetProperty(b => b.Greeting, "Their greeting").SetProperty(b => b.Version, 1), Token);
        }

        Type(Section(page, "profile"), "profile-greeting", "My greeting");
        Section(page, "profile").QuerySelector("[data-testid=profile-save]")!.Click();

        page.WaitForAssertion(() => Section(page, "profile").QuerySelector("[data-testid=conflict]").ShouldNotBeNull());
        ShouldShowSnackbar("Someone else changed these settings");
        (await App.StoredAsync()).Greeting.ShouldBe("Their greeting");

        Section(page, "profile").QuerySelector("[data-testid=reload]")!.Click();

        page.WaitForAssertion(() => Input(Section(page, "profile"), "profile-greeting").TextContent.ShouldBe("Their greeting"));
        Section(page, "profile").QuerySelector("[data-testid=conflict]").ShouldBeNull();
    }

    [Fact]
    public async Task The_feed_address_is_shown_and_rotating_it_after_confirming_gives_a_new_one()
    {
        var page = RenderPage();
        var before = Input(Section(page, "calendar-feed"), "feed-url").GetAttribute("value")!;
        before.ShouldBe($"http://localhost/calendar/demo-salon.ics?token={App.DemoSettings().CalendarFeedToken}");

        Section(page, "calendar-feed").QuerySelector("[data-testid=feed-rotate]")!.Click();
        Dialogs.WaitForAssertion(() => Dialogs.Markup.ShouldContain("stops working at once"));
        Dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Rotate").Click();

        ShouldShowSnackbar("the old one no longer works");
        var token = (await App.StoredAsync()).CalendarFeedToken;
        token.ShouldNotBe(App.DemoSettings().CalendarFeedToken);
        page.WaitForAssertion(() => Input(Section(page, "calendar-feed"), "feed-url").GetAttribute("value").ShouldEndWith($"token={token}"));
    }

    [Fact]
    public async Task The_explainer_says_why_a_taken_time_is_not_offered()
    {
        await App.BookedIdAsync(CalendarApp.OnTuesday(15), "Ada Lovelace");
        await App.BookedIdAsync(CalendarApp.OnTuesday(15), "Grace Hopper", "+12125550101");
        var page = RenderPage();
        var explainer = Section(page, "explainer");

        Type(explainer, "explain-date", "2026-03-03");
        Type(explainer, "explain-time", "15:00");
        explainer.QuerySelector("[data-testid=explain]")!.Click();

        page.WaitForAssertion(() => Section(page, "explainer").QuerySelector("[data-testid=explanation]")!.GetAttribute("data-verdict").ShouldBe(nameof(SlotVerdict.Taken)));
        Section(page, "explainer").QuerySelector("[data-testid=explanation]")!.TextContent.ShouldContain("Every seat is booked at 15:00");
        Section(page, "explainer").QuerySelectorAll("[data-testid=alternative]").ShouldNotBeEmpty();
    }
}
