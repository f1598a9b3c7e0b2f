using CallFlow.Bench;

namespace CallFlow.Tests.Bench;

public class WarmUpTests
{
    private static readonly IReadOnlyList<DateOnly> Days = [new(2026, 12, 1)];

    private static Task<CallResult> Play(int index) =>
        Task.FromResult(new CallResult(CallPlan.Draw(index, ["+15005550006"], Days, 0, 1), $"CA{index}", CallEnd.Booked, 7, false, null));

    [Fact]
    public async Task Without_settling_the_warm_up_is_the_calls_asked_for()
    {
        var calls = await WarmUp.RunAsync(50_000, 30, 5, settle: false, maxExtraCalls: 600, Play, TextWriter.Null, TestContext.Current.CancellationToken);

        calls.Select(c => c.Plan.Index).ShouldBe(Enumerable.Range(50_000, 30));
    }

    [Fact]
    public async Task Settling_adds_whole_rounds_of_new_calls_and_never_more_than_the_cap()
    {
        var progress = new StringWriter();

        var calls = await WarmUp.RunAsync(50_000, 30, 5, settle: true, maxExtraCalls: 3 * WarmUp.RoundCalls, Play, progress, TestContext.Current.CancellationToken);

        var extra = calls.Count - 30;
        extra.ShouldBeInRange(WarmUp.RoundCalls, 3 * WarmUp.RoundCalls);
        (extra % WarmUp.RoundCalls).ShouldBe(0);
        calls.Select(c => c.Plan.Index).ShouldBe(Enumerable.Range(50_000, calls.Count));
        progress.ToString().ShouldContain("JIT");
    }
}
