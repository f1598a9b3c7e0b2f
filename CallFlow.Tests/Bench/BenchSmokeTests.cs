using System.Text.Json;
using CallFlow.Bench;

namespace CallFlow.Tests.Bench;

/// <summary>The harness's smoke mode checks its own report: correct, and every number computed (how fast is the benchmark's business).</summary>
public class BenchSmokeTests(SmokeRun run) : IClassFixture<SmokeRun>
{
    private BenchReport Report => run.Report;

    [Fact]
    public void The_smoke_run_places_20_calls_5_at_a_time_and_books_every_one()
    {
        Report.Run.Mode.ShouldBe(nameof(BenchMode.Calls));
        Report.Run.Calls.ShouldBe(20);
        Report.Run.Concurrency.ShouldBe(5);
        Report.Throughput.CallsPlaced.ShouldBe(20);
        Report.Throughput.CallsBooked.ShouldBe(20);
        Report.Throughput.PeakActiveCalls.ShouldBeInRange(1, 5);
    }

    [Fact]
    public void The_smoke_run_has_no_errors()
    {
        Report.Errors.Samples.ShouldBeEmpty();
        Report.Errors.Total.ShouldBe(0);
        Report.Correct.ShouldBeTrue();
        Report.Targets.ShouldContain(t => t.Name == "errors" && t.Met);
    }

    [Fact]
    public void Every_booked_call_has_one_appointment_and_none_is_double_booked()
    {
        var database = Report.Database.ShouldNotBeNull();
        database.DoubleBookings.ShouldBe(0);
        database.AppointmentsBooked.ShouldBe(Report.Run.WarmupCalls + Report.Throughput.CallsBooked);
    }

    [Fact]
    public void Every_call_placed_has_a_complete_audit_trail()
    {
        var database = Report.Database.ShouldNotBeNull();
        database.AuditProblems.ShouldBeEmpty();
        database.AuditChecked.ShouldBe(Report.Run.WarmupCalls + Report.Run.Calls);
        database.AuditComplete.ShouldBe(database.AuditChecked);
        database.CallsMissing.ShouldBe(0);
        database.AuditPercent.ShouldBe(100);
        database.TransitionRows.ShouldBeGreaterThan(0);
        database.TurnRows.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Throughput_is_computed_from_the_measured_turns()
    {
        var t = Report.Throughput;
        t.WallSeconds.ShouldBeGreaterThan(0);
        t.Turns.ShouldBeGreaterThanOrEqualTo(t.CallsPlaced * 4L, "each booking call is an incoming request and at least three turns");
        t.Requests.ShouldBeGreaterThan(t.Turns, "status callbacks are requests but not turns");
        t.TurnsPerSecond.ShouldBeGreaterThan(0);
        t.RequestsPerSecond.ShouldBeGreaterThan(t.TurnsPerSecond);
        t.CallsPerSecond.ShouldBeGreaterThan(0);
        Report.Latency.Turn.Count.ShouldBe(t.Turns);
    }

    [Fact]
    public void Latency_is_summarised_for_every_endpoint_client_and_server_side()
    {
        var l = Report.Latency;
        l.Client.Keys.ShouldBe(["incoming", "status", "turn"], ignoreOrder: true);
        l.Server.Keys.ShouldBe(["incoming", ServerTimings.ReceptionistTurn, "status", "turn"], ignoreOrder: true);
        l.BaselineClient.Keys.ShouldNotBeEmpty();

        var summaries = new[] { ("turn", l.Turn), ("baseline", l.Baseline) }
            .Concat(l.Client.Select(e => ($"{e.Key}, client", e.Value)))
            .Concat(l.Server.Select(e => ($"{e.Key}, server", e.Value)))
            .Concat(l.BaselineClient.Select(e => ($"{e.Key}, baseline", e.Value)));
        foreach (var (name, s) in summaries)
        {
            s.Count.ShouldBeGreaterThan(0, name);
            s.P50.ShouldBeGreaterThan(0, name);
            s.P50.ShouldBeLessThanOrEqualTo(s.P95, name);
            s.P95.ShouldBeLessThanOrEqualTo(s.P99, name);
            s.P99.ShouldBeLessThanOrEqualTo(s.Max, name);
            s.Mean.ShouldBeInRange(0.0, s.Max, name);
        }
    }

    [Fact]
    public void The_receptionist_s_time_is_broken_down_by_kind_of_turn_over_the_measured_calls()
    {
        var kinds = Report.TurnKinds.ShouldNotBeNull();
        kinds.Select(k => (k.Step, k.Intent)).ShouldContain(("confirmation", "Yes"), "every call confirms its booking");
        kinds.Select(k => (k.Step, k.Intent)).ShouldBeUnique();
        kinds.Sum(k => k.Receptionist.Count).ShouldBeLessThanOrEqualTo(Report.Throughput.Turns);
        kinds.Single(k => (k.Step, k.Intent) == ("confirmation", "Yes")).Receptionist.Count.ShouldBeGreaterThanOrEqualTo(Report.Throughput.CallsBooked);
        kinds.Select(k => k.Receptionist.P99).ShouldBeInOrder(SortDirection.Descending);
        foreach (var kind in kinds)
        {
            kind.Receptionist.P50.ShouldBeGreaterThan(0, $"{kind.Step}, {kind.Intent}");
            kind.Receptionist.P50.ShouldBeLessThanOrEqualTo(kind.Receptionist.P99, $"{kind.Step}, {kind.Intent}");
        }
    }

    [Fact]
    public void The_turns_p99_is_compared_with_the_baselines_p99()
    {
        var l = Report.Latency;
        l.Baseline.P99.ShouldBeGreaterThan(0);
        l.P99RatioToBaseline.ShouldBe(Math.Round(l.Turn.P99 / l.Baseline.P99, 2));
        Report.Targets.Select(t => t.Name).ShouldBe(["p99 turn latency", "p99 vs Kestrel baseline", "errors"]);
    }

    [Fact]
    public void Memory_and_cpu_of_the_process_are_measured()
    {
        var r = Report.Resources;
        r.PeakWorkingSetMb.ShouldBeGreaterThan(0);
        r.PeakManagedHeapMb.ShouldBeGreaterThan(0);
        r.CpuSeconds.ShouldBeGreaterThan(0);
        r.WallSeconds.ShouldBeGreaterThan(0);
        r.GcMode.ShouldNotBeNullOrWhiteSpace();
        Report.Machine.Cores.ShouldBe(Environment.ProcessorCount);
        Report.Machine.MemoryGb.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_json_report_reads_back_to_the_same_report()
    {
        var json = Report.ToJson();

        var read = JsonSerializer.Deserialize<BenchReport>(json, BenchReport.Json).ShouldNotBeNull();

        read.ToJson().ShouldBe(json);
    }

    [Fact]
    public void The_json_report_has_the_fields_a_reader_looks_for()
    {
        using var json = JsonDocument.Parse(Report.ToJson());
        var root = json.RootElement;

        root.GetProperty("machine").GetProperty("cores").GetInt32().ShouldBe(Environment.ProcessorCount);
        root.GetProperty("run").GetProperty("mode").GetString().ShouldBe("Calls");
        root.GetProperty("throughput").GetProperty("turnsPerSecond").GetDouble().ShouldBe(Report.Throughput.TurnsPerSecond);
        root.GetProperty("latency").GetProperty("turn").GetProperty("p99").GetDouble().ShouldBe(Report.Latency.Turn.P99);
        root.GetProperty("latency").GetProperty("p99RatioToBaseline").GetDouble().ShouldBe(Report.Latency.P99RatioToBaseline!.Value);
        root.GetProperty("latency").GetProperty("server").GetProperty("turn").GetProperty("p95").GetDouble().ShouldBeGreaterThan(0);
        root.GetProperty("errors").GetProperty("total").GetInt64().ShouldBe(0);
        root.GetProperty("database").GetProperty("doubleBookings").GetInt32().ShouldBe(0);
        root.GetProperty("database").GetProperty("auditPercent").GetDouble().ShouldBe(100);
        root.GetProperty("resources").GetProperty("peakWorkingSetMb").GetDouble().ShouldBeGreaterThan(0);
        root.GetProperty("resources").GetProperty("cpuSeconds").GetDouble().ShouldBeGreaterThan(0);
        root.GetProperty("targets").GetArrayLength().ShouldBe(Report.Targets.Count);
        root.GetProperty("correct").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void The_printed_summary_states_each_target_met_or_missed()
    {
        foreach (var target in Report.Targets)
        {
            run.Printed.ShouldContain($"[{(target.Met ? "met" : "MISSED")}] {target.Name}: {target.Target} — {target.Actual}");
        }

        run.Printed.ShouldContain("p99 turn latency: ≤ 50 ms");
        run.Printed.ShouldContain("p99 vs Kestrel baseline: ≤ 5×");
        run.Printed.ShouldContain("[met] errors: 0 — 0");
        run.Printed.ShouldContain("0 double bookings; audit 100% complete");
        run.Printed.ShouldContain("turns/s");
    }
}
