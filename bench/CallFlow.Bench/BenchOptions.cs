using System.Globalization;

namespace CallFlow.Bench;

/// <summary>What the operator asks the harness for.</summary>
public enum BenchMode
{
    /// <summary>A fixed number of calls, a fixed number at a time: latency at that concurrency.</summary>
    Calls,

    /// <summary>Calls one after another, a fixed number at a time, for a fixed time: sustained throughput.</summary>
    Sustained,

    /// <summary>Long conversations with think time, all on the line at once: memory with many calls active.</summary>
    Active,
}

/// <summary>
/// One run of the harness: how many calls, how many at a time, for how long, against what. Parsed from the command
/// line (<see cref="Parse"/>); every field has the default the README documents.
/// </summary>
public sealed record BenchOptions
{
    public BenchMode Mode { get; init; } = BenchMode.Calls;

    /// <summary>Calls to place (Calls mode), or none (Sustained and Active run for <see cref="Duration"/>).</summary>
    public int Calls { get; init; } = 2000;

    /// <summary>Calls on the line at once.</summary>
    public int Concurrency { get; init; } = 200;

    /// <summary>How long Sustained and Active modes run.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a caller takes to answer, ± a third of it at random. A real caller hears the prompt out and speaks
    /// (several seconds a turn); the default second is faster than any of them, so 200 calls on the line offer about
    /// 170 turns a second. Sustained mode answers back to back (0) to find the ceiling; Active mode waits 3 s.
    /// </summary>
    public TimeSpan ThinkTime { get; init; } = DefaultThinkTime;

    public static readonly TimeSpan DefaultThinkTime = TimeSpan.FromSeconds(1);

    /// <summary>Salons the calls are spread over; null: one per 100 calls (at least one), 20 in timed modes.</summary>
    public int? Businesses { get; init; }

    /// <summary>Open days, from tomorrow on, the requested appointments are spread over (a week by default).</summary>
    public int Days { get; init; } = 6;

    /// <summary>Calls placed before measuring, to warm the JIT, the connection pools and the caches.</summary>
    public int WarmupCalls { get; init; } = 200;

    /// <summary>
    /// After the warm-up calls, keep warming up in rounds until tiered compilation has settled (in-process only), so
    /// the measurement sees the app's steady state rather than the JIT still optimising it.
    /// </summary>
    public bool SettleJit { get; init; } = true;

    /// <summary>Calls played against the fixed-TwiML baseline endpoint first; null: as many as measured calls (at most 2,000).</summary>
    public int? BaselineCalls { get; init; }

    /// <summary>An app already running (no baseline, no server-side timings; database checks only with <see cref="Database"/>).</summary>
    public Uri? Url { get; init; }

    /// <summary>The SQLite file of the app at <see cref="Url"/>, for the double-booking and audit checks.</summary>
    public string? Database { get; init; }

    /// <summary>The token webhooks are signed with (the app's <c>Twilio:AuthToken</c>).</summary>
    public string? AuthToken { get; init; }

    /// <summary>Where to write the JSON report.</summary>
    public string? Json { get; init; }

    /// <summary>Seed of the callers' choices, so two runs ask for the same appointments.</summary>
    public int Seed { get; init; } = 2026;

    /// <summary>A fast run for the test suite: 20 calls, 5 at a time, small warm-up and baseline.</summary>
    public static BenchOptions Smoke { get; } = new() { Calls = 20, Concurrency = 5, ThinkTime = TimeSpan.Zero, WarmupCalls = 2, SettleJit = false, BaselineCalls = 20, Businesses = 2 };

    public int BusinessCount => Businesses ?? (Mode == BenchMode.Calls ? Math.Max(1, (Calls + 99) / 100) : 20);

    public const string Usage = """
        CallFlow benchmark: complete simulated calls through the real webhooks over loopback HTTP.

          dotnet run -c Release --project bench/CallFlow.Bench -- [options]

          --calls N          calls to place (default 2000)
          --concurrency C    calls on the line at once (default 200)
          --duration S       sustained mode: keep C calls going for S seconds and report turns/s
          --active N         memory mode: N long calls with think time on the line at once for --duration (default 60 s)
          --think-ms MS      pause before each caller answer (default 1000; 0 with --duration; 3000 in --active mode)
          --businesses B     salons to spread calls over (default one per 100 calls; 20 in timed modes)
          --days D           open days from tomorrow the appointments are spread over (default 6: a week)
          --warmup N         unmeasured calls just before measuring (default 200), then more until the JIT
                             has settled (at most 3000 more, 200 per salon; none with --warmup 0)
          --baseline N       calls against the fixed-TwiML baseline (default: as many as measured, at most 2000)
          --url URL          benchmark an app already running there (no baseline, no server timings)
          --database FILE    with --url: its SQLite file, for the double-booking and audit checks
          --auth-token T     with --url: its Twilio:AuthToken (default: the root appsettings.json's)
          --json FILE        also write the report as JSON
          --seed N           seed of the callers' choices (default 2026)
          --smoke            20 calls, 5 at a time (what the test suite runs)
        """;

    /// <summary>Reads the command line; throws <see cref="ArgumentException"/> with the problem for anything unknown or malformed.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        int? active = null;
        TimeSpan? think = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Number(int min) => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                ? n
                : throw new ArgumentException($"{name} needs a whole number of at least {min}.");

            options = name switch
            {
                "--calls" => options with { Calls = Number(1) },
                "--concurrency" => options with { Concurrency = Number(1) },
                "--duration" => options with { Mode = active is null ? BenchMode.Sustained : BenchMode.Active, Duration = TimeSpan.FromSeconds(Number(1)) },
                "--businesses" => options with { Businesses = Number(1) },
                "--days" => options with { Days = Number(1) },
                "--warmup" => options with { WarmupCalls = Number(0) },
                "--baseline" => options with { BaselineCalls = Number(0) },
                "--url" => options with { Url = Uri.TryCreate(Value(), UriKind.Absolute, out var url) ? url : throw new ArgumentException("--url needs an absolute URL.") },
                "--database" => options with { Database = Value() },
                "--auth-token" => options with { AuthToken = Value() },
                "--json" => options with { Json = Value() },
                "--seed" => options with { Seed = Number(0) },
                "--smoke" => Smoke with { Json = options.Json },
                "--think-ms" => options,
                "--active" => options,
                _ => throw new ArgumentException($"Unknown option {name}."),
            };

            if (name == "--think-ms")
            {
                think = TimeSpan.FromMilliseconds(Number(0));
            }
            else if (name == "--active")
            {
                active = Number(1);
                options = options with { Mode = BenchMode.Active, Concurrency = active.Value };
            }
        }

        if (options.Mode == BenchMode.Active)
        {
            options = options with { Concurrency = active ?? options.Concurrency, ThinkTime = think ?? TimeSpan.FromSeconds(3) };
        }
        else if (think is { } pause)
        {
            options = options with { ThinkTime = pause };
        }
        else if (options.Mode == BenchMode.Sustained)
        {
            options = options with { ThinkTime = TimeSpan.Zero };
        }

        return options;
    }
}
