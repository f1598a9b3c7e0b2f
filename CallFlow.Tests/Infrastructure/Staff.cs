using System.Security.Claims;
using CallFlow.Web.Businesses;
using CallFlow.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.Infrastructure;

/// <summary>A staff member of a running app, with the password to sign in and whether they own any business.</summary>
public sealed record StaffAccount(string Id, string Email, string Password, string Name, bool IsOwner);

/// <summary>The demo salon's seeded staff, and more staff members for tests that need them.</summary>
public static class Staff
{
    public const string Password = "Test-password-1!";

    public static StaffAccount DemoOwner(this CallFlowApp app) => app.Demo(demo => demo.Owner, isOwner: true);

    public static StaffAccount DemoFrontDesk(this CallFlowApp app) => app.Demo(demo => demo.FrontDesk, isOwner: false);

    /// <summary>The Demo section as the app sees it (root appsettings.json plus overrides).</summary>
    public static DemoOptions DemoSettings(this CallFlowApp app) =>
        app.Service<IConfiguration>().GetSection(DemoOptions.Section).Get<DemoOptions>()
        ?? throw new InvalidOperationException("The Demo section is missing.");

    /// <summary>Creates a staff member through Identity (so the password is hashed as for real) with these memberships.</summary>
    public static async Task<StaffAccount> AddStaffAsync(this CallFlowApp app, string email, params (string BusinessId, StaffRole Role)[] memberships)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var name = email.Split('@')[0];
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        foreach (var (businessId, role) in memberships)
        {
            user.Memberships.Add(new BusinessMembership { UserId = user.Id, BusinessId = businessId, Role = role });
        }

        var created = await users.CreateAsync(user, Password);
        created.Succeeded.ShouldBeTrue(string.Join(" ", created.Errors.Select(e => e.Description)));
        return new StaffAccount(user.Id, email, Password, name, memberships.Any(m => m.Role == StaffRole.Owner));
    }

    /// <summary>The principal the sign-in cookie would carry for this account (made by the app's own claims factory).</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(this CallFlowApp app, StaffAccount account)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(account.Id) ?? throw new InvalidOperationException($"No user {account.Email}.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<StaffUser>>().CreateAsync(user);
    }

    private static StaffAccount Demo(this CallFlowApp app, Func<DemoOptions, DemoUser> pick, bool isOwner)
    {
        var demo = pick(app.DemoSettings());
        using var db = app.Db();
        var id = db.Users.Where(u => u.NormalizedEmail == demo.Email.ToUpperInvariant()).Select(u => u.Id).Single();
        return new StaffAccount(id, demo.Email, demo.Password, demo.Name, isOwner);
    }
}
