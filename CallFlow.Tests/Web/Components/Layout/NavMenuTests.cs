using Bunit;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Components.Layout;

namespace CallFlow.Tests.Web.Components.Layout;

public class NavMenuTests : ConsoleContext
{
    private static StaffAccount FrontDesk => new("desk-id", "desk@example.test", "", "Sam Lee", IsOwner: false);

    private static StaffAccount Owner => new("owner-id", "owner@example.test", "", "Rosa Martinez", IsOwner: true);

    [Fact]
    public void Front_desk_does_not_see_the_owner_links()
    {
        SignInAs(FrontDesk);

        var menu = Render<NavMenu>();

        menu.FindAll("[data-testid=nav-settings]").ShouldBeEmpty();
        menu.FindAll("[data-testid=nav-flows]").ShouldBeEmpty();
        menu.FindAll("[data-testid=nav-team]").ShouldBeEmpty();
        menu.Markup.ShouldContain("Live calls");
        menu.Find("[data-testid=nav-outbox]").GetAttribute("href").ShouldBe("/outbox");
    }

    [Fact]
    public void An_owner_sees_settings_flows_and_team()
    {
        SignInAs(Owner);

        var menu = Render<NavMenu>();

        menu.Find("[data-testid=nav-settings]").GetAttribute("href").ShouldBe("/settings");
        menu.Find("[data-testid=nav-flows]").GetAttribute("href").ShouldBe("/flows");
        menu.Find("[data-testid=nav-team]").GetAttribute("href").ShouldBe("/team");
    }
}
