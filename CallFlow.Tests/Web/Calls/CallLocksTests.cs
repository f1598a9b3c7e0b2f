using CallFlow.Web.Calls;

namespace CallFlow.Tests.Web.Calls;

public class CallLocksTests
{
    [Fact]
    public async Task Work_on_the_same_call_runs_one_at_a_time()
    {
        var locks = new CallLocks();
        var inside = 0;
        var maxInside = 0;

        async Task Work()
        {
            using var lease = await locks.AcquireAsync("CA1", TestContext.Current.CancellationToken);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref maxInside, now);
            await Task.Delay(5, TestContext.Current.CancellationToken);
            Interlocked.Decrement(ref inside);
        }

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(Work)));

        maxInside.ShouldBe(1);
        locks.ActiveCount.ShouldBe(0);
    }

    [Fact]
    public async Task Different_calls_never_wait_for_each_other()
    {
        var locks = new CallLocks();
        using var first = await locks.AcquireAsync("CA1", TestContext.Current.CancellationToken);

        var second = locks.AcquireAsync("CA2", TestContext.Current.CancellationToken);

        second.IsCompleted.ShouldBeTrue();
        (await second).Dispose();
    }

    [Fact]
    public async Task A_cancelled_waiter_does_not_leak_its_entry()
    {
        var locks = new CallLocks();
        var held = await locks.AcquireAsync("CA1", TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();

        var waiting = locks.AcquireAsync("CA1", cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(waiting);
        held.Dispose();
        locks.ActiveCount.ShouldBe(0);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
