using Hangfire;
using Microsoft.Extensions.Options;

namespace CallFlow.Web.Recovery;

/// <summary>
/// On start-up: registers the recurring jobs (the dispatcher, the sweeper, the hold clean-up) and dispatches at once.
/// Hangfire's in-memory storage starts empty after a restart; the rows in the database do not, so whatever was pending
/// is found and run (exactly once: the jobs claim their rows).
/// </summary>
public sealed class RecoveryStartup(
    IRecurringJobManager recurring,
    JobQueue queue,
    RecoveryDispatcher dispatcher,
    IOptions<JobsOptions> options,
    ILogger<RecoveryStartup> logger) : IHostedService
{
    public const string Dispatch = "recovery-dispatch";
    public const string Sweep = "stale-call-sweep";
    public const string HoldCleanup = "slot-hold-cleanup";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var jobs = options.Value;
        Register(nameof(jobs.DispatchCron), jobs.DispatchCron, cron => recurring.AddOrUpdate<RecoveryDispatcher>(Dispatch, job => job.DispatchAsync(CancellationToken.None), cron));
        Register(nameof(jobs.SweepCron), jobs.SweepCron, cron => recurring.AddOrUpdate<StaleCallSweeper>(Sweep, job => job.SweepAsync(CancellationToken.None), cron));
        Register(nameof(jobs.HoldCleanupCron), jobs.HoldCleanupCron, cron => recurring.AddOrUpdate<HoldCleanupJob>(HoldCleanup, job => job.CleanAsync(CancellationToken.None), cron));
        queue.DispatchNow();

        var (callbacks, followUps, texts) = await dispatcher.PendingAsync(cancellationToken);
        logger.LogInformation("Recovery: {Callbacks} callbacks, {FollowUps} follow-ups and {Texts} texts pending; jobs {Running}",
            callbacks, followUps, texts, jobs.RunServer ? "run here" : "are not run in this process (Jobs:RunServer is off)");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Register(string key, string cron, Action<string> register)
    {
        try
        {
            register(cron);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{JobsOptions.Section}:{key} '{cron}' is not a cron expression Hangfire understands: {e.Message}", e);
        }
    }
}
