using System.Collections.Concurrent;
using System.Diagnostics;

namespace CallFlow.Bench;

/// <summary>
/// Keeps a number of calls on the line at once: a fixed count of calls, or new calls for a fixed time. Counts the
/// calls in progress, so the report can say how many were active at the peak.
/// </summary>
public sealed class CallLoad
{
    private int _active;
    private int _peakActive;
    private int _next;

    public int PeakActive => Volatile.Read(ref _peakActive);

    public int Active => Volatile.Read(ref _active);

    /// <summary>
    /// Plays calls <paramref name="first"/> … first + count − 1, <paramref name="concurrency"/> at a time. The first
    /// <paramref name="concurrency"/> calls ring in spread evenly over <paramref name="rampUp"/>, as calls arrive at a
    /// business, rather than all in the same millisecond; after that each call that ends makes room for the next.
    /// </summary>
    public async Task<IReadOnlyList<CallResult>> RunAsync(
        int first, int count, int concurrency, Func<int, Task<CallResult>> play, CancellationToken cancellationToken, TimeSpan rampUp = default)
    {
        var results = new ConcurrentBag<CallResult>();
        await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                if (rampUp > TimeSpan.Zero && index - first < concurrency)
                {
                    await Task.Delay(rampUp * (index - first) / concurrency, token);
                }

                results.Add(await TrackAsync(play, index));
            });
        return [.. results.OrderBy(r => r.Plan.Index)];
    }

    /// <summary>
    /// Keeps <paramref name="concurrency"/> calls going, each followed by the next, until <paramref name="duration"/>
    /// is over; the first ones ring in spread over <paramref name="rampUp"/> (or a few milliseconds apart).
    /// </summary>
    public async Task<IReadOnlyList<CallResult>> RunForAsync(
        int first, TimeSpan duration, int concurrency, Func<int, Task<CallResult>> play, CancellationToken cancellationToken, TimeSpan rampUp = default)
    {
        var results = new ConcurrentBag<CallResult>();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        _next = first;
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            // Staggered starts, so calls do not all reach the same step at the same moment.
            await Task.Delay(rampUp > TimeSpan.Zero ? rampUp * worker / concurrency : TimeSpan.FromMilliseconds(worker % 50 * 10), cancellationToken);
            while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
            {
                results.Add(await TrackAsync(play, Interlocked.Increment(ref _next) - 1));
            }
        });
        await Task.WhenAll(workers);
        return [.. results.OrderBy(r => r.Plan.Index)];
    }

    private async Task<CallResult> TrackAsync(Func<int, Task<CallResult>> play, int index)
    {
        var now = Interlocked.Increment(ref _active);
        int peak;
        while (now > (peak = Volatile.Read(ref _peakActive)) && Interlocked.CompareExchange(ref _peakActive, now, peak) != peak)
        {
        }

        try
        {
            return await play(index);
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }
}
