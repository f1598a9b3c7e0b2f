using System.Security.Claims;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Data;
using CallFlow.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Identity;

/// <summary>
/// BusinessScope and the Owner policy for the people of two businesses, with the claims the real sign-in cookie
/// carries. Roles are per business: Lee owns Harbor Physio and works the front desk at the demo salon.
/// </summary>
public class BusinessScopeTests : IAsyncLifetime
{
    private const string Demo = DemoBusiness.Id;
    private const string Harbor = SecondBusiness.Id;

    private readonly CallFlowApp _app = new();
    private readonly Dictionary<string, StaffAccount> _people = [];

    public async ValueTask InitializeAsync()
    {
        var harbor = await _app.AddSecondBusinessAsync();
        _people["demo owner"] = _app.DemoOwner();
        _people["demo front desk"] = _app.DemoFrontDesk();
        _people["harbor owner"] = harbor.Owner;
        _people["harbor front desk"] = harbor.FrontDesk;
        _people["lee"] = await _app.AddStaffAsync("lee@example.test", (Harbor, StaffRole.Owner), (Demo, StaffRole.FrontDesk));
        _people["newcomer"] = await _app.AddStaffAsync("newcomer@example.test");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string[]> Visible => new()
    {
        { "demo owner", [Demo] },
        { "demo front desk", [Demo] },
        { "harbor front desk", [Harbor] },
        { "lee", [Demo, Harbor] },
        { "newcomer", [] },
    };

    [Theory]
    [MemberData(nameof(Visible))]
    public async Task The_scope_holds_exactly_the_user_s_businesses(string person, string[] expected)
    {
        var scope = await ScopeOfAsync(person);

        (await scope.BusinessIdsAsync(TestContext.Current.CancellationToken)).Order().ShouldBe(expected.Order());
    }

    [Fact]
    public async Task An_anonymous_viewer_has_no_business()
    {
        var scope = new BusinessScope(_app.Service<IDbContextFactory<CallFlowDb>>(), new FixedUser(new ClaimsPrincipal(new ClaimsIdentity())));

        (await scope.BusinessesAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    public static TheoryData<string, string, bool> Management => new()
    {
        { "demo owner", Demo, true },
        { "demo owner", Harbor, false },
        { "demo front desk", Demo, false },
        { "harbor owner", Harbor, true },
        { "harbor front desk", Harbor, false },
        { "lee", Harbor, true },
        { "lee", Demo, false },
        { "newcomer", Demo, false },
    };

    [Theory]
    [MemberData(nameof(Management))]
    public async Task Only_an_owner_of_the_business_may_manage_it(string person, string businessId, bool canManage)
    {
        var scope = await ScopeOfAsync(person);
        var user = await _app.PrincipalAsync(_people[person]);
        var authorization = _app.Service<IAuthorizationService>();

        (await scope.CanManageAsync(businessId, TestContext.Current.CancellationToken)).ShouldBe(canManage);
        (await scope.ManagedBusinessIdsAsync(TestContext.Current.CancellationToken)).Contains(businessId).ShouldBe(canManage);
        (await authorization.AuthorizeAsync(user, businessId, StaffPolicies.Owner)).Succeeded.ShouldBe(canManage);
    }

    [Theory]
    [InlineData("demo owner", true)]
    [InlineData("harbor owner", true)]
    [InlineData("lee", true)]
    [InlineData("demo front desk", false)]
    [InlineData("harbor front desk", false)]
    [InlineData("newcomer", false)]
    public async Task The_owner_policy_passes_for_owners_of_any_business_only(string person, bool passes)
    {
        var user = await _app.PrincipalAsync(_people[person]);

        var result = await _app.Service<IAuthorizationService>().AuthorizeAsync(user, StaffPolicies.Owner);

        result.Succeeded.ShouldBe(passes);
    }

    [Fact]
    public async Task A_removed_membership_applies_at_the_next_query()
    {
        var scope = await ScopeOfAsync("lee");
        var leeId = _people["lee"].Id;

        await using (var db = _app.Db())
        {
            await db.Memberships.Where(m => m.UserId == leeId && m.BusinessId == Demo).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        (await scope.BusinessIdsAsync(TestContext.Current.CancellationToken)).ShouldBe([Harbor]);
    }

    private async Task<BusinessScope> ScopeOfAsync(string person) =>
        new(_app.Service<IDbContextFactory<CallFlowDb>>(), new FixedUser(await _app.PrincipalAsync(_people[person])));

    private sealed class FixedUser(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
