using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calls;
using CallFlow.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Calls;

public class CallOrchestratorTests : IAsyncLifetime
{
    private readonly CallFlowApp _app = new();

    public ValueTask InitializeAsync()
    {
        _ = _app.Services; // starts the host: migrates and seeds the temporary database
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_incoming_call_is_created_and_answered_with_an_audit_row_per_transition()
    {
        var call = await _app.StartAsync(from: "+12125550111");

        await using var db = _app.Db();
        var stored = await db.Calls.SingleAsync(c => c.Id == call.Id, Token);
        stored.State.ShouldBe(CallState.Connected);
        stored.AnsweredAt.ShouldNotBeNull();
        stored.Context.PhoneNumber.ShouldBe("+12125550111");

        var trail = await db.CallTransitions.Where(t => t.CallId == call.Id).OrderBy(t => t.Id).ToListAsync(Token);
        trail.Select(t => (t.From, t.To, t.Trigger)).ShouldBe(
        [
            (CallState.Idle, CallState.Incoming, CallTrigger.IncomingCall),
            (CallState.Incoming, CallState.Connected, CallTrigger.CallAnswered),
        ]);
        trail.ShouldAllBe(t => t.ActorKind == ActorKind.Carrier && t.Accepted);
    }

    [Fact]
    public async Task A_call_to_an_unknown_number_creates_nothing()
    {
        var start = await _app.Orchestrator.StartInboundAsync(new InboundCall(CallFlow.Tests.Infrastructure.Calls.NewSid(), "+12125550100", "+19995550000", new CallerInfo()), Token);

        start.UnknownNumber.ShouldBeTrue();
        await using var db = _app.Db();
        (await db.Calls.CountAsync(Token)).ShouldBe(0);
    }

    [Fact]
    public async Task A_repeated_incoming_webhook_returns_the_same_call()
    {
        var sid = CallFlow.Tests.Infrastructure.Calls.NewSid();
        var first = await _app.StartAsync(sid);

        var again = await _app.Orchestrator.StartInboundAsync(new InboundCall(sid, first.From, first.To, new CallerInfo()), Token);

        again.Existing.ShouldBeTrue();
        again.Call!.Id.ShouldBe(first.Id);
        await using var db = _app.Db();
        (await db.Calls.CountAsync(c => c.CallSid == sid, Token)).ShouldBe(1);
        (await db.CallTransitions.CountAsync(t => t.CallId == first.Id, Token)).ShouldBe(2);
    }

    [Fact]
    public async Task A_greeting_that_fails_still_leaves_the_answered_call_recorded_for_the_recovery_to_find()
    {
        var sid = CallFlow.Tests.Infrastructure.Calls.NewSid();

        await Should.ThrowAsync<InvalidOperationException>(() => _app.Orchestrator.StartInboundAsync<string>(
            new InboundCall(sid, "+12125550100", DemoBusiness.DefaultPhoneNumber, new CallerInfo()),
            session =>
            {
                session.Context.Conversation.Turns = 7;
                session.Fire(CallTrigger.TransferRequested, "half-done greeting");
                throw new InvalidOperationException("the flow could not be read");
            },
            Token));

        await using var db = _app.Db();
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.CallSid == sid, Token);
        call.State.ShouldBe(CallState.Connected);
        call.Context.Conversation.Turns.ShouldBe(0, "nothing the failed greeting changed is saved");
        (await db.CallTransitions.Where(t => t.CallId == call.Id).Select(t => t.To).ToListAsync(Token)).ShouldBe([CallState.Incoming, CallState.Connected]);
    }

    [Fact]
    public async Task A_refused_trigger_is_recorded_and_changes_nothing()
    {
        var call = await _app.StartAsync();

        var result = await _app.FireAsync(call, CallTrigger.Confirmed, Actor.Staff("dana"));

        result.Outcome.ShouldBe(FireOutcome.Refused);
        await using var db = _app.Db();
        (await db.Calls.SingleAsync(c => c.Id == call.Id, Token)).State.ShouldBe(CallState.Connected);
        var refused = await db.CallTransitions.SingleAsync(t => t.CallId == call.Id && !t.Accepted, Token);
        refused.Trigger.ShouldBe(CallTrigger.Confirmed);
        refused.From.ShouldBe(CallState.Connected);
        refused.To.ShouldBe(CallState.Connected);
        refused.ActorKind.ShouldBe(ActorKind.Staff);
        refused.ActorName.ShouldBe("dana");
    }

    [Fact]
    public async Task A_late_trigger_for_a_finished_call_is_ignored_without_a_record()
    {
        var call = await _app.StartAsync();
        await _app.FireAsync(call, CallTrigger.CallEnded);

        var late = await _app.FireAsync(call, CallTrigger.CallEnded);

        late.Outcome.ShouldBe(FireOutcome.Ignored);
        await using var db = _app.Db();
        (await db.CallTransitions.CountAsync(t => t.CallId == call.Id, Token)).ShouldBe(3);
        var stored = await db.Calls.SingleAsync(c => c.Id == call.Id, Token);
        stored.State.ShouldBe(CallState.Ended);
        stored.EndedAt.ShouldNotBeNull();
        stored.Outcome.ShouldBe(CallOutcome.Abandoned);
    }

    [Fact]
    public async Task The_audit_trail_chains_every_state_the_call_passed_through()
    {
        var call = await _app.StartAsync();
        await _app.IdentifyIntentAsync(call, Intent.Book);
        await _app.FireAsync(call, CallTrigger.CollectInfo);
        await _app.FireAsync(call, CallTrigger.Hold, Actor.Staff("front desk"));
        await _app.FireAsync(call, CallTrigger.Resume, Actor.Staff("front desk"));
        await _app.FireAsync(call, CallTrigger.InfoCollected);
        await _app.FireAsync(call, CallTrigger.Confirmed);
        await _app.FireAsync(call, CallTrigger.BookingComplete);

        await using var db = _app.Db();
        var trail = await db.CallTransitions.Where(t => t.CallId == call.Id).OrderBy(t => t.Id).ToListAsync(Token);
        trail.Count.ShouldBe(9);
        trail[0].From.ShouldBe(CallState.Idle);
        for (var i = 1; i < trail.Count; i++)
        {
            trail[i].From.ShouldBe(trail[i - 1].To);
        }

        var stored = await db.Calls.SingleAsync(c => c.Id == call.Id, Token);
        stored.State.ShouldBe(trail[^1].To);
        stored.State.ShouldBe(CallState.Completed);
        stored.Outcome.ShouldBe(CallOutcome.Booked);
        trail.Where(t => t.Trigger is CallTrigger.Hold or CallTrigger.Resume).ShouldAllBe(t => t.ActorName == "front desk");
    }

    [Fact]
    public async Task Concurrent_webhooks_for_one_call_are_applied_one_after_another()
    {
        var call = await _app.StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 25).Select(i => Task.Run(() => _app.Orchestrator.ExecuteAsync(call.CallSid, Actor.Carrier, session =>
        {
            var count = int.Parse(session.Call.Context.CollectedData.GetValueOrDefault("count", "0"), System.Globalization.CultureInfo.InvariantCulture);
            session.Call.Context.CollectedData["count"] = (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult(0);
        }, Token), Token)));

        await using var db = _app.Db();
        var stored = await db.Calls.SingleAsync(c => c.Id == call.Id, Token);
        stored.Context.CollectedData["count"].ShouldBe("25");
        stored.Version.ShouldBe(25);
    }

    [Fact]
    public async Task A_unit_of_work_reads_and_saves_its_call_on_one_connection()
    {
        var call = await _app.StartAsync();

        var connections = await _app.ConnectionsUsedDuringAsync(() => _app.Orchestrator.ExecuteAsync(call.CallSid, Actor.Carrier, session =>
        {
            session.Call.Context.CollectedData["note"] = "seen";
            return Task.FromResult(0);
        }, Token));

        // The call, its business's revision and the save: one connection, not one per statement.
        connections.ShouldBe(1);
        await using var db = _app.Db();
        (await db.Calls.SingleAsync(c => c.Id == call.Id, Token)).Context.CollectedData["note"].ShouldBe("seen");
    }

    [Fact]
    public async Task A_committed_change_is_published_to_the_business_channel()
    {
        var broadcaster = _app.Service<ICallBroadcaster>();
        var received = new TaskCompletionSource<CallSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = await _app.StartAsync();
        using var subscription = broadcaster.Subscribe(call.BusinessId, snapshot =>
        {
            if (snapshot.Id == call.Id && snapshot.State == CallState.OnHold)
            {
                received.TrySetResult(snapshot);
            }

            return Task.CompletedTask;
        });

        await _app.FireAsync(call, CallTrigger.Hold);

        var snapshot = await received.Task.WaitAsync(TimeSpan.FromSeconds(5), Token);
        snapshot.From.ShouldBe(call.From);
    }

    [Fact]
    public async Task Work_on_a_call_that_does_not_exist_returns_nothing()
    {
        var result = await _app.Orchestrator.FireAsync("CA-missing", CallTrigger.CallEnded, Actor.Carrier, null, Token);

        result.ShouldBeNull();
    }
}
