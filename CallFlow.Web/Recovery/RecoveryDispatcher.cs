using CallFlow.Web.Calls;
using CallFlow.Web.Conversation;
using CallFlow.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallFlow.Web.Recovery;

/// <summary>
/// The database is the source of truth for recovery: every promised callback, pending commit and text is a row with a
/// due time on the injected clock. The dispatcher (a recurring job) finds the rows due now and enqueues one job per
/// row; the jobs claim their row before acting, so a row enqueued twice, or found again after a restart, is acted on
/// once. <see cref="RunDueAsync"/> runs the same work inline, for tests and tools.
/// </summary>
public sealed class RecoveryDispatcher(
    IDbContextFactory<CallFlowDb> dbFactory,
    JobQueue queue,
    FollowUpJob followUps,
    CallbackJob callbacks,
    MessageJobs texts,
    StaleCallSweeper sweeper,
    HoldCleanupJob holds,
    IOptions<JobsOptions> options,
    TimeProvider clock,
    ILogger<RecoveryDispatcher> logger)
{
    // Two dispatches at once are harmless (every job claims its row), so none waits for another.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Dispatch due recovery work")]
    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        await ReleaseLostClaimsAsync(cancellationToken);
        var due = await DueAsync(cancellationToken);
        due.FollowUps.ForEach(queue.FollowUp);
        due.Callbacks.ForEach(queue.Callback);
        due.Texts.ForEach(queue.Text);
        if (due.Count > 0)
        {
            logger.LogInformation("Dispatched {FollowUps} follow-ups, {Callbacks} callbacks and {Texts} texts", due.FollowUps.Count, due.Callbacks.Count, due.Texts.Count);
        }
    }

    /// <summary>Runs everything due now here, one job after another: sweep, clean holds, then follow-ups, callbacks and the texts they queued.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        await sweeper.SweepAsync(cancellationToken);
        await holds.CleanAsync(cancellationToken);
        await ReleaseLostClaimsAsync(cancellationToken);
        var due = await DueAsync(cancellationToken);
        foreach (var id in due.FollowUps)
        {
            await followUps.RunAsync(id, cancellationToken);
        }

        // Follow-ups book callbacks and queue texts that may be due at once.
        due = await DueAsync(cancellationToken);
        foreach (var id in due.Callbacks)
        {
            await callbacks.RunAsync(id, cancellationToken);
        }

        foreach (var id in (await DueAsync(cancellationToken)).Texts)
        {
            await texts.SendAsync(id, cancellationToken);
        }
    }

    /// <summary>How much work is waiting in all (due or not), for the start-up log.</summary>
    public async Task<(int Callbacks, int FollowUps, int Texts)> PendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.CallbackRequests.CountAsync(r => r.Status == CallbackStatus.Pending, cancellationToken),
            await db.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Pending, cancellationToken),
            await db.OutgoingTexts.CountAsync(t => t.Status == TextStatus.Pending, cancellationToken));
    }

    private async Task<DueWork> DueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var followUps = await db.FollowUps.Where(f => f.Status == FollowUpStatus.Pending && f.DueAt <= now).OrderBy(f => f.DueAt).Select(f => f.Id).ToListAsync(cancellationToken);
        var callbacks = await db.CallbackRequests.Where(r => r.Status == CallbackStatus.Pending && r.DueAt <= now).OrderBy(r => r.DueAt).Select(r => r.Id).ToListAsync(cancellationToken);
        var texts = await db.OutgoingTexts.Where(t => t.Status == TextStatus.Pending && t.DueAt <= now).OrderBy(t => t.DueAt).Select(t => t.Id).ToListAsync(cancellationToken);
        return new DueWork(followUps, callbacks, texts);
    }

    /// <summary>Claims older than <see cref="JobsOptions.ClaimTimeout"/> were lost with the process that made them: the rows become due again.</summary>
    private async Task ReleaseLostClaimsAsync(CancellationToken cancellationToken)
    {
        var lost = clock.GetUtcNow() - options.Value.ClaimTimeout;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.FollowUps.Where(f => f.Status == FollowUpStatus.Working && f.ClaimedAt < lost)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.Status, FollowUpStatus.Pending), cancellationToken);
        await db.OutgoingTexts.Where(t => t.Status == TextStatus.Sending && t.ClaimedAt < lost)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Status, TextStatus.Pending), cancellationToken);
        await callbacks.ReconcileAsync(options.Value.ClaimTimeout, cancellationToken);
    }

    private sealed record DueWork(List<long> FollowUps, List<long> Callbacks, List<long> Texts)
    {
        public int Count => FollowUps.Count + Callbacks.Count + Texts.Count;
    }
}
