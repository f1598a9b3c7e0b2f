using CallFlow.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Recovery;

/// <summary>
/// Deletes slot holds that no longer count: expired ones, and those of calls that have ended. Availability already
/// ignores them; this keeps the table small. Safe to run any number of times.
/// </summary>
public sealed class HoldCleanupJob(IDbContextFactory<CallFlowDb> dbFactory, TimeProvider clock, ILogger<HoldCleanupJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    [JobDisplayName("Delete expired slot holds")]
    public async Task CleanAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var expired = await db.SlotHolds.Where(h => h.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var ended = await db.SlotHolds
            .Where(h => db.Calls.Any(c => (c.CallSid == h.CallId || c.Id == h.CallId) && c.EndedAt != null))
            .ExecuteDeleteAsync(cancellationToken);
        if (expired + ended > 0)
        {
            logger.LogInformation("Deleted {Expired} expired slot holds and {Ended} of ended calls", expired, ended);
        }
    }
}
