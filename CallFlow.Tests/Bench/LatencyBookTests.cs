using CallFlow.Bench;

namespace CallFlow.Tests.Bench;

public class LatencyBookTests
{
    [Fact]
    public void Percentiles_of_1_to_100_ms_are_the_nearest_ranks()
    {
        var summary = LatencySummary.Of([.. Enumerable.Range(1, 100).Reverse().Select(ms => (double)ms)]);

        summary.ShouldBe(new LatencySummary(100, 50.5, 50, 95, 99, 100));
    }

    public static TheoryData<double[], LatencySummary> KnownSets => new()
    {
        { [7], new LatencySummary(1, 7, 7, 7, 7, 7) },
        { [10, 1, 9, 2, 8, 3, 7, 4, 6, 5], new LatencySummary(10, 5.5, 5, 10, 10, 10) },
        { [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 500], new LatencySummary(20, 25.95, 1, 1, 500, 500) },
        { [0.1234, 0.2346], new LatencySummary(2, 0.179, 0.123, 0.235, 0.235, 0.235) },
    };

    [Theory]
    [MemberData(nameof(KnownSets))]
    public void Percentiles_of_a_known_set_are_its_nearest_ranks_rounded_to_a_microsecond(double[] milliseconds, LatencySummary expected)
    {
        LatencySummary.Of(milliseconds).ShouldBe(expected);
    }

    [Fact]
    public void No_latencies_summarise_as_empty()
    {
        LatencySummary.Of([]).ShouldBe(LatencySummary.Empty);
        new LatencyBook().Summary("turn").ShouldBe(LatencySummary.Empty);
    }

    [Fact]
    public void A_book_summarises_one_endpoint_or_several_together()
    {
        var book = new LatencyBook();
        foreach (var ms in new[] { 3.0, 1.0, 2.0 })
        {
            book.Record("turn", ms);
        }

        book.Record("incoming", 10);
        book.Failed("status");

        book.Endpoints.ShouldBe(["incoming", "status", "turn"]);
        book.Summary("turn").ShouldBe(new LatencySummary(3, 2, 2, 3, 3, 3));
        book.Summary("incoming", "turn").ShouldBe(new LatencySummary(4, 4, 2, 10, 10, 10));
        book.Count("incoming", "turn").ShouldBe(4);
        book.Failures("status").ShouldBe(1);
        book.AllFailures.ShouldBe(1);
    }

    [Fact]
    public void Latencies_recorded_from_many_threads_at_once_are_all_counted()
    {
        var book = new LatencyBook();

        Parallel.For(0, 20_000, i =>
        {
            book.Record(i % 2 == 0 ? "turn" : "incoming", i % 100);
            if (i % 10 == 0)
            {
                book.Failed("turn");
            }
        });

        book.Count("turn").ShouldBe(10_000);
        book.Count("incoming").ShouldBe(10_000);
        book.Failures("turn").ShouldBe(2_000);
        book.Summary("turn", "incoming").Max.ShouldBe(99);
    }
}
