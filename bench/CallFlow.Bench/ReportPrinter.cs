using System.Globalization;

namespace CallFlow.Bench;

/// <summary>The report as a person reads it in a terminal.</summary>
public static class ReportPrinter
{
    public static void Print(BenchReport report, TextWriter output)
    {
        var (m, run, t, l, e, db, r) = (report.Machine, report.Run, report.Throughput, report.Latency, report.Errors, report.Database, report.Resources);
        var w = output;
        w.WriteLine();
        w.WriteLine($"CallFlow benchmark — {run.Mode} mode, {run.StartedAt:yyyy-MM-dd HH:mm} UTC");
        w.WriteLine($"  machine   {m.Cores} cores, {m.MemoryGb} GB, {m.Os}, {m.Runtime} ({m.Architecture}), GC {r.GcMode}");
        w.WriteLine($"  app       {run.Target}; {run.Businesses} salon(s), appointments over {run.Days} open days");
        w.WriteLine($"  load      {t.CallsPlaced} calls ({t.CallsBooked} booked, {t.CallsWithAlternatives} took an alternative), {run.Concurrency} at a time, peak {t.PeakActiveCalls} active"
            + (run.ThinkMs > 0 ? $", {run.ThinkMs:0} ms think time" : ""));
        w.WriteLine($"  speed     {t.TurnsPerSecond:0.0} turns/s, {t.RequestsPerSecond:0.0} requests/s, {t.CallsPerSecond:0.0} calls/s over {t.WallSeconds:0.0} s ({t.Turns} turns)");
        w.WriteLine();
        w.WriteLine("  latency (ms)                    count      p50      p95      p99      max");
        Row(w, "turn (incoming + turn), client", l.Turn);
        foreach (var (endpoint, summary) in l.Client)
        {
            Row(w, $"  {endpoint}, client", summary);
        }

        foreach (var (endpoint, summary) in l.Server)
        {
            Row(w, endpoint == ServerTimings.ReceptionistTurn ? "  receptionist, server" : $"  {endpoint}, server", summary);
        }

        if (l.Baseline.Count > 0)
        {
            Row(w, "baseline (fixed TwiML), client", l.Baseline);
            w.WriteLine($"  p99 turn / p99 baseline: {l.P99RatioToBaseline:0.00}×");
        }

        if (report.TurnKinds is { Count: > 0 } kinds)
        {
            w.WriteLine();
            w.WriteLine("  receptionist by turn (step, intent)");
            foreach (var kind in kinds)
            {
                Row(w, $"  {kind.Step}, {kind.Intent}", kind.Receptionist);
            }
        }

        w.WriteLine();
        w.WriteLine($"  errors    {e.Total} ({e.Non2xx} failed requests, {e.UnexpectedTwiml} unexpected conversations, {e.Exceptions} broken calls, {e.BaselineFailures} baseline)");
        foreach (var sample in e.Samples)
        {
            w.WriteLine($"            {sample}");
        }

        if (db is not null)
        {
            w.WriteLine($"  database  {db.AppointmentsBooked} booked appointments, {db.DoubleBookings} double bookings; audit {db.AuditPercent:0.##}% complete ({db.AuditComplete}/{db.AuditChecked} calls, {db.TransitionRows} transitions, {db.TurnRows} turns)");
            foreach (var problem in db.AuditProblems)
            {
                w.WriteLine($"            {problem}");
            }
        }
        else
        {
            w.WriteLine("  database  not checked (give --database with --url)");
        }

        var a = report.DatabaseActivity;
        w.WriteLine($"  db work   {a.QueriesPerTurn:0.0} queries, {a.WritesPerTurn:0.0} writes, {a.TransactionsPerTurn:0.0} transactions per turn; {a.CommandSeconds:0.0} s in commands");
        w.WriteLine($"  runtime   {r.AllocatedMb / Math.Max(1, t.Turns) * 1024:0} KB allocated per turn, GC pauses {r.GcPauseSeconds:0.00} s, {r.LockContentions} lock contentions, thread pool up to {r.PeakThreads} threads and {r.PeakQueuedWorkItems} queued items, JIT {r.JitCompiledMethods} methods in {r.JitSeconds:0.0} s");
        w.WriteLine($"  process   peak working set {r.PeakWorkingSetMb:0} MB (sampled {r.PeakWorkingSetSampledMb:0} MB), managed heap {r.PeakManagedHeapMb:0} MB, CPU {r.CpuSeconds:0.0} s ({r.AverageCoresBusy:0.00} of {m.Cores} cores), GCs {r.Gen0}/{r.Gen1}/{r.Gen2}");
        w.WriteLine();
        foreach (var target in report.Targets)
        {
            w.WriteLine($"  [{(target.Met ? "met" : "MISSED")}] {target.Name}: {target.Target} — {target.Actual}");
        }

        w.WriteLine();
    }

    private static void Row(TextWriter w, string name, LatencySummary s) =>
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-30} {s.Count,7} {s.P50,8:0.00} {s.P95,8:0.00} {s.P99,8:0.00} {s.Max,8:0.00}"));
}
