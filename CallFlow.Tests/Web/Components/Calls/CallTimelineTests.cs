using Bunit;
using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Calls;
using CallFlow.Web.Components.Calls;

namespace CallFlow.Tests.Web.Components.Calls;

public class CallTimelineTests : ConsoleContext
{
    private static CallTransition Transition(CallState from, CallState to, CallTrigger trigger, ActorKind kind, string actor, bool accepted = true, string? detail = null, int minute = 0) => new()
    {
        CallId = "call",
        From = from,
        To = to,
        Trigger = trigger,
        Accepted = accepted,
        ActorKind = kind,
        ActorName = actor,
        Detail = detail,
        At = new DateTimeOffset(2026, 7, 1, 14, minute, 5, TimeSpan.Zero),
    };

    [Fact]
    public void Every_transition_is_shown_with_its_trigger_and_who_caused_it_in_the_business_time_zone()
    {
        var transitions = new[]
        {
            Transition(CallState.Idle, CallState.Incoming, CallTrigger.IncomingCall, ActorKind.Carrier, "twilio"),
            Transition(CallState.Incoming, CallState.Connected, CallTrigger.CallAnswered, ActorKind.Carrier, "twilio"),
            Transition(CallState.Connected, CallState.OnHold, CallTrigger.Hold, ActorKind.Staff, "Dana", detail: "checking with the stylist", minute: 2),
        };

        var timeline = Render<CallTimeline>(p => p.Add(t => t.Transitions, transitions).Add(t => t.TimeZoneId, "America/New_York"));

        var items = timeline.FindAll("[data-testid=timeline-item]");
        items.Count.ShouldBe(3);
        items[0].TextContent.ShouldContain("10:00:05"); // 14:00 UTC is 10:00 in New York in July
        items[0].TextContent.ShouldContain("incoming_call");
        items[2].TextContent.ShouldContain("connected");
        items[2].TextContent.ShouldContain("on hold");
        items[2].TextContent.ShouldContain("staff");
        items[2].TextContent.ShouldContain("Dana");
        items[2].TextContent.ShouldContain("checking with the stylist");
    }

    [Fact]
    public void A_refused_trigger_is_marked_as_refused()
    {
        var transitions = new[] { Transition(CallState.Connected, CallState.Connected, CallTrigger.Confirmed, ActorKind.Carrier, "twilio", accepted: false, detail: "confirmed is not permitted in connected") };

        var timeline = Render<CallTimeline>(p => p.Add(t => t.Transitions, transitions));

        var item = timeline.Find("[data-testid=timeline-item]");
        item.TextContent.ShouldContain("refused in connected");
        item.TextContent.ShouldContain("not permitted");
    }

    [Fact]
    public void A_call_without_transitions_says_so()
    {
        var timeline = Render<CallTimeline>(p => p.Add(t => t.Transitions, []));

        timeline.Find("[data-testid=timeline-empty]").ShouldNotBeNull();
    }
}
