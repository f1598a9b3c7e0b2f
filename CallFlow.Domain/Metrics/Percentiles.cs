namespace CallFlow.Domain.Metrics;

/// <summary>
/// Percentiles by the nearest-rank method: the p-th percentile of n values is the value at rank ⌈p/100 × n⌉ (1-based)
/// in ascending order, the smallest value that at least p% of the values do not exceed. It is always a value that
/// was observed (no interpolation), so "p99 = 840 ms" means a turn really took 840 ms. The rank is computed in
/// decimal so that 95% of 100 is rank 95, not 96 by a binary rounding error.
/// </summary>
public static class Percentiles
{
    /// <summary>The 1-based rank of the <paramref name="percentile"/>-th percentile among <paramref name="count"/> sorted values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No values, or a percentile outside (0, 100].</exception>
    public static int NearestRank(double percentile, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (percentile is <= 0 or > 100 || double.IsNaN(percentile))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile is above 0 and at most 100.");
        }

        var rank = (int)Math.Ceiling((decimal)percentile * count / 100m);
        return Math.Clamp(rank, 1, count);
    }

    /// <summary>The <paramref name="percentile"/>-th percentile of <paramref name="values"/> (in any order), or null when there are none.</summary>
    public static double? Of(IEnumerable<double> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? null : sorted[NearestRank(percentile, sorted.Length) - 1];
    }
}
