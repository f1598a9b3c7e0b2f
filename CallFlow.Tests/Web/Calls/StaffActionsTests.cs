using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Calls;
using CallFlow.Web.Telephony;
using CallFlow.Web.Telephony.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallFlow.Tests.Web.Calls;

/// <summary>Front desk steering live calls through StaffActions, against the real app and the simulated carrier.</summary>
public class StaffActionsTests
{
    private const string StaffName = "Sam Lee";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Holding_a_call_puts_the_caller_in_a_queue_and_is_audited_under_the_staff_name()
    {
        await using var app = new TelephonyApp();
        var (leg, call) = await DialAsync(app);

        var result = await ActAsync(app, app.DemoFrontDesk(), actions => actions.HoldAsync(call.Id, Token));

        result.Status.ShouldBe(StaffActionStatus.Done, result.Message);
        (await app.CallAsync(leg.CallSid))!.State.ShouldBe(CallState.OnHold);
        var audit = await LastTransitionAsync(app, call);
        (audit.From, audit.To, audit.Trigger, audit.ActorKind, audit.ActorName).ShouldBe((CallState.Connected, CallState.OnHold, CallTrigger.Hold, ActorKind.Staff, StaffName));
        var redirect = (await OutboxAsync(app)).ShouldHaveSingleItem();
        (redirect.Kind, redirect.CallSid, redirect.BusinessId).ShouldBe((OutboxKind.Redirect, leg.CallSid, call.BusinessId));
        redirect.Twiml.ShouldNotBeNull().ShouldContain("<Enqueue");
        (await Eventually.UntilAsync(() => leg.IsOnHold, held => held)).ShouldBeTrue();
        leg.LastPrompt.ShouldContain("Please hold");
    }

    [Fact]
    public async Task Resuming_returns_the_call_to_where_it_was_and_the_assistant_asks_again()
    {
        await using var app = new TelephonyApp();
        var (leg, call) = await DialAsync(app);
        await leg.SayAsync("I'd like a color", cancellationToken: Token);
        await ActAsync(app, app.DemoFrontDesk(), actions => actions.HoldAsync(call.Id, Token));
        await Eventually.UntilAsync(() => leg.IsOnHold, held => held);

        var result = await ActAsync(app, app.DemoFrontDesk(), actions => actions.ResumeAsync(call.Id, Token));

        result.Status.ShouldBe(StaffActionStatus.Done, result.Message);
        var audit = await LastTransitionAsync(app, call);
        (audit.From, audit.To, audit.Trigger, audit.ActorName).ShouldBe((CallState.OnHold, CallState.CollectingInfo, CallTrigger.Resume, StaffName));
        (await Eventually.UntilAsync(() => leg.IsListening, listening => listening)).ShouldBeTrue();
        leg.Transcript.ShouldContain(line => line.Text == "Thanks for holding.");
        leg.LastPrompt.ShouldEndWith("What day would you like to come in?");
        (await OutboxAsync(app)).Select(m => m.Url).ShouldContain(WebhookUrls.Turn);
    }

    [Fact]
    public async Task Taking_over_transfers_the_caller_to_the_front_desk_number()
    {
        await using var app = new TelephonyApp();
        var (leg, call) = await DialAsync(app);

        var result = await ActAsync(app, app.DemoFrontDesk(), actions => actions.TakeOverAsync(call.Id, Token));

        result.Status.ShouldBe(StaffActionStatus.Done, result.Message);
        (await Eventually.UntilAsync(() => leg.Dialed.ToList(), dialed => dialed.Count > 0)).ShouldBe(["+12125550147"]);
        var ended = await Eventually.UntilAsync(() => app.CallAsync(leg.CallSid), c => c!.State.IsTerminal());
        (ended!.State, ended.Outcome).ShouldBe((CallState.Ended, CallOutcome.Transferred));
        await using var db = app.Db();
        var takeOver = await db.CallTransitions.SingleAsync(t => t.CallId == call.Id && t.Trigger == CallTrigger.TransferRequested, Token);
        (takeOver.ActorName, takeOver.Detail).ShouldBe((StaffName, "taken over from the console: transfer to +12125550147"));
    }

    [Fact]
    public async Task Ending_a_call_hangs_up_the_line()
    {
        await using var app = new TelephonyApp();
        var (leg, call) = await DialAsync(app);

        var result = await ActAsync(app, app.DemoOwner(), actions => actions.EndAsync(call.Id, Token));

        result.Status.ShouldBe(StaffActionStatus.Done, result.Message);
        (await app.CallAsync(leg.CallSid))!.State.ShouldBe(CallState.Ended);
        (await LastTransitionAsync(app, call)).ActorName.ShouldBe("Rosa Martinez");
        (await OutboxAsync(app)).ShouldHaveSingleItem().Kind.ShouldBe(OutboxKind.Hangup);
        (await Eventually.UntilAsync(() => leg.IsOver, over => over)).ShouldBeTrue();
        leg.EndedBy.ShouldBe(SimulatedCallEnd.Carrier);
    }

    [Fact]
    public async Task An_action_the_machine_does_not_permit_is_refused_and_the_carrier_is_not_told()
    {
        await using var app = new TelephonyApp();
        var (leg, call) = await DialAsync(app);

        var result = await ActAsync(app, app.DemoFrontDesk(), actions => actions.ResumeAsync(call.Id, Token));

        result.Status.ShouldBe(StaffActionStatus.NotPermitted);
        (await app.CallAsync(leg.CallSid))!.State.ShouldBe(CallState.Connected);
        var refusal = await LastTransitionAsync(app, call);
        (refusal.Accepted, refusal.Trigger, refusal.ActorName).ShouldBe((false, CallTrigger.Resume, StaffName));
        (await OutboxAsync(app)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_finished_call_cannot_be_steered()
    {
        await using var app = new TelephonyApp();
        var (leg, call) = await DialAsync(app);
        await leg.HangUpAsync(Token);

        var result = await ActAsync(app, app.DemoFrontDesk(), actions => actions.HoldAsync(call.Id, Token));

        result.Status.ShouldBe(StaffActionStatus.NotPermitted);
        (await OutboxAsync(app)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Front_desk_of_another_business_cannot_act_on_the_call()
    {
        await using var app = new TelephonyApp();
        var harbor = await app.AddSecondBusinessAsync();
        var (leg, call) = await DialAsync(app);
        var before = await app.RowCountsAsync();

        var result = await ActAsync(app, harbor.FrontDesk, actions => actions.EndAsync(call.Id, Token));

        result.ShouldBe(StaffActionResult.NotFound);
        (await app.CallAsync(leg.CallSid))!.State.ShouldBe(CallState.Connected);
        (await app.RowCountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task When_the_carrier_fails_nothing_is_recorded()
    {
        await using var app = new TelephonyApp
        {
            TestServices = services =>
            {
                services.RemoveAll<ICarrierClient>();
                services.AddSingleton<ICarrierClient, BrokenCarrier>();
            },
        };
        var (leg, call) = await DialAsync(app);
        var before = await app.RowCountsAsync();

        var result = await ActAsync(app, app.DemoFrontDesk(), actions => actions.HoldAsync(call.Id, Token));

        result.Status.ShouldBe(StaffActionStatus.CarrierFailed);
        result.Message.ShouldContain("Twilio could not be reached");
        (await app.CallAsync(leg.CallSid))!.State.ShouldBe(CallState.Connected);
        (await app.RowCountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Taking_over_needs_a_front_desk_number()
    {
        await using var app = new TelephonyApp();
        await using (var db = app.Db())
        {
            await db.Businesses.ExecuteUpdateAsync(b => b.SetProperty(x => x.TransferNumber, (string?)null), Token);
        }

        var (leg, call) = await DialAsync(app);

        var result = await ActAsync(app, app.DemoFrontDesk(), actions => actions.TakeOverAsync(call.Id, Token));

        result.Status.ShouldBe(StaffActionStatus.Invalid);
        (await app.CallAsync(leg.CallSid))!.State.ShouldBe(CallState.Connected);
        (await OutboxAsync(app)).ShouldBeEmpty();
    }

    /// <summary>A caller rings the demo salon through the simulator; the simulated carrier can steer the leg.</summary>
    internal static async Task<(SimulatedCall Leg, Call Call)> DialAsync(TelephonyApp app)
    {
        var leg = await app.Carrier().DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, Token);
        app.Service<SimulatedCarrierWorker>().Track(leg);
        return (leg, (await app.CallAsync(leg.CallSid))!);
    }

    internal static async Task<StaffActionResult> ActAsync(CallFlowApp app, StaffAccount who, Func<StaffActions, Task<StaffActionResult>> act)
    {
        await using var scope = await app.SignedInScopeAsync(who);
        return await act(scope.ServiceProvider.GetRequiredService<StaffActions>());
    }

    private static async Task<CallTransition> LastTransitionAsync(CallFlowApp app, Call call)
    {
        await using var db = app.Db();
        return await db.CallTransitions.Where(t => t.CallId == call.Id).OrderByDescending(t => t.Id).FirstAsync(Token);
    }

    private static async Task<List<OutboxMessage>> OutboxAsync(CallFlowApp app)
    {
        await using var db = app.Db();
        return await db.OutboxMessages.OrderBy(m => m.Id).ToListAsync(Token);
    }

    private sealed class BrokenCarrier : ICarrierClient
    {
        public Task<PlacedCall> PlaceCallAsync(OutboundCallRequest call, CancellationToken cancellationToken) => throw Unreachable();

        public Task RedirectCallAsync(string callSid, CallInstructions instructions, CancellationToken cancellationToken) => throw Unreachable();

        public Task EndCallAsync(string callSid, CancellationToken cancellationToken) => throw Unreachable();

        public Task<SentMessage> SendMessageAsync(OutboundMessage message, CancellationToken cancellationToken) => throw Unreachable();

        private static CarrierException Unreachable() => new("Twilio could not be reached: connection refused");
    }
}
