using System.Collections.Concurrent;

namespace CallFlow.Bench;

/// <summary>p50/p95/p99/max of one set of latencies, in milliseconds (nearest rank: the p-th of n is the ⌈p/100 × n⌉-th fastest).</summary>
public sealed record LatencySummary(long Count, double Mean, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0);

    public static LatencySummary Of(IReadOnlyList<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return Empty;
        }

        var sorted = milliseconds.ToArray();
        Array.Sort(sorted);
        double Rank(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
        return new LatencySummary(sorted.Length, Round(sorted.Average()), Round(Rank(50)), Round(Rank(95)), Round(Rank(99)), Round(sorted[^1]));
    }

    private static double Round(double ms) => Math.Round(ms, 3);
}

/// <summary>Latencies and failures by endpoint, recorded from many threads at once.</summary>
public sealed class LatencyBook
{
    private readonly ConcurrentDictionary<string, Samples> _endpoints = new(StringComparer.Ordinal);

    public void Record(string endpoint, double milliseconds) => Of(endpoint).Add(milliseconds);

    public void Failed(string endpoint) => Interlocked.Increment(ref Of(endpoint).Failures);

    public IReadOnlyList<string> Endpoints => [.. _endpoints.Keys.Order(StringComparer.Ordinal)];

    public long Count(params string[] endpoints) => endpoints.Sum(e => _endpoints.TryGetValue(e, out var s) ? s.Count : 0);

    public long Failures(params string[] endpoints) => endpoints.Sum(e => _endpoints.TryGetValue(e, out var s) ? Interlocked.Read(ref s.Failures) : 0);

    public long AllFailures => _endpoints.Values.Sum(s => Interlocked.Read(ref s.Failures));

    /// <summary>The summary of one endpoint, or of several taken together.</summary>
    public LatencySummary Summary(params string[] endpoints) =>
        LatencySummary.Of([.. endpoints.SelectMany(e => _endpoints.TryGetValue(e, out var s) ? s.Snapshot() : [])]);

    private Samples Of(string endpoint) => _endpoints.GetOrAdd(endpoint, _ => new Samples());

    private sealed class Samples
    {
        private readonly List<double> _values = new(4096);
        public long Failures;

        public int Count
        {
            get
            {
                lock (_values)
                {
                    return _values.Count;
                }
            }
        }

        public void Add(double value)
        {
            lock (_values)
            {
                _values.Add(value);
            }
        }

        public double[] Snapshot()
        {
            lock (_values)
            {
                return [.. _values];
            }
        }
    }
}
