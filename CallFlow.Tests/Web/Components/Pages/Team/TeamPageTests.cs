using Bunit;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Components.Pages.Team;
using CallFlow.Web.Data;
using CallFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace CallFlow.Tests.Web.Components.Pages.Team;

/// <summary>The Team page against a real app's accounts: an owner adds and removes people by hand.</summary>
public class TeamPageTests : ConsoleContext, IAsyncLifetime
{
    private readonly CallFlowApp _app = new();

    public ValueTask InitializeAsync()
    {
        UseServicesOf(_app);
        Services.AddScoped(services => new TeamMembers(
            services.GetRequiredService<BusinessScope>(), _app.Service<IServiceScopeFactory>(), _app.Service<IDbContextFactory<CallFlowDb>>(), NullLogger<TeamMembers>.Instance));
        return ValueTask.CompletedTask;
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static IReadOnlyList<string> Names(IRenderedComponent<TeamPage> page) =>
        [.. page.FindAll("[data-testid=member-name]").Select(cell => cell.TextContent.Trim())];

    /// <summary>The page as the demo owner sees it once the team (the owner and the front desk) has loaded.</summary>
    private IRenderedComponent<TeamPage> OpenAsOwner()
    {
        SignInAs(_app.DemoOwner());
        var page = Render<TeamPage>();
        page.WaitForAssertion(() => Names(page).Count.ShouldBe(2));
        return page;
    }

    /// <summary>Fills in the "Add someone" form as an owner would and sends it.</summary>
    private static void Add(IRenderedComponent<TeamPage> page, string email, string name, string password)
    {
        page.Find("input[data-testid=new-email]").Change(email);
        page.Find("input[data-testid=new-name]").Change(name);
        page.Find("input[data-testid=new-password]").Change(password);
        page.Find("form").Submit();
    }

    [Fact]
    public void An_owner_adds_someone_by_name_email_and_first_password_and_sees_them_on_the_team()
    {
        var page = OpenAsOwner();

        Add(page, "jo@demo-salon.test", "Jo Park", "Welcome-desk-2026!");

        page.WaitForAssertion(() => Names(page).ShouldContain("Jo Park"));
        page.Find("input[data-testid=new-email]").GetAttribute("value").ShouldBeNullOrEmpty();
        page.FindAll("[data-testid=team-problems]").ShouldBeEmpty();
    }

    [Fact]
    public void A_weak_first_password_is_refused_with_the_rule_and_the_form_keeps_what_was_typed()
    {
        var page = OpenAsOwner();

        Add(page, "jo@demo-salon.test", "Jo Park", "short");

        page.WaitForAssertion(() => page.Find("[data-testid=team-problems]").TextContent.ShouldContain("at least 10 characters"));
        Names(page).Count.ShouldBe(2);
        page.Find("input[data-testid=new-email]").GetAttribute("value").ShouldBe("jo@demo-salon.test");
    }

    [Fact]
    public void Removing_someone_asks_once_more_and_then_takes_them_off_the_team()
    {
        var desk = _app.DemoFrontDesk();
        var page = OpenAsOwner();
        page.FindAll("[data-testid=remove]").Count.ShouldBe(1, "the owner cannot remove themselves");

        page.Find("[data-testid=remove]").Click();
        page.Find("[data-testid=confirm-remove]").TextContent.ShouldContain(desk.Name);
        page.Find("[data-testid=confirm-remove]").Click();

        page.WaitForAssertion(() => Names(page).Count.ShouldBe(1));
        Names(page).Single().ShouldStartWith(_app.DemoOwner().Name);
    }

    [Fact]
    public async Task An_owner_who_makes_themselves_front_desk_is_left_with_no_team_to_manage_rather_than_a_broken_page()
    {
        await using (var db = _app.Db())
        {
            var desk = _app.DemoFrontDesk();
            await db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == desk.Email)).ExecuteUpdateAsync(set => set.SetProperty(m => m.Role, StaffRole.Owner), Xunit.TestContext.Current.CancellationToken);
        }

        var page = OpenAsOwner();
        var you = Names(page).ToList().FindIndex(name => name.StartsWith(_app.DemoOwner().Name, StringComparison.Ordinal));
        var yours = page.FindComponents<MudSelect<StaffRole>>()[you];
        await page.InvokeAsync(() => yours.Instance.ValueChanged.InvokeAsync(StaffRole.FrontDesk));

        page.WaitForAssertion(() => page.Find("[data-testid=no-business]").TextContent.ShouldContain("no team to manage"));
        page.FindAll("[data-testid=team-missing]").ShouldBeEmpty();
    }

    [Fact]
    public void Front_desk_finds_no_team_to_manage()
    {
        SignInAs(_app.DemoFrontDesk());

        var page = Render<TeamPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=no-business]").TextContent.ShouldContain("no team to manage"));
        page.FindAll("[data-testid=team]").ShouldBeEmpty();
    }
}
