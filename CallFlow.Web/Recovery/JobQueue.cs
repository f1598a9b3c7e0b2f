using System.Linq.Expressions;
using Hangfire;

namespace CallFlow.Web.Recovery;

/// <summary>
/// Asks Hangfire to run a recovery job now. Only a hint: every job's work is a row with a due time that the periodic
/// dispatcher finds anyway, so a job that could not be enqueued (or is enqueued twice) loses nothing.
/// </summary>
public sealed class JobQueue(IBackgroundJobClient client, ILogger<JobQueue> logger)
{
    public void Text(long textId) => Enqueue<MessageJobs>(job => job.SendAsync(textId, CancellationToken.None));

    public void FollowUp(long followUpId) => Enqueue<FollowUpJob>(job => job.RunAsync(followUpId, CancellationToken.None));

    public void Callback(long callbackId) => Enqueue<CallbackJob>(job => job.RunAsync(callbackId, CancellationToken.None));

    /// <summary>Looks for due work at once instead of at the next tick.</summary>
    public void DispatchNow() => Enqueue<RecoveryDispatcher>(job => job.DispatchAsync(CancellationToken.None));

    private void Enqueue<T>(Expression<Func<T, Task>> job)
    {
        try
        {
            client.Enqueue(job);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not enqueue a recovery job; the dispatcher will find its work");
        }
    }
}
