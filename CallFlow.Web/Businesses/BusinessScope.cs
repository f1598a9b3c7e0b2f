using System.Security.Claims;
using CallFlow.Web.Data;
using CallFlow.Web.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Businesses;

/// <summary>
/// The businesses the signed-in staff member may see: their memberships. Every console query is filtered by
/// these ids, so scoping is enforced in the queries rather than by hiding links. Memberships are read on each
/// call (no cache), so a removed membership applies to open pages at their next query.
/// </summary>
/// <remarks>
/// The user comes from the <see cref="AuthenticationStateProvider"/>: Razor components have it, and console
/// endpoints get it from <c>RequireStaff()</c>. An anonymous viewer sees no business.
/// </remarks>
public sealed class BusinessScope(IDbContextFactory<CallFlowDb> dbFactory, AuthenticationStateProvider authentication)
{
    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>The viewer's businesses by name, each with the viewer's role there.</summary>
    public async Task<IReadOnlyList<BusinessSummary>> BusinessesAsync(CancellationToken cancellationToken = default)
    {
        if ((await UserAsync()).UserId() is not { } userId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Business!.Name)
            .Select(m => new BusinessSummary(m.BusinessId, m.Business!.Name, m.Business.TimeZoneId, m.Role))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The ids every console query is limited to.</summary>
    public async Task<IReadOnlyCollection<string>> BusinessIdsAsync(CancellationToken cancellationToken = default) =>
        [.. (await BusinessesAsync(cancellationToken)).Select(b => b.Id)];

    /// <summary>The ids whose settings and flows the viewer may change (where they are owner).</summary>
    public async Task<IReadOnlyCollection<string>> ManagedBusinessIdsAsync(CancellationToken cancellationToken = default) =>
        [.. (await BusinessesAsync(cancellationToken)).Where(b => b.CanManage).Select(b => b.Id)];

    /// <summary>Whether the viewer may change this business's settings and flows: check it again when saving.</summary>
    public async Task<bool> CanManageAsync(string businessId, CancellationToken cancellationToken = default) =>
        (await BusinessesAsync(cancellationToken)).Any(b => b.Id == businessId && b.CanManage);
}

/// <summary>A business the viewer may see, and their role in it.</summary>
public sealed record BusinessSummary(string Id, string Name, string TimeZoneId, StaffRole Role = StaffRole.FrontDesk)
{
    public bool CanManage => Role == StaffRole.Owner;
}
