using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Conversation;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Recovery;
using CallFlow.Web.Telephony.Simulator;

namespace CallFlow.Tests.Web.Recovery;

/// <summary>
/// timeout end to end: the carrier stops posting on a live call; the sweeper redirects the call with the last
/// question, and when nothing comes back ends it politely, failed or abandoned as the state says.
/// </summary>
public class TimeoutTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly TimeSpan PastTheTimeout = TimeSpan.FromSeconds(61);

    /// <summary>A caller on the line whose carrier also obeys the app's redirects (as Twilio's REST API would).</summary>
    private static async Task<SimulatedCall> DialFollowedAsync(TelephonyApp app)
    {
        var leg = await app.DialAsync();
        app.Service<SimulatedCarrierWorker>().Track(leg);
        return leg;
    }

    private static async Task SilenceAsync(TelephonyApp app, SimulatedCall leg, Func<SimulatedCall, bool> until)
    {
        app.Clock!.Advance(PastTheTimeout);
        await app.RunDueJobsAsync();
        await Eventually.UntilAsync(() => leg, until);
    }

    [Fact]
    public async Task A_silent_line_is_prompted_again_and_the_caller_can_carry_on()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await DialFollowedAsync(app);
        await leg.SpeakAsync("a haircut please");

        await SilenceAsync(app, leg, l => l.LastPrompt.StartsWith(StaleCallSweeper.StillThere, StringComparison.Ordinal));

        leg.LastPrompt.ShouldBe("Are you still there? What day would you like to come in?");
        await leg.SpeakAsync("Friday");
        leg.LastPrompt.ShouldBe("And what time suits you?");
        var note = (await app.AuditAsync(leg.CallSid)).Single(t => t.Trigger == CallTrigger.RecoveryDecided);
        (note.From, note.To, note.ActorName).ShouldBe((CallState.CollectingInfo, CallState.CollectingInfo, "recovery"));
        note.Detail.ShouldBe("recovery: timeout → no activity for 61 s, prompt again (1 of 1)");
    }

    [Fact]
    public async Task A_line_that_stays_silent_mid_booking_is_ended_politely_and_the_call_fails()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await DialFollowedAsync(app);
        await leg.SpeakAsync("a haircut please");
        await SilenceAsync(app, leg, l => l.LastPrompt.StartsWith(StaleCallSweeper.StillThere, StringComparison.Ordinal));

        await SilenceAsync(app, leg, l => l.IsOver);

        (leg.LastPrompt, leg.EndedBy).ShouldBe((StaleCallSweeper.Farewell, SimulatedCallEnd.AppHungUp));
        var call = (await app.CallAsync(leg.CallSid))!;
        (call.State, call.Outcome).ShouldBe((CallState.Failed, CallOutcome.Failed));
        var end = (await app.AuditAsync(leg.CallSid))[^1];
        (end.From, end.To, end.Trigger, end.Detail).ShouldBe((CallState.CollectingInfo, CallState.Failed, CallTrigger.Timeout,
            "recovery: timeout → end the call: no answer after 1 prompt"));
    }

    [Fact]
    public async Task A_line_that_stays_silent_before_asking_for_anything_is_abandoned()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await DialFollowedAsync(app);
        await SilenceAsync(app, leg, l => l.LastPrompt.StartsWith(StaleCallSweeper.StillThere, StringComparison.Ordinal));

        await SilenceAsync(app, leg, l => l.IsOver);

        var call = (await app.CallAsync(leg.CallSid))!;
        (call.State, call.Outcome).ShouldBe((CallState.Abandoned, CallOutcome.Abandoned));
    }

    [Fact]
    public async Task A_call_the_carrier_stopped_posting_on_is_closed_after_its_prompt()
    {
        await using var app = Conversations.OpenSalon();
        var leg = await app.DialAsync();
        await leg.SpeakAsync("a haircut please");
        app.Clock!.Advance(PastTheTimeout);

        // The simulated carrier follows no call here, like Twilio after a call it forgot: the prompt reaches nobody.
        await app.RunDueJobsAsync();
        app.Clock.Advance(PastTheTimeout);
        await app.RunDueJobsAsync();

        (await app.CallAsync(leg.CallSid))!.State.ShouldBe(CallState.Failed);
    }
}
