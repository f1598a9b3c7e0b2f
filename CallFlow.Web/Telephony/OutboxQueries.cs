using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Telephony;

public sealed record OutboxListing(IReadOnlyList<OutboxMessage> Rows, int Total);

/// <summary>The simulated carrier's outbox for the console: newest first, only the viewer's businesses.</summary>
public sealed class OutboxQueries(IDbContextFactory<CallFlowDb> dbFactory)
{
    public async Task<OutboxListing> PageAsync(IReadOnlyCollection<string> businessIds, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.OutboxMessages.AsNoTracking().Where(m => m.BusinessId != null && businessIds.Contains(m.BusinessId));
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(Math.Max(0, page) * pageSize)
            .Take(Math.Clamp(pageSize, 1, 200))
            .ToListAsync(cancellationToken);
        return new OutboxListing(rows, total);
    }
}
