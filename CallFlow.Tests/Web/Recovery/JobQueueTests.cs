using CallFlow.Web.Recovery;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallFlow.Tests.Web.Recovery;

public class JobQueueTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hint_returns_at_once_while_the_job_storage_is_busy_and_reaches_it_afterwards()
    {
        var storage = new RecordingJobClient();
        await using var queue = await StartedAsync(storage);
        storage.Busy.Reset();

        queue.Text(7);
        queue.Callback(8);

        (await storage.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(10), Token)).ShouldBe("MessageJobs.SendAsync(7)");
        storage.Created.ShouldBeEmpty("the storage is still busy with the first hint");
        storage.Busy.Set();
        await storage.WaitForAsync(2);
        storage.Created.ShouldBe(["MessageJobs.SendAsync(7)", "CallbackJob.RunAsync(8)"]);
    }

    [Fact]
    public async Task A_hint_the_job_storage_refuses_does_not_stop_the_hints_after_it()
    {
        var storage = new RecordingJobClient { Refuse = "FollowUpJob.RunAsync(1)" };
        await using var queue = await StartedAsync(storage);

        queue.FollowUp(1);
        queue.Text(2);
        queue.DispatchNow();

        await storage.WaitForAsync(2);
        storage.Created.ShouldBe(["MessageJobs.SendAsync(2)", "RecoveryDispatcher.DispatchAsync()"]);
    }

    private static async Task<StartedQueue> StartedAsync(RecordingJobClient storage)
    {
        var queue = new JobQueue(storage, NullLogger<JobQueue>.Instance);
        await queue.StartAsync(Token);
        return new StartedQueue(queue);
    }

    private sealed class StartedQueue(JobQueue queue) : IAsyncDisposable
    {
        public void Text(long id) => queue.Text(id);

        public void Callback(long id) => queue.Callback(id);

        public void FollowUp(long id) => queue.FollowUp(id);

        public void DispatchNow() => queue.DispatchNow();

        public async ValueTask DisposeAsync()
        {
            await queue.StopAsync(CancellationToken.None);
            queue.Dispose();
        }
    }

    /// <summary>A job storage that records what is enqueued, can be kept busy, and can refuse one job.</summary>
    private sealed class RecordingJobClient : IBackgroundJobClient
    {
        private readonly List<string> _created = [];

        public ManualResetEventSlim Busy { get; } = new(initialState: true);

        public TaskCompletionSource<string> Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? Refuse { get; init; }

        public IReadOnlyList<string> Created
        {
            get
            {
                lock (_created)
                {
                    return [.. _created];
                }
            }
        }

        public string Create(Job job, IState state)
        {
            var name = $"{job.Type.Name}.{job.Method.Name}({string.Join(", ", job.Args.Where(a => a is not CancellationToken))})";
            Arrived.TrySetResult(name);
            Busy.Wait(TimeSpan.FromSeconds(10));
            if (name == Refuse)
            {
                throw new InvalidOperationException("The job storage cannot be reached.");
            }

            lock (_created)
            {
                _created.Add(name);
            }

            return name;
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => false;

        public async Task WaitForAsync(int count)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(Token);
            limit.CancelAfter(TimeSpan.FromSeconds(10));
            while (Created.Count < count)
            {
                await Task.Delay(10, limit.Token);
            }
        }
    }
}
