using CallFlow.Web.Businesses;
using CallFlow.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Identity;

/// <summary>The demo salon's owner and front desk, created once so a fresh install can be signed in to.</summary>
public static class DemoStaff
{
    /// <summary>
    /// Creates the configured demo users when the demo business exists and nobody has an account yet (a fresh
    /// database, or one created before sign-in existed). Later password changes in configuration do not apply.
    /// </summary>
    public static async Task SeedDemoStaffAsync(this IServiceProvider services, DemoOptions demo, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CallFlowDb>();
        if (!await db.Businesses.AnyAsync(b => b.Id == DemoBusiness.Id, cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoStaff));
        foreach (var (account, role, key) in new[] { (demo.Owner, StaffRole.Owner, "Owner"), (demo.FrontDesk, StaffRole.FrontDesk, "FrontDesk") })
        {
            if (string.IsNullOrWhiteSpace(account.Email))
            {
                continue;
            }

            var user = new StaffUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = string.IsNullOrWhiteSpace(account.Name) ? account.Email : account.Name,
            };
            user.Memberships.Add(new BusinessMembership { UserId = user.Id, BusinessId = DemoBusiness.Id, Role = role });
            var created = await users.CreateAsync(user, account.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"The demo user {DemoOptions.Section}:{key} ({account.Email}) could not be created: "
                    + string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            logger.LogInformation("Seeded the demo {Role} {Email} of {BusinessId}", role, account.Email, DemoBusiness.Id);
        }
    }
}
