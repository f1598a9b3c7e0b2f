using CallFlow.Domain.Metrics;

namespace CallFlow.Tests.Domain.Metrics;

public class PercentilesTests
{
    private static readonly double[] Five = [35, 20, 50, 15, 40];
    private static readonly double[] OneToHundred = [.. Enumerable.Range(1, 100).Select(i => (double)i)];
    private static readonly double[] OneToTen = [.. Enumerable.Range(1, 10).Select(i => (double)i)];

    public static TheoryData<double[], double, double> Samples => new()
    {
        // The nearest-rank textbook sample, in any order: ⌈p/100 × 5⌉ is the rank.
        { Five, 5, 15 },
        { Five, 30, 20 },
        { Five, 40, 20 },
        { Five, 50, 35 },
        { Five, 100, 50 },
        { OneToHundred, 50, 50 },
        { OneToHundred, 95, 95 },
        { OneToHundred, 99, 99 },
        { OneToTen, 50, 5 },
        { OneToTen, 95, 10 },
        { OneToTen, 99, 10 },
        { [7], 50, 7 },
        { [7], 99, 7 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_percentile_is_the_value_at_its_nearest_rank(double[] values, double percentile, double expected)
    {
        Percentiles.Of(values, percentile).ShouldBe(expected);
    }

    public static TheoryData<double, int, int> Ranks => new()
    {
        { 95, 100, 95 },
        { 99, 100, 99 },
        { 99.9, 1000, 999 },
        { 50, 3, 2 },
        { 0.1, 3, 1 },
        { 100, 3, 3 },
    };

    [Theory]
    [MemberData(nameof(Ranks))]
    public void The_rank_is_exact_where_binary_fractions_would_round_up(double percentile, int count, int rank)
    {
        Percentiles.NearestRank(percentile, count).ShouldBe(rank);
    }

    [Fact]
    public void No_values_have_no_percentile()
    {
        Percentiles.Of([], 50).ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.5)]
    public void A_percentile_outside_0_to_100_is_refused(double percentile)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Percentiles.NearestRank(percentile, 10));
    }
}
