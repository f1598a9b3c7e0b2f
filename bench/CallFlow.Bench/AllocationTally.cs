using System.Diagnostics.Tracing;

namespace CallFlow.Bench;

/// <summary>
/// The bytes the process allocates, summed from the runtime's allocation ticks (one about every 100 KB, each saying how
/// much was allocated since the one before). <c>GC.GetTotalAllocatedBytes</c> alone undercounts under the server GC's
/// dynamic adaptation (DATAS): it adds up only the heaps active at the moment, so a heap retired during the run takes its
/// allocations out of the total (dotnet/runtime#131069); one run reported 218 KB per turn for 460.
/// </summary>
public sealed class AllocationTally : EventListener
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const int AllocationTickEvent = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly long _reportedAtStart = GC.GetTotalAllocatedBytes();
    private long _ticked;

    /// <summary>Bytes allocated since this tally began: the larger of <see cref="Ticked"/> and the runtime's own count.</summary>
    /// <remarks>The ticks reach the listener a little late and the runtime's count only ever falls short, so each is a floor.</remarks>
    public long Bytes => Math.Max(Ticked, GC.GetTotalAllocatedBytes() - _reportedAtStart);

    /// <summary>The bytes the allocation ticks heard so far have reported.</summary>
    public long Ticked => Interlocked.Read(ref _ticked);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeProvider)
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId == AllocationTickEvent
            && eventData.PayloadNames?.IndexOf("AllocationAmount64") is { } index and >= 0
            && eventData.Payload?[index] is ulong amount)
        {
            Interlocked.Add(ref _ticked, (long)amount);
        }
    }
}
