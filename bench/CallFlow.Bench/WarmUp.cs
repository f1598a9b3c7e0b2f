using System.Runtime;

namespace CallFlow.Bench;

/// <summary>
/// The unmeasured calls before the clock starts: the warm-up calls asked for, then, when the app runs in this process,
/// rounds of more until tiered compilation has settled. After start the runtime keeps recompiling hot methods with
/// full optimisation for a while (thousands of them in this app, on a background thread that takes its share of the
/// two cores); a measurement that starts before that has finished measures the JIT as much as the app.
/// </summary>
public static class WarmUp
{
    /// <summary>Calls per settling round.</summary>
    public const int RoundCalls = 100;

    /// <summary>
    /// At most this many calls beyond the warm-up asked for, so a JIT that never settles does not hold up the run (on
    /// two cores this app settles after about 1,500 calls, some 20 s).
    /// </summary>
    public const int MaxExtraCalls = 3000;

    /// <summary>A round in which the JIT compiled fewer methods than this counts as settled.</summary>
    public const int SettledBelow = 50;

    public static async Task<IReadOnlyList<CallResult>> RunAsync(
        int first, int calls, int concurrency, bool settle, int maxExtraCalls, Func<int, Task<CallResult>> play, TextWriter progress,
        CancellationToken cancellationToken)
    {
        var results = new List<CallResult>(await new CallLoad().RunAsync(first, calls, concurrency, play, cancellationToken));
        if (!settle || calls == 0)
        {
            return results;
        }

        var next = first + calls;
        while (next - first - calls < maxExtraCalls)
        {
            var before = JitInfo.GetCompiledMethodCount();
            results.AddRange(await new CallLoad().RunAsync(next, RoundCalls, concurrency, play, cancellationToken));
            next += RoundCalls;
            var compiled = JitInfo.GetCompiledMethodCount() - before;
            if (compiled < SettledBelow)
            {
                progress.WriteLine($"  the JIT settled after {results.Count} calls ({compiled} methods compiled during the last {RoundCalls})");
                return results;
            }

            progress.WriteLine($"  {compiled} methods compiled during the last {RoundCalls} calls; warming up further");
        }

        progress.WriteLine($"  the JIT was still compiling after {results.Count} calls; measuring anyway");
        return results;
    }
}
