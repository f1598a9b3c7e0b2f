using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calls;
using CallFlow.Web.Metrics;
using static CallFlow.Domain.Conversation.StepFailureReason;
using static CallFlow.Tests.Web.Metrics.MetricsSeed;

namespace CallFlow.Tests.Web.Metrics;

/// <summary>The metrics queries over a seeded week of the demo salon (New York), for Tuesday 3 to Thursday 5 March 2026.</summary>
public class MetricsQueriesTests : IAsyncLifetime
{
    private static readonly DateOnly Tuesday = new(2026, 3, 3);
    private static readonly DateOnly Thursday = new(2026, 3, 5);
    private static readonly string[] Demo = [DemoBusiness.Id];
    private readonly CallFlowApp _app = new();
    private long _v1;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _v1 = await _app.DemoFlowVersionAsync();
        await _app.SeedAsync(
            // Outside the period: a minute before Tuesday and half an hour into Friday, New York time (both in Tuesday-to-Thursday UTC days).
            new SeededCall("2026-03-02 23:59", CallOutcome.Booked) { WantsToBook = true, FlowVersionId = _v1, Steps = WholeBooking(), TurnsMs = [9_999], Callbacks = [CallbackStatus.Placed] },
            new SeededCall("2026-03-06 00:30", null) { WantsToBook = true, FlowVersionId = _v1, Steps = [Entered("service")] },
            // Inside.
            new SeededCall("2026-03-03 09:15", CallOutcome.Booked) { WantsToBook = true, FlowVersionId = _v1, Steps = WholeBooking(), TurnsMs = [100, 200, 300], Length = TimeSpan.FromMinutes(5) },
            new SeededCall("2026-03-03 23:30", CallOutcome.Booked) { WantsToBook = true, FlowVersionId = _v1, Steps = WholeBooking(), TurnsMs = [400] },
            new SeededCall("2026-03-04 10:00", CallOutcome.Transferred)
            {
                WantsToBook = true, FlowVersionId = _v1, TurnsMs = [50, 60],
                Steps = [Entered("service"), Completed("service", 1_000), Entered("date"), Retried("date", NoMatch), Failed("date", NoMatch)],
            },
            new SeededCall("2026-03-04 10:20", CallOutcome.Failed)
            {
                WantsToBook = true, FlowVersionId = _v1, Callbacks = [CallbackStatus.Placed],
                Steps = [Entered("service"), Completed("service", 1_000), Entered("date"), Completed("date", 1_000), Entered("time"), Failed("time", CallerHungUp)],
            },
            new SeededCall("2026-03-04 14:00", CallOutcome.CallbackScheduled)
            {
                WantsToBook = true, FlowVersionId = _v1, Callbacks = [CallbackStatus.Pending],
                Steps = [Completed("service", unprompted: true), Completed("date", unprompted: true), Completed("time", unprompted: true), Completed("contact", unprompted: true), Entered("confirmation")],
            },
            new SeededCall("2026-03-05 00:10", CallOutcome.Abandoned) { FlowVersionId = _v1 },
            new SeededCall("2026-03-05 11:00", CallOutcome.InquiryAnswered) { FlowVersionId = _v1 },
            new SeededCall("2026-03-05 11:05", CallOutcome.InquiryAnswered) { FlowVersionId = _v1 },
            new SeededCall("2026-03-05 16:00", CallOutcome.Transferred) { WantsToBook = true, FlowVersionId = _v1 },
            new SeededCall("2026-03-05 17:00", null) { WantsToBook = true, FlowVersionId = _v1, Steps = [Entered("service"), Completed("service", 1_000), Entered("date")] });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task<MetricsReport?> ReportAsync(DateOnly from, DateOnly to, long? version = null, IReadOnlyCollection<string>? businesses = null) =>
        _app.Service<MetricsQueries>().ReportAsync(businesses ?? Demo, new MetricsRequest(DemoBusiness.Id, from, to, version), Token);

    public static TheoryData<string, int, int, string> Funnel => new()
    {
        { "Calls", 10, 3, "inquiry answered 2; abandoned 1" },
        { "Wanted to book", 7, 1, "transferred 1" },
        { "Service", 6, 0, "" },
        { "Date", 6, 2, "no match 1; still on the call 1" },
        { "Time", 4, 1, "caller hung up 1" },
        { "Contact info", 3, 0, "" },
        { "Read-back", 3, 1, "callback scheduled 1" },
        { "Booked", 2, 0, "" },
    };

    [Theory]
    [MemberData(nameof(Funnel))]
    public async Task The_seeded_calls_of_the_period_make_exactly_this_funnel(string stage, int reached, int dropped, string reasons)
    {
        var report = (await ReportAsync(Tuesday, Thursday))!;

        report.Funnel.Stages.Select(s => s.Name).ShouldBe(["Calls", "Wanted to book", "Service", "Date", "Time", "Contact info", "Read-back", "Booked"]);
        var row = report.Funnel.Stages.Single(s => s.Name == stage);
        (row.Reached, row.Dropped, string.Join("; ", row.Reasons.Select(r => $"{r.Reason} {r.Count}"))).ShouldBe((reached, dropped, reasons));
    }

    [Fact]
    public async Task Days_are_the_business_days_so_a_late_call_counts_on_its_own_day()
    {
        var report = (await ReportAsync(Tuesday, Thursday))!;

        report.Days.Select(d => (d.Date.Day, d.Total)).ShouldBe([(3, 2), (4, 3), (5, 5)]);
        report.Days[0].Count(CallOutcome.Booked).ShouldBe(2, "the 23:30 call is Tuesday's although it is Wednesday in UTC");
        report.Days[2].StillGoing.ShouldBe(1);
        report.BusiestHours[DayOfWeek.Tuesday, 23].ShouldBe(1);
        report.BusiestHours[DayOfWeek.Thursday, 0].ShouldBe(1);
        report.BusiestHours[DayOfWeek.Wednesday, 10].ShouldBe(2);
        (await ReportAsync(Tuesday, Tuesday))!.Calls.ShouldBe(2);
        (await ReportAsync(Tuesday.AddDays(-1), Tuesday.AddDays(-1)))!.Calls.ShouldBe(1, "the call a minute before midnight is Monday's");
    }

    [Fact]
    public async Task Handle_time_latency_and_callbacks_cover_the_period_calls_only()
    {
        var report = (await ReportAsync(Tuesday, Thursday))!;

        report.HandleTime.ShouldBe(new HandleTime(9, TimeSpan.FromMinutes(5 + (8 * 2))));
        report.HandleTime.Average.ShouldBe(TimeSpan.FromSeconds(140));
        report.Latency.ShouldBe(new LatencyFigures(6, P50: 100, P95: 400, P99: 400, Mean: 185, Max: 400));
        (report.Callbacks.Scheduled, report.Callbacks.Completed).ShouldBe((2, 1));
    }

    [Fact]
    public async Task Percentiles_from_the_database_equal_the_nearest_rank_over_the_same_turns()
    {
        double[] turns = [12.5, 3, 48, 7.25, 19, 101, 33, 5, 64, 8, 27, 15];
        await _app.SeedAsync(new SeededCall("2026-03-10 12:00", CallOutcome.InquiryAnswered) { TurnsMs = turns });

        var latency = (await ReportAsync(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10)))!.Latency;

        (latency.P50, latency.P95, latency.P99).ShouldBe((
            CallFlow.Domain.Metrics.Percentiles.Of(turns, 50), CallFlow.Domain.Metrics.Percentiles.Of(turns, 95), CallFlow.Domain.Metrics.Percentiles.Of(turns, 99)));
        (latency.P50, latency.P95, latency.P99).ShouldBe((15, 101, 101));
    }

    [Fact]
    public async Task Two_flow_versions_each_count_only_their_own_calls_and_steps()
    {
        var v2 = await _app.AddFlowVersionAsync(2, "contact", "service", "date", "time");
        await _app.SeedAsync(
            new SeededCall("2026-03-04 09:00", CallOutcome.Booked) { WantsToBook = true, FlowVersionId = v2, Steps = [Entered("contact"), Completed("contact", 5_000)] },
            new SeededCall("2026-03-04 09:30", CallOutcome.Abandoned) { WantsToBook = true, FlowVersionId = v2, Steps = [Entered("contact"), Failed("contact", CallerHungUp)] });

        var first = (await ReportAsync(Tuesday, Thursday, _v1))!;
        var second = (await ReportAsync(Tuesday, Thursday, v2))!;
        var all = (await ReportAsync(Tuesday, Thursday))!;

        (first.Calls, second.Calls, all.Calls).ShouldBe((10, 2, 12));
        (first.VersionLabel, second.VersionLabel, all.VersionLabel).ShouldBe(("Version 1 (published)", "Version 2", "All versions"));
        second.Funnel.Stages.Select(s => s.Name).ShouldBe(["Calls", "Wanted to book", "contact", "service", "date", "time", "Read-back", "Booked"]);
        second.Funnel.Stage("step:contact")!.Reasons.ShouldBe([new("caller hung up", 1)]);
        second.Funnel.BookingRate.ShouldBe(0.5);
        CallFlow.Domain.Metrics.Funnel.Compare(first.Funnel, second.Funnel).Single(r => r.Key == "booked").SharePointsDifference.ShouldBe(30.0);
        var versions = await _app.Service<MetricsQueries>().VersionsAsync(Demo, DemoBusiness.Id, Token);
        versions.Select(v => v.Label).ShouldBe(["Version 2", "Version 1 (published)"]);
    }

    [Fact]
    public async Task Test_calls_from_the_console_count_nowhere_in_the_figures()
    {
        await _app.SeedAsync(
            new SeededCall("2026-03-04 09:00", CallOutcome.Booked) { IsTest = true, WantsToBook = true, FlowVersionId = _v1, Steps = WholeBooking(), TurnsMs = [5_000], Callbacks = [CallbackStatus.Placed] },
            new SeededCall("2026-03-04 09:30", CallOutcome.Abandoned) { IsTest = true, WantsToBook = true, FlowVersionId = FlowVersionFilter.BuiltIn, Steps = [Entered("service"), Failed("service", CallerHungUp)] });

        var report = (await ReportAsync(Tuesday, Thursday))!;

        report.Calls.ShouldBe(10);
        report.Funnel.Stage("booked")!.Reached.ShouldBe(2);
        report.Funnel.Stage("step:service")!.Reasons.ShouldNotContain(r => r.Reason == "caller hung up");
        report.Latency.Max.ShouldBe(400);
        (report.Callbacks.Scheduled, report.Callbacks.Completed).ShouldBe((2, 1));
        (await _app.Service<MetricsQueries>().VersionsAsync(Demo, DemoBusiness.Id, Token)).Select(v => v.Label).ShouldBe(["Version 1 (published)"], "the built-in flow ran only on test calls");
    }

    [Fact]
    public async Task Another_business_figures_never_appear()
    {
        await _app.AddSecondBusinessAsync();
        await _app.SeedAsync(new SeededCall("2026-03-04 10:00", CallOutcome.Booked) { BusinessId = SecondBusiness.Id, WantsToBook = true, TurnsMs = [5_000] });

        (await ReportAsync(Tuesday, Thursday))!.ShouldSatisfyAllConditions(
            r => r.Calls.ShouldBe(10),
            r => r.Latency.Max.ShouldBe(400));
        (await ReportAsync(Tuesday, Thursday, businesses: [SecondBusiness.Id])).ShouldBeNull("a viewer of Harbor Physio asking for the demo salon gets nothing");
        (await _app.Service<MetricsQueries>().VersionsAsync([SecondBusiness.Id], DemoBusiness.Id, Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_period_without_calls_is_an_empty_report_not_an_error()
    {
        var report = (await ReportAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 7)))!;

        report.IsEmpty.ShouldBeTrue();
        report.Days.Count.ShouldBe(7);
        report.Latency.P95.ShouldBeNull();
        report.HandleTime.Average.ShouldBeNull();
    }
}
