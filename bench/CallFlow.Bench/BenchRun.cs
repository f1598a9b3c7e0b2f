using System.Diagnostics;
using System.Text.Json;
using CallFlow.Web.Data;
using CallFlow.Web.Telephony.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CallFlow.Bench;

/// <summary>
/// One benchmark run: start the app (or reach the one at <see cref="BenchOptions.Url"/>), add the salons, warm up,
/// drive the baseline, drive the measured calls, check the database, and put it all in a <see cref="BenchReport"/>.
/// </summary>
public static class BenchRun
{
    /// <summary>Measured calls are numbered from 0, warm-up calls from here (caller numbers stay distinct).</summary>
    private const int WarmupIndex = 50_000;

    public static async Task<BenchReport> RunAsync(BenchOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        progress.WriteLine(options.Url is null ? "Starting CallFlow in this process (Release, SQLite on a temporary file, simulated carrier)..." : $"Benchmarking {options.Url}...");
        await using var app = options.Url is null ? BenchApp.Start() : null;
        var businesses = app is null ? 1 : options.BusinessCount;
        var timed = options.Mode != BenchMode.Calls;
        var days = timed && options.Days == new BenchOptions().Days ? 30 : options.Days;

        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, ConnectTimeout = TimeSpan.FromSeconds(10) };
        using var timer = new RequestTimer(handler);
        using var http = new HttpClient(timer, disposeHandler: false) { BaseAddress = app?.BaseAddress ?? options.Url, Timeout = TimeSpan.FromSeconds(60) };
        var carrier = new CarrierSimulator(http, options.AuthToken ?? app?.AuthToken ?? RootAuthToken());
        using var server = app is null ? null : new ServerTimings(app.Meter);

        if (app is not null)
        {
            await BenchBusinesses.SeedAsync(app.Databases, businesses, cancellationToken);
        }

        var numbers = BenchBusinesses.Numbers(businesses);
        var dates = CallPlan.OpenDays(days, startedAt);
        var questions = options.Mode == BenchMode.Active ? 4 : 1;
        CallPlan Plan(int index) => CallPlan.Draw(index, numbers, dates, options.Mode == BenchMode.Active ? questions : index % 2, options.Seed);
        // The first calls ring in over about one call's length (seven answers), so the calls on the line are at every
        // stage of a booking, as real calls arriving one by one are, not all at the same step at once.
        var rampUp = options.ThinkTime * 7;
        Task<CallResult> Book(int index) => BookingCaller.PlayAsync(carrier, Plan(index), options.ThinkTime, cancellationToken);
        Task<CallResult> Baseline(int index) => BaselineCaller.PlayAsync(carrier, Plan(index), options.ThinkTime, cancellationToken);
        // Warm-up calls book the open days after the measured ones (inside the salons' 60-day horizon), so the
        // measured calls find the calendar as the run's settings describe it however long the warm-up lasts.
        var lastWarmDay = DateOnly.FromDateTime(startedAt.UtcDateTime).AddDays(50);
        var warmDates = CallPlan.OpenDays(days + 60, startedAt).Skip(days).Where(d => d <= lastWarmDay).ToList() is { Count: > 0 } later ? later : dates;
        Task<CallResult> WarmUp(int index) =>
            BookingCaller.PlayAsync(carrier, CallPlan.Draw(index, numbers, warmDates, index % 2, options.Seed), TimeSpan.Zero, cancellationToken);
        Task<CallResult> WarmUpBaseline(int index) => BaselineCaller.PlayAsync(carrier, Plan(index), TimeSpan.Zero, cancellationToken);

        var baselineBook = new LatencyBook();
        var baselineCalls = app is null ? 0 : options.BaselineCalls ?? (options.Mode == BenchMode.Active ? 0 : Math.Min(2000, timed ? options.Concurrency * 10 : options.Calls));
        IReadOnlyList<CallResult> baseline = [];
        if (baselineCalls > 0)
        {
            progress.WriteLine($"Baseline: {baselineCalls} calls of fixed TwiML, {options.Concurrency} at a time...");
            await new CallLoad().RunAsync(WarmupIndex, Math.Min(options.WarmupCalls, 20), Math.Min(options.Concurrency, 20), WarmUpBaseline, cancellationToken);
            timer.Book = baselineBook;
            baseline = await new CallLoad().RunAsync(0, baselineCalls, options.Concurrency, Baseline, cancellationToken, rampUp);
            timer.Book = null;
        }

        // Right before measuring, so the JIT's optimised code (tiered compilation) is in place when the clock starts.
        progress.WriteLine($"Warming up: {options.WarmupCalls} calls...");
        var warmup = await CallFlow.Bench.WarmUp.RunAsync(
            WarmupIndex, options.WarmupCalls, Math.Min(options.Concurrency, 20), settle: app is not null && options.SettleJit,
            maxExtraCalls: Math.Min(CallFlow.Bench.WarmUp.MaxExtraCalls, businesses * 200), WarmUp, progress, cancellationToken);

        progress.WriteLine(options.Mode switch
        {
            BenchMode.Calls => $"Measuring: {options.Calls} booking calls, {options.Concurrency} at a time...",
            BenchMode.Sustained => $"Measuring: booking calls, {options.Concurrency} at a time, for {options.Duration.TotalSeconds:0} s...",
            _ => $"Measuring: {options.Concurrency} long calls on the line at once ({options.ThinkTime.TotalMilliseconds:0} ms think time) for {options.Duration.TotalSeconds:0} s...",
        });
        var client = new LatencyBook();
        var serverBook = new LatencyBook();
        var load = new CallLoad();
        await using var monitor = new ResourceMonitor();
        using var activity = new DatabaseActivity { Counting = true };
        timer.Book = client;
        server?.Book = serverBook;
        var clock = Stopwatch.StartNew();
        var measured = options.Mode == BenchMode.Calls
            ? await load.RunAsync(0, options.Calls, options.Concurrency, Book, cancellationToken, rampUp)
            : await load.RunForAsync(0, options.Duration, options.Concurrency, Book, cancellationToken, rampUp);
        var wall = clock.Elapsed.TotalSeconds;
        timer.Book = null;
        server?.Book = null;
        activity.Counting = false;
        var resources = monitor.Report();

        DatabaseReport? database = null;
        IReadOnlyList<TurnKindLatency>? turnKinds = null;
        var databases = app?.Databases ?? (options.Database is { } file ? FactoryFor(file) : null);
        if (databases is not null)
        {
            progress.WriteLine("Checking the database: double bookings and audit trails...");
            var sids = warmup.Concat(measured).Where(r => r.CallSid is not null).Select(r => r.CallSid!).ToList();
            database = await DatabaseChecks.RunAsync(databases, sids, cancellationToken);
            turnKinds = await TurnKinds.ReadAsync(databases, [.. measured.Where(r => r.CallSid is not null).Select(r => r.CallSid!)], cancellationToken);
        }

        var run = new RunReport(options.Mode.ToString(), Environment.CommandLine, startedAt, measured.Count, options.Concurrency,
            timed ? options.Duration.TotalSeconds : null, options.ThinkTime.TotalMilliseconds, businesses, days, warmup.Count, baseline.Count,
            app is null ? options.Url!.ToString() : "in-process Kestrel on loopback");
        var turns = client.Count("incoming", "turn");
        var requests = client.Endpoints.Sum(e => client.Count(e));
        var throughput = new ThroughputReport(
            Math.Round(wall, 2), measured.Count, measured.Count(r => r.End == CallEnd.Booked), measured.Count(r => r.OfferedAlternatives),
            turns, requests, Math.Round(turns / wall, 1), Math.Round(requests / wall, 1), Math.Round(measured.Count / wall, 1), load.PeakActive);
        var turnLatency = client.Summary("incoming", "turn");
        var baselineLatency = baselineBook.Summary(baselineBook.Endpoints.ToArray());
        var latency = new LatencyReport(
            turnLatency, baselineLatency, baselineLatency.Count == 0 ? null : Math.Round(turnLatency.P99 / baselineLatency.P99, 2),
            client.Endpoints.ToDictionary(e => e, e => client.Summary(e)),
            serverBook.Endpoints.ToDictionary(e => e, e => serverBook.Summary(e)),
            baselineBook.Endpoints.ToDictionary(e => e, e => baselineBook.Summary(e)));
        var problems = warmup.Concat(measured).Concat(baseline).Where(r => r.End != CallEnd.Booked).ToList();
        var errors = new ErrorReport(
            client.AllFailures,
            warmup.Concat(measured).Count(r => r.End == CallEnd.Unexpected),
            warmup.Concat(measured).Count(r => r.End == CallEnd.Failed),
            baseline.Count(r => r.End != CallEnd.Booked) + (int)baselineBook.AllFailures,
            [.. problems.Take(5).Select(r => $"call {r.Plan.Index} ({r.CallSid}): {r.Problem}")]);
        var machine = MachineReport.Current();
        return new BenchReport(machine, run, throughput, latency, errors, database, activity.Report(turns), resources,
            BenchReport.TargetsFor(run, throughput, latency, errors, resources), turnKinds);
    }

    private static IDbContextFactory<CallFlowDb> FactoryFor(string file)
    {
        var options = new DbContextOptionsBuilder<CallFlowDb>().UseSqlite($"Data Source={file}", sqlite => sqlite.MigrationsHistoryTable("__migrations")).Options;
        return new PooledDbContextFactory<CallFlowDb>(options);
    }

    /// <summary>The token of the root appsettings.json (found beside CallFlow.sln, else beside the binaries), which a local app signs with.</summary>
    private static string RootAuthToken()
    {
        var settings = new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory }
            .SelectMany(start => Ancestors(new DirectoryInfo(start)))
            .Select(dir => Path.Combine(dir.FullName, "appsettings.json"))
            .FirstOrDefault(path => File.Exists(path) && File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "CallFlow.sln")))
            ?? Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        using var json = JsonDocument.Parse(File.ReadAllText(settings));
        return json.RootElement.GetProperty("Twilio").GetProperty("AuthToken").GetString()
            ?? throw new InvalidOperationException("Give --auth-token: the root appsettings.json has no Twilio:AuthToken.");
    }

    private static IEnumerable<DirectoryInfo> Ancestors(DirectoryInfo? dir)
    {
        for (; dir is not null; dir = dir.Parent)
        {
            yield return dir;
        }
    }
}
