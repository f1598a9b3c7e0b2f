using CallFlow.Bench;

namespace CallFlow.Tests.Bench;

public class BenchOptionsTests
{
    [Fact]
    public void No_arguments_give_2000_calls_200_at_a_time()
    {
        var options = BenchOptions.Parse([]);

        options.ShouldBe(new BenchOptions());
        options.Mode.ShouldBe(BenchMode.Calls);
        options.Calls.ShouldBe(2000);
        options.Concurrency.ShouldBe(200);
        options.BusinessCount.ShouldBe(20);
        options.ThinkTime.ShouldBe(TimeSpan.FromSeconds(1));
    }

    public static TheoryData<string, BenchOptions> ValidCommandLines => new()
    {
        { "--calls 500 --concurrency 50", new BenchOptions { Calls = 500, Concurrency = 50 } },
        { "--duration 60 --concurrency 100", new BenchOptions { Mode = BenchMode.Sustained, Duration = TimeSpan.FromSeconds(60), Concurrency = 100, ThinkTime = TimeSpan.Zero } },
        { "--duration 60 --think-ms 200", new BenchOptions { Mode = BenchMode.Sustained, Duration = TimeSpan.FromSeconds(60), ThinkTime = TimeSpan.FromMilliseconds(200) } },
        { "--active 1000 --duration 60", new BenchOptions { Mode = BenchMode.Active, Concurrency = 1000, Duration = TimeSpan.FromSeconds(60), ThinkTime = TimeSpan.FromSeconds(3) } },
        { "--duration 30 --active 10 --think-ms 500", new BenchOptions { Mode = BenchMode.Active, Concurrency = 10, Duration = TimeSpan.FromSeconds(30), ThinkTime = TimeSpan.FromMilliseconds(500) } },
        { "--think-ms 250", new BenchOptions { ThinkTime = TimeSpan.FromMilliseconds(250) } },
        { "--businesses 4 --days 3 --warmup 0 --baseline 0 --seed 7", new BenchOptions { Businesses = 4, Days = 3, WarmupCalls = 0, BaselineCalls = 0, Seed = 7 } },
        { "--url http://127.0.0.1:5000/ --database app.db --auth-token secret", new BenchOptions { Url = new Uri("http://127.0.0.1:5000/"), Database = "app.db", AuthToken = "secret" } },
        { "--smoke", BenchOptions.Smoke },
        { "--json out.json --smoke", BenchOptions.Smoke with { Json = "out.json" } },
        { "--smoke --json out.json", BenchOptions.Smoke with { Json = "out.json" } },
    };

    [Theory]
    [MemberData(nameof(ValidCommandLines))]
    public void A_valid_command_line_sets_what_it_names(string commandLine, BenchOptions expected)
    {
        BenchOptions.Parse(commandLine.Split(' ')).ShouldBe(expected);
    }

    [Fact]
    public void Smoke_mode_is_20_calls_5_at_a_time_with_a_small_warm_up_and_baseline()
    {
        var smoke = BenchOptions.Smoke;

        (smoke.Mode, smoke.Calls, smoke.Concurrency, smoke.WarmupCalls, smoke.SettleJit, smoke.BaselineCalls, smoke.BusinessCount)
            .ShouldBe((BenchMode.Calls, 20, 5, 2, false, (int?)20, 2));
    }

    [Fact]
    public void A_measured_run_warms_up_until_the_JIT_has_settled_unless_the_smoke_run_is_asked_for()
    {
        BenchOptions.Parse([]).SettleJit.ShouldBeTrue();
        BenchOptions.Parse(["--duration", "60", "--concurrency", "50"]).SettleJit.ShouldBeTrue();
        BenchOptions.Parse(["--smoke"]).SettleJit.ShouldBeFalse();
    }

    public static TheoryData<string, string> InvalidCommandLines => new()
    {
        { "--calls", "--calls needs a value." },
        { "--calls 0", "--calls needs a whole number of at least 1." },
        { "--calls -5", "--calls needs a whole number of at least 1." },
        { "--calls 1.5", "--calls needs a whole number of at least 1." },
        { "--concurrency many", "--concurrency needs a whole number of at least 1." },
        { "--warmup -1", "--warmup needs a whole number of at least 0." },
        { "--active", "--active needs a value." },
        { "--think-ms soon", "--think-ms needs a whole number of at least 0." },
        { "--url localhost", "--url needs an absolute URL." },
        { "--calls 10 --fast", "Unknown option --fast." },
        { "calls 10", "Unknown option calls." },
    };

    [Theory]
    [MemberData(nameof(InvalidCommandLines))]
    public void A_bad_command_line_is_refused_with_what_is_wrong(string commandLine, string message)
    {
        Should.Throw<ArgumentException>(() => BenchOptions.Parse(commandLine.Split(' '))).Message.ShouldBe(message);
    }
}
