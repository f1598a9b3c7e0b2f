using CallFlow.Bench;
using CallFlow.Tests.Infrastructure;

namespace CallFlow.Tests.Bench;

public class AllocationTallyTests
{
    [Fact]
    public async Task The_tally_adds_up_the_runtime_s_allocation_ticks()
    {
        using var tally = new AllocationTally();
        const int megabytes = 32;

        var kept = new List<byte[]>();
        for (var i = 0; i < megabytes * 16; i++)
        {
            kept.Add(new byte[64 * 1024]);
        }

        // The ticks reach the listener on the runtime's own thread, a little after the allocations.
        var ticked = await Eventually.UntilAsync(() => tally.Ticked, bytes => bytes >= (megabytes - 2) * 1024L * 1024);
        ticked.ShouldBeGreaterThanOrEqualTo((megabytes - 2) * 1024L * 1024);
        tally.Bytes.ShouldBeGreaterThanOrEqualTo(ticked);
        GC.KeepAlive(kept);
    }
}
