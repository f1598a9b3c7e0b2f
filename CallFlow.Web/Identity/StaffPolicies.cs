using CallFlow.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Identity;

/// <summary>
/// Authorization policies of the console. Every page needs a signed-in user (<c>[Authorize]</c>); owner-only areas
/// (settings, flows, <c>/jobs</c>) add <see cref="Owner"/>.
/// </summary>
public static class StaffPolicies
{
    /// <summary>
    /// Owner of at least one business; with a business id as the resource
    /// (<c>AuthorizeAsync(user, businessId, StaffPolicies.Owner)</c>), owner of that business.
    /// </summary>
    public const string Owner = "Owner";

    internal static void OwnerPolicy(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().AddRequirements(new OwnerRequirement());
}

/// <summary>Owner of a business, read from the memberships table on every check so a changed role applies at once.</summary>
public sealed class OwnerRequirement : IAuthorizationRequirement;

internal sealed class OwnerRequirementHandler(IDbContextFactory<CallFlowDb> dbFactory) : AuthorizationHandler<OwnerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnerRequirement requirement)
    {
        if (context.User.UserId() is not { } userId)
        {
            return;
        }

        // Pages and endpoints pass their route data or HttpContext: then any owned business will do.
        var businessId = context.Resource as string;
        await using var db = await dbFactory.CreateDbContextAsync();
        var owns = await db.Memberships.AnyAsync(m =>
            m.UserId == userId && m.Role == StaffRole.Owner && (businessId == null || m.BusinessId == businessId));
        if (owns)
        {
            context.Succeed(requirement);
        }
    }
}
