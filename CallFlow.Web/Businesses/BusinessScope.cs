using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Businesses;

/// <summary>
/// The businesses the current viewer may see. Every console query is filtered by these ids, so scoping is
/// enforced in the queries rather than by hiding links.
/// </summary>
public sealed class BusinessScope(IDbContextFactory<CallFlowDb> dbFactory)
{
    private IReadOnlyList<BusinessSummary>? _businesses;

    public async Task<IReadOnlyList<BusinessSummary>> BusinessesAsync(CancellationToken cancellationToken = default)
    {
        if (_businesses is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            _businesses = await db.Businesses.AsNoTracking().OrderBy(b => b.Name)
                .Select(b => new BusinessSummary(b.Id, b.Name, b.TimeZoneId))
                .ToListAsync(cancellationToken);
        }

        return _businesses;
    }

    public async Task<IReadOnlyCollection<string>> BusinessIdsAsync(CancellationToken cancellationToken = default) =>
        [.. (await BusinessesAsync(cancellationToken)).Select(b => b.Id)];
}

public sealed record BusinessSummary(string Id, string Name, string TimeZoneId);
