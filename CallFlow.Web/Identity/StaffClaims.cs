using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CallFlow.Web.Identity;

/// <summary>What the sign-in cookie says about a staff member. Roles are not in it: they are read from the memberships.</summary>
public static class StaffClaims
{
    public const string DisplayName = "callflow:display_name";

    /// <summary>The user's id (Identity's default name-identifier claim), or null for an anonymous visitor.</summary>
    public static string? UserId(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The name to show and to write in the audit trail (<c>Actor.Staff(user.StaffName())</c>).</summary>
    public static string StaffName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(DisplayName) is { Length: > 0 } name ? name : principal.Identity?.Name ?? "";
}

/// <summary>Adds the display name to the cookie so the app bar and the audit trail need no query.</summary>
internal sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
