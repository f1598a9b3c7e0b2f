using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallFlow.Bench;

/// <summary>What the run was: mode, sizes, where the app ran.</summary>
public sealed record RunReport(
    string Mode, string Command, DateTimeOffset StartedAt, int Calls, int Concurrency, double? DurationSeconds, double ThinkMs,
    int Businesses, int Days, int WarmupCalls, int BaselineCalls, string Target);

/// <summary>Calls and requests of the measured phase, and how fast they went.</summary>
public sealed record ThroughputReport(
    double WallSeconds, int CallsPlaced, int CallsBooked, int CallsWithAlternatives, long Turns, long Requests, double TurnsPerSecond,
    double RequestsPerSecond, double CallsPerSecond, int PeakActiveCalls);

/// <summary>Latency in milliseconds: the client's round trip on loopback by endpoint, and the app's own timing.</summary>
/// <param name="Turn">Every request answered with TwiML (incoming and turn): what the caller waits for.</param>
/// <param name="P99RatioToBaseline">The turn's client p99 over the baseline's client p99 at the same concurrency.</param>
public sealed record LatencyReport(
    LatencySummary Turn, LatencySummary Baseline, double? P99RatioToBaseline,
    IReadOnlyDictionary<string, LatencySummary> Client, IReadOnlyDictionary<string, LatencySummary> Server,
    IReadOnlyDictionary<string, LatencySummary> BaselineClient);

/// <summary>Everything that went wrong: refused requests, answers that were not the expected conversation, broken calls.</summary>
public sealed record ErrorReport(long Non2xx, int UnexpectedTwiml, int Exceptions, int BaselineFailures, IReadOnlyList<string> Samples)
{
    public long Total => Non2xx + UnexpectedTwiml + Exceptions + BaselineFailures;
}

/// <summary>One target of the issue, whether this run can speak to it, and whether it was met.</summary>
public sealed record TargetCheck(string Name, string Target, string Actual, bool Met);

/// <summary>The whole report, printed as a summary and written as JSON.</summary>
/// <param name="TurnKinds">The receptionist's time by kind of turn over the measured calls (when the database could be read).</param>
public sealed record BenchReport(
    MachineReport Machine, RunReport Run, ThroughputReport Throughput, LatencyReport Latency, ErrorReport Errors,
    DatabaseReport? Database, DatabaseActivityReport DatabaseActivity, ResourceReport Resources, IReadOnlyList<TargetCheck> Targets,
    IReadOnlyList<TurnKindLatency>? TurnKinds = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>No errors, no double booking, a complete audit trail for every call (when the database could be read).</summary>
    public bool Correct => Errors.Total == 0 && Database is null or { DoubleBookings: 0, CallsMissing: 0 } && (Database is null || Database.AuditComplete == Database.AuditChecked);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The targets that this run's mode measures (200 calls at once, 60 s sustained, 1,000 calls active).</summary>
    public static IReadOnlyList<TargetCheck> TargetsFor(RunReport run, ThroughputReport throughput, LatencyReport latency, ErrorReport errors, ResourceReport resources)
    {
        var targets = new List<TargetCheck>();
        if (run.Mode == nameof(BenchMode.Calls))
        {
            targets.Add(new("p99 turn latency", "≤ 50 ms", $"{latency.Turn.P99:0.0} ms at {run.Concurrency} concurrent", latency.Turn.P99 <= 50));
            if (latency.P99RatioToBaseline is { } ratio)
            {
                targets.Add(new("p99 vs Kestrel baseline", "≤ 5×", $"{ratio:0.00}× ({latency.Baseline.P99:0.0} ms)", ratio <= 5));
            }
        }

        if (run.Mode == nameof(BenchMode.Sustained))
        {
            targets.Add(new("sustained throughput", "≥ 500 turns/s for 60 s", $"{throughput.TurnsPerSecond:0} turns/s for {throughput.WallSeconds:0} s",
                throughput.TurnsPerSecond >= 500 && throughput.WallSeconds >= 60));
        }

        if (run.Mode == nameof(BenchMode.Active))
        {
            targets.Add(new("peak memory", "≤ 400 MB with 1,000 calls active", $"{resources.PeakWorkingSetMb:0} MB with {throughput.PeakActiveCalls} active",
                resources.PeakWorkingSetMb <= 400 && throughput.PeakActiveCalls >= 1000));
        }

        targets.Add(new("errors", "0", $"{errors.Total}", errors.Total == 0));
        return targets;
    }
}
