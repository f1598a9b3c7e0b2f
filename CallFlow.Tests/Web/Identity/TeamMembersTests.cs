using System.Net;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.Web.Identity;

/// <summary>Owners manage their team: who may sign in to their business, and with which role.</summary>
public class TeamMembersTests : IAsyncLifetime
{
    private readonly CallFlowApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<T> AsAsync<T>(StaffAccount account, Func<TeamMembers, Task<T>> work)
    {
        await using var scope = await _app.SignedInScopeAsync(account);
        return await work(scope.ServiceProvider.GetRequiredService<TeamMembers>());
    }

    private static NewTeamMember Newcomer(StaffRole role = StaffRole.FrontDesk, string password = "Welcome-desk-2026!") =>
        new() { Email = "jo@demo-salon.test", Name = "Jo Park", Role = role, Password = password };

    [Fact]
    public async Task An_owner_adds_a_new_front_desk_member_who_signs_in_and_sees_the_business_s_calls()
    {
        var call = await _app.StartAsync(from: "+13105550123");

        var added = await AsAsync(_app.DemoOwner(), team => team.AddAsync(DemoBusiness.Id, Newcomer()));

        added.Succeeded.ShouldBeTrue(added.Message);
        added.Message.ShouldContain("Jo Park can now sign in as jo@demo-salon.test");
        using var jo = _app.CreateBrowser();
        (await jo.SignInAsync("jo@demo-salon.test", "Welcome-desk-2026!")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await jo.GetStringAsync($"/calls/{call.Id}", Token)).ShouldContain(call.CallSid);
        (await jo.GetAsync("/settings", Token)).RedirectTarget().ShouldStartWith(StaffSignIn.AccessDeniedPath);
        var team = await AsAsync(_app.DemoOwner(), t => t.ListAsync(DemoBusiness.Id));
        team!.Single(m => m.Email == "jo@demo-salon.test").ShouldSatisfyAllConditions(
            m => m.Name.ShouldBe("Jo Park"),
            m => m.Role.ShouldBe(StaffRole.FrontDesk),
            m => m.IsYou.ShouldBeFalse());
        team!.Single(m => m.IsYou).Email.ShouldBe(_app.DemoOwner().Email);
    }

    [Fact]
    public async Task Someone_who_already_has_an_account_is_added_with_their_own_password_untouched()
    {
        var harbor = await _app.AddSecondBusinessAsync();

        var added = await AsAsync(_app.DemoOwner(), team => team.AddAsync(DemoBusiness.Id, new NewTeamMember
        {
            Email = harbor.FrontDesk.Email, Role = StaffRole.FrontDesk, Password = "Something-else-1!",
        }));

        added.Succeeded.ShouldBeTrue(added.Message);
        added.Message.ShouldContain("already had an account");
        using var browser = await _app.SignedInBrowserAsync(harbor.FrontDesk);
        await using var scope = await _app.SignedInScopeAsync(harbor.FrontDesk);
        (await scope.ServiceProvider.GetRequiredService<BusinessScope>().BusinessIdsAsync(Token)).ShouldBe([DemoBusiness.Id, harbor.Id], ignoreOrder: true);
        var again = await AsAsync(_app.DemoOwner(), team => team.AddAsync(DemoBusiness.Id, new NewTeamMember { Email = harbor.FrontDesk.Email }));
        again.Problems.ShouldBe([$"{harbor.FrontDesk.Name} ({harbor.FrontDesk.Email}) is already on this team."]);
    }

    public static TheoryData<NewTeamMember, string> Unacceptable => new()
    {
        { new NewTeamMember { Email = "", Name = "Jo Park", Password = "Welcome-desk-2026!" }, "Enter their email address." },
        { new NewTeamMember { Email = "jo", Name = "Jo Park", Password = "Welcome-desk-2026!" }, "Enter an email address, such as maya@example.com." },
        { new NewTeamMember { Email = "jo@demo-salon.test", Name = "", Password = "Welcome-desk-2026!" }, "Enter their name: nobody has an account with this email yet." },
        { new NewTeamMember { Email = "jo@demo-salon.test", Name = "Jo Park", Password = "" }, "Choose a first password for their new account." },
        { new NewTeamMember { Email = "jo@demo-salon.test", Name = "Jo Park", Password = "short" }, "Passwords must be at least 10 characters." },
    };

    [Theory]
    [MemberData(nameof(Unacceptable))]
    public async Task An_incomplete_or_weak_newcomer_is_refused_with_what_to_fix_and_nothing_is_saved(NewTeamMember form, string problem)
    {
        await using var db = _app.Db();
        var before = await db.Users.CountAsync(Token);

        var added = await AsAsync(_app.DemoOwner(), team => team.AddAsync(DemoBusiness.Id, form));

        added.Succeeded.ShouldBeFalse();
        added.Problems.ShouldContain(problem);
        (await db.Users.CountAsync(Token)).ShouldBe(before);
    }

    [Fact]
    public async Task The_last_owner_can_be_neither_demoted_nor_removed_until_there_is_another()
    {
        var owner = _app.DemoOwner();
        var desk = _app.DemoFrontDesk();

        var demoted = await AsAsync(desk, team => team.SetRoleAsync(DemoBusiness.Id, owner.Id, StaffRole.FrontDesk));
        var selfDemoted = await AsAsync(owner, team => team.SetRoleAsync(DemoBusiness.Id, owner.Id, StaffRole.FrontDesk));
        var promoted = await AsAsync(owner, team => team.SetRoleAsync(DemoBusiness.Id, desk.Id, StaffRole.Owner));
        var nowDemoted = await AsAsync(owner, team => team.SetRoleAsync(DemoBusiness.Id, owner.Id, StaffRole.FrontDesk));

        demoted.Problems.ShouldBe([TeamMembers.NotOwner]);
        selfDemoted.Problems.ShouldBe([TeamMembers.LastOwner]);
        promoted.Message.ShouldBe($"{desk.Name} is an owner from now on.");
        nowDemoted.Message.ShouldBe($"{owner.Name} is front desk from now on.");
        var team = await AsAsync(desk, t => t.ListAsync(DemoBusiness.Id));
        team!.Select(m => (m.Email, m.Role)).ShouldBe([(desk.Email, StaffRole.Owner), (owner.Email, StaffRole.FrontDesk)]);
        (await AsAsync(desk, t => t.RemoveAsync(DemoBusiness.Id, desk.Id))).Problems.ShouldBe(["You cannot remove yourself; another owner can."]);
    }

    [Fact]
    public async Task A_removed_member_loses_the_business_at_once_even_while_signed_in()
    {
        var desk = _app.DemoFrontDesk();
        var call = await _app.StartAsync(from: "+13105550123");
        using var browser = await _app.SignedInBrowserAsync(desk);
        (await browser.GetStringAsync($"/calls/{call.Id}", Token)).ShouldContain(call.CallSid);

        var removed = await AsAsync(_app.DemoOwner(), team => team.RemoveAsync(DemoBusiness.Id, desk.Id));

        removed.Message.ShouldBe($"{desk.Name} is no longer on the team.");
        var page = await browser.GetStringAsync($"/calls/{call.Id}", Token);
        page.ShouldContain("data-testid=\"call-not-found\"");
        page.ShouldNotContain(call.CallSid);
        await using var db = _app.Db();
        (await db.Users.AnyAsync(u => u.Id == desk.Id, Token)).ShouldBeTrue("the account stays; only the membership goes");
    }

    [Fact]
    public async Task Front_desk_and_owners_of_another_business_change_nothing()
    {
        var harbor = await _app.AddSecondBusinessAsync();
        var desk = _app.DemoFrontDesk();

        (await AsAsync(desk, team => team.ListAsync(DemoBusiness.Id))).ShouldBeNull();
        (await AsAsync(desk, team => team.AddAsync(DemoBusiness.Id, Newcomer(StaffRole.Owner)))).Problems.ShouldBe([TeamMembers.NotOwner]);
        (await AsAsync(harbor.Owner, team => team.ListAsync(DemoBusiness.Id))).ShouldBeNull();
        (await AsAsync(harbor.Owner, team => team.SetRoleAsync(DemoBusiness.Id, harbor.Owner.Id, StaffRole.Owner))).Problems.ShouldBe([TeamMembers.NotOwner]);
        (await AsAsync(harbor.Owner, team => team.RemoveAsync(DemoBusiness.Id, desk.Id))).Problems.ShouldBe([TeamMembers.NotOwner]);
        await using var db = _app.Db();
        (await db.Memberships.CountAsync(m => m.BusinessId == DemoBusiness.Id, Token)).ShouldBe(2);
        (await db.Users.AnyAsync(u => u.Email == "jo@demo-salon.test", Token)).ShouldBeFalse();
    }
}
