using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CallFlow.Bench;

/// <summary>The process's memory and CPU over a phase of the run (the app, and the simulated carrier beside it).</summary>
public sealed record ResourceReport(
    double PeakWorkingSetMb, double PeakWorkingSetSampledMb, double PeakManagedHeapMb, double CpuSeconds, double WallSeconds, double AverageCoresBusy,
    int Gen0, int Gen1, int Gen2, string GcMode, double AllocatedMb, double GcPauseSeconds, long LockContentions, int PeakThreads, long PeakQueuedWorkItems,
    long JitCompiledMethods, double JitSeconds);

/// <summary>Samples the working set and managed heap four times a second; CPU time is the process's own count.</summary>
public sealed class ResourceMonitor : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly TimeSpan _cpuAtStart;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly (int, int, int) _collectionsAtStart = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    private readonly AllocationTally _allocations = new();
    private readonly TimeSpan _pausedAtStart = GC.GetTotalPauseDuration();
    private readonly long _contentionsAtStart = Monitor.LockContentionCount;
    private readonly long _jitMethodsAtStart = System.Runtime.JitInfo.GetCompiledMethodCount();
    private readonly TimeSpan _jitTimeAtStart = System.Runtime.JitInfo.GetCompilationTime();
    private long _peakThreads;
    private long _peakQueued;
    private long _peakWorkingSet;
    private long _peakHeap;

    public ResourceMonitor()
    {
        using var process = Process.GetCurrentProcess();
        _cpuAtStart = process.TotalProcessorTime;
        _sampling = SampleAsync(_stop.Token);
    }

    public ResourceReport Report()
    {
        Sample();
        using var process = Process.GetCurrentProcess();
        var cpu = (process.TotalProcessorTime - _cpuAtStart).TotalSeconds;
        var wall = Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        return new ResourceReport(
            Mb(process.PeakWorkingSet64),
            Mb(Interlocked.Read(ref _peakWorkingSet)),
            Mb(Interlocked.Read(ref _peakHeap)),
            Math.Round(cpu, 2),
            Math.Round(wall, 2),
            Math.Round(cpu / Math.Max(wall, 0.001), 2),
            GC.CollectionCount(0) - _collectionsAtStart.Item1,
            GC.CollectionCount(1) - _collectionsAtStart.Item2,
            GC.CollectionCount(2) - _collectionsAtStart.Item3,
            $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {System.Runtime.GCSettings.LatencyMode}",
            Mb(_allocations.Bytes),
            Math.Round((GC.GetTotalPauseDuration() - _pausedAtStart).TotalSeconds, 2),
            Monitor.LockContentionCount - _contentionsAtStart,
            (int)Interlocked.Read(ref _peakThreads),
            Interlocked.Read(ref _peakQueued),
            System.Runtime.JitInfo.GetCompiledMethodCount() - _jitMethodsAtStart,
            Math.Round((System.Runtime.JitInfo.GetCompilationTime() - _jitTimeAtStart).TotalSeconds, 2));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _sampling;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _allocations.Dispose();
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            Sample();
        }
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        Raise(ref _peakWorkingSet, process.WorkingSet64);
        Raise(ref _peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
        Raise(ref _peakThreads, ThreadPool.ThreadCount);
        Raise(ref _peakQueued, ThreadPool.PendingWorkItemCount);
    }

    private static void Raise(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
        {
        }
    }

    private static double Mb(long bytes) => Math.Round(bytes / 1024.0 / 1024.0, 1);
}

/// <summary>The machine the figures come from.</summary>
public sealed record MachineReport(int Cores, string Os, string Runtime, string Architecture, double MemoryGb)
{
    public static MachineReport Current() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0, 1));
}
