using CallFlow.Domain.Calls;
using CallFlow.Domain.Flows;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Conversation;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Businesses;
using CallFlow.Web.Conversation;
using CallFlow.Web.TestCalls;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.Web.TestCalls;

/// <summary>Test calls from the console, placed through the carrier simulator against the app's real webhooks.</summary>
public class TestCallDialerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<long> SaveDraftAsync(TelephonyApp app, string datePrompt)
    {
        var flow = DefaultFlows.Booking(CallFlow.Tests.Domain.Understanding.Salon.NewYork);
        flow = flow with { Steps = [.. flow.Steps.Select(s => s.Id == "date" ? s with { Prompt = datePrompt } : s)] };
        var draft = await app.Service<FlowStore>().SaveDraftAsync(DemoBusiness.Id, FlowTypes.Booking, flow, "Rosa Martinez", cancellationToken: Token);
        return draft.Id;
    }

    private static async Task<TestCallLine> DialAsync(AsyncServiceScope scope, long? version = null, string from = TestCallDialer.DefaultCaller)
    {
        var start = await scope.ServiceProvider.GetRequiredService<TestCallDialer>().DialAsync(new TestCallRequest(DemoBusiness.Id, version, from), Token);
        start.Problem.ShouldBeNull();
        return start.Line.ShouldNotBeNull();
    }

    [Fact]
    public async Task An_owner_talks_to_the_draft_while_other_calls_still_run_the_published_flow()
    {
        await using var app = Conversations.OpenSalon();
        var draftId = await SaveDraftAsync(app, "Which day suits you, tester?");
        await using var owner = await app.SignedInScopeAsync(app.DemoOwner());

        using var test = await DialAsync(owner, draftId);
        (await test.SayAsync("a haircut please")).ShouldBeNull();
        var caller = await app.DialAsync();
        await caller.SpeakAsync("a haircut please");

        test.Leg.LastPrompt.ShouldBe("Which day suits you, tester?");
        caller.LastPrompt.ShouldBe("What day would you like to come in?");
        (await app.CallAsync(test.Leg.CallSid))!.ShouldSatisfyAllConditions(
            call => call.Context.Conversation.FlowVersionId.ShouldBe(draftId),
            call => call.IsTest.ShouldBeTrue());
        (await app.CallAsync(caller.CallSid))!.IsTest.ShouldBeFalse();
        test.Chat.Select(l => (l.Speaker, l.Text)).ShouldBe([
            (ChatSpeaker.Assistant, "Thanks for calling Demo Salon! I can book an appointment or answer questions. How can I help you today?"),
            (ChatSpeaker.Caller, "a haircut please"),
            (ChatSpeaker.Assistant, "Which day suits you, tester?"),
        ]);
    }

    [Fact]
    public async Task The_line_follows_the_call_s_state_live()
    {
        await using var app = Conversations.OpenSalon();
        await using var desk = await app.SignedInScopeAsync(app.DemoFrontDesk());

        using var test = await DialAsync(desk);
        test.Snapshot.ShouldNotBeNull().State.ShouldBe(CallState.Connected);
        await test.SayAsync("I'd like a haircut");

        var snapshot = await Eventually.UntilAsync(() => test.Snapshot!, s => s.State == CallState.CollectingInfo);
        snapshot.State.ShouldBe(CallState.CollectingInfo);
        snapshot.Collected["service"].ShouldBe("Haircut");
        snapshot.CurrentStepId.ShouldBe("date");

        (await test.HangUpAsync()).ShouldBeNull();
        (await test.SayAsync("hello?")).ShouldBe("The call has ended. Start over to place a new one.");
        test.Chat[^1].ShouldBe(new ChatLine(ChatSpeaker.Note, "You hung up."));
    }

    [Fact]
    public async Task Front_desk_may_call_the_published_flow_but_not_test_a_draft()
    {
        await using var app = Conversations.OpenSalon();
        var draftId = await SaveDraftAsync(app, "Draft question?");
        await using var desk = await app.SignedInScopeAsync(app.DemoFrontDesk());
        var dialer = desk.ServiceProvider.GetRequiredService<TestCallDialer>();

        var refused = await dialer.DialAsync(new TestCallRequest(DemoBusiness.Id, draftId, TestCallDialer.DefaultCaller), Token);
        var targets = await dialer.TargetsAsync(Token);

        refused.Line.ShouldBeNull();
        refused.Problem.ShouldBe("Only an owner of this business can test a flow that is not published.");
        targets.ShouldHaveSingleItem().Flows.ShouldHaveSingleItem().Label.ShouldBe("Published (v1)");
        (await app.RowCountsAsync()).Calls.ShouldBe(0);
    }

    [Fact]
    public async Task An_owner_is_offered_the_draft_and_nobody_calls_another_business_or_from_a_malformed_number()
    {
        await using var app = Conversations.OpenSalon();
        var draftId = await SaveDraftAsync(app, "Draft question?");
        var harbor = await app.AddSecondBusinessAsync();
        await using var owner = await app.SignedInScopeAsync(app.DemoOwner());
        await using var stranger = await app.SignedInScopeAsync(harbor.Owner);
        var dialer = owner.ServiceProvider.GetRequiredService<TestCallDialer>();

        var flows = (await dialer.TargetsAsync(Token)).ShouldHaveSingleItem().Flows;
        var badNumber = await dialer.DialAsync(new TestCallRequest(DemoBusiness.Id, null, "555-HAIR"), Token);
        var otherBusiness = await stranger.ServiceProvider.GetRequiredService<TestCallDialer>().DialAsync(new TestCallRequest(DemoBusiness.Id, null, TestCallDialer.DefaultCaller), Token);
        var othersDraft = await stranger.ServiceProvider.GetRequiredService<TestCallDialer>().DialAsync(new TestCallRequest(harbor.Id, draftId, TestCallDialer.DefaultCaller), Token);

        flows.Select(f => (f.VersionId, f.Label)).ShouldBe([(null, "Published (v1)"), (draftId, "Draft (v2)")]);
        badNumber.Problem.ShouldBe("The caller's number must be in international form, like +12125550199.");
        otherBusiness.Problem.ShouldBe("Choose one of your businesses to call.");
        othersDraft.Problem.ShouldBe("That flow version does not exist any more; pick another.");
        (await app.RowCountsAsync()).Calls.ShouldBe(0);
    }

    [Fact]
    public async Task A_broken_draft_can_be_tested_with_a_warning_that_it_cannot_book()
    {
        await using var app = Conversations.OpenSalon();
        var draftId = await SaveDraftAsync(app, "");
        await using var owner = await app.SignedInScopeAsync(app.DemoOwner());

        var start = await owner.ServiceProvider.GetRequiredService<TestCallDialer>().DialAsync(new TestCallRequest(DemoBusiness.Id, draftId, TestCallDialer.DefaultCaller), Token);

        start.Line.ShouldNotBeNull().Dispose();
        start.Warning.ShouldNotBeNull().ShouldContain("cannot take bookings");
    }
}
