namespace CallFlow.Tests.Infrastructure;

/// <summary>Waits for something another thread does (the simulated carrier's queue, a broadcast), bounded in attempts.</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, int attempts = 200)
    {
        var value = await read();
        for (var i = 0; i < attempts && !done(value); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            value = await read();
        }

        return value;
    }

    public static Task<T> UntilAsync<T>(Func<T> read, Func<T, bool> done, int attempts = 200) =>
        UntilAsync(() => Task.FromResult(read()), done, attempts);
}
