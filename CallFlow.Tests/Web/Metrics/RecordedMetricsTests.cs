using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Tests.Web.Conversation;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Businesses;
using CallFlow.Web.Data;
using CallFlow.Web.Metrics;
using CallFlow.Web.Telephony;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.Web.Metrics;

/// <summary>What whole calls over the carrier endpoints record for the metrics, and the figures they then make.</summary>
public class RecordedMetricsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly DateOnly Wednesday = new(2026, 3, 4);

    [Fact]
    public async Task Completions_record_how_long_the_step_was_asked_and_the_call_its_flow_version()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await app.DialAsync();
        await leg.SpeakAsync("I'd like to make an appointment");
        app.Clock!.Advance(TimeSpan.FromSeconds(4));
        await leg.SpeakAsync("styling");
        app.Clock.Advance(TimeSpan.FromSeconds(7));
        await leg.SpeakAsync("Friday at half past ten");

        var events = await app.StepEventsAsync(leg.CallSid);
        events.Where(e => e.Kind == StepEventKind.Completed).Select(e => (e.StepId, e.DurationMs)).ShouldBe([("service", 4_000), ("date", 7_000), ("time", null)],
            "the time was given before it was asked");
        events.Where(e => e.Kind is StepEventKind.Entered).ShouldAllBe(e => e.DurationMs == null);
        (await app.CallAsync(leg.CallSid))!.FlowVersionId.ShouldBe(await app.DemoFlowVersionAsync());
    }

    [Fact]
    public async Task A_hang_up_mid_step_is_saved_with_the_transition_before_anyone_hears_of_the_end()
    {
        await using var app = new TelephonyApp(clock: Conversations.WednesdayMorning())
        {
            TestServices = services => services.AddSingleton<StepEventsAtEnd>().AddSingleton<ICallEndedHandler>(p => p.GetRequiredService<StepEventsAtEnd>()),
        };
        var leg = await app.DialAsync();
        await leg.SpeakAsync("a haircut please");
        app.Clock!.Advance(TimeSpan.FromSeconds(9));

        await leg.HangUpAsync(Token);

        var failed = (await app.StepEventsAsync(leg.CallSid)).Single(e => e.Kind == StepEventKind.Failed);
        (failed.StepId, failed.Reason, failed.DurationMs).ShouldBe(("date", StepFailureReason.CallerHungUp, 9_000));
        var end = (await app.TrailAsync(leg.CallSid))[^1];
        (end.To, end.At).ShouldBe((CallState.Failed, failed.At));
        app.Service<StepEventsAtEnd>().Failures.ShouldBe(1, "the step failure was committed with the state change, before the call-ended handlers ran");
    }

    [Fact]
    public async Task A_caller_who_says_goodbye_mid_step_fails_it_once()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await app.DialAsync();
        await leg.SpeakAsync("a haircut please");

        await leg.SpeakAsync("actually, bye");
        await leg.HangUpAsync(Token);

        (await app.StepEventsAsync(leg.CallSid)).Count(e => e.Kind == StepEventKind.Failed).ShouldBe(1);
    }

    [Fact]
    public async Task Calls_placed_through_the_simulator_make_the_funnel()
    {
        await using var app = Conversations.OpenSalon();
        await app.BookByPhoneAsync();
        var lost = await app.DialAsync(from: "+12125550177");
        await lost.SpeakAsync("can I book a color");
        await lost.HangUpAsync(Token);
        var asking = await app.DialAsync(from: "+12125550178");
        await asking.SpeakAsync("what are your opening hours");
        await asking.SpeakAsync("bye");

        var report = (await app.Service<MetricsQueries>().ReportAsync([DemoBusiness.Id], new MetricsRequest(DemoBusiness.Id, Wednesday, Wednesday), Token))!;

        report.Funnel.Stages.Select(s => (s.Name, s.Reached, s.Dropped)).ShouldBe(
        [
            ("Calls", 3, 1), ("Wanted to book", 2, 0), ("Service", 2, 0), ("Date", 2, 1), ("Time", 1, 0), ("Contact info", 1, 0), ("Read-back", 1, 0), ("Booked", 1, 0),
        ]);
        report.Funnel.Stage("step:date")!.Reasons.ShouldBe([new("caller hung up", 1)]);
        report.Funnel.Stage("calls")!.Reasons.ShouldBe([new("inquiry answered", 1)]);
        report.Latency.Turns.ShouldBeGreaterThanOrEqualTo(7);
    }

    /// <summary>Reads the call's step failures when told the call ended (handlers run after the save).</summary>
    private sealed class StepEventsAtEnd(IDbContextFactory<CallFlowDb> databases) : ICallEndedHandler
    {
        public int Failures { get; private set; } = -1;

        public async Task CallEndedAsync(CallEndedByCarrier ended, CancellationToken cancellationToken)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            Failures = await db.StepEvents.CountAsync(e => e.CallId == ended.CallId && e.Kind == StepEventKind.Failed, cancellationToken);
        }
    }
}
