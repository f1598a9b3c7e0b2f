using System.Threading.Channels;
using Hangfire;

namespace CallFlow.Web.Recovery;

/// <summary>
/// Asks Hangfire to run a recovery job now. Only a hint: every job's work is a row with a due time that the periodic
/// dispatcher finds anyway, so a job that could not be enqueued (or is enqueued twice) loses nothing. The hints are
/// handed to Hangfire in the background, in the order given: a webhook that books (and asks for the confirmation text)
/// answers the caller without waiting for the job storage, which serializes the job and waits for its own writer.
/// </summary>
public sealed class JobQueue(IBackgroundJobClient client, ILogger<JobQueue> logger) : BackgroundService
{
    private readonly Channel<Action<IBackgroundJobClient>> _hints =
        Channel.CreateUnbounded<Action<IBackgroundJobClient>>(new UnboundedChannelOptions { SingleReader = true });

    public void Text(long textId) => Hint(jobs => jobs.Enqueue<MessageJobs>(job => job.SendAsync(textId, CancellationToken.None)));

    public void FollowUp(long followUpId) => Hint(jobs => jobs.Enqueue<FollowUpJob>(job => job.RunAsync(followUpId, CancellationToken.None)));

    public void Callback(long callbackId) => Hint(jobs => jobs.Enqueue<CallbackJob>(job => job.RunAsync(callbackId, CancellationToken.None)));

    /// <summary>Looks for due work at once instead of at the next tick.</summary>
    public void DispatchNow() => Hint(jobs => jobs.Enqueue<RecoveryDispatcher>(job => job.DispatchAsync(CancellationToken.None)));

    private void Hint(Action<IBackgroundJobClient> enqueue)
    {
        if (!_hints.Writer.TryWrite(enqueue))
        {
            logger.LogInformation("The app is stopping; the dispatcher will find the job's work when it runs again");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var enqueue in _hints.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                enqueue(client);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not enqueue a recovery job; the dispatcher will find its work");
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _hints.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }
}
