using Bunit;
using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Calls;
using CallFlow.Web.Components.Calls;

namespace CallFlow.Tests.Web.Components.Calls;

public class StateDiagramTests : ConsoleContext
{
    private static CallTransition Taken(CallState from, CallState to, CallTrigger trigger) =>
        new() { CallId = "call", From = from, To = to, Trigger = trigger, ActorName = "twilio" };

    [Fact]
    public void Every_state_is_drawn_and_the_current_one_is_marked()
    {
        var diagram = Render<StateDiagram>(p => p.Add(d => d.Current, CallState.CollectingInfo));

        foreach (var state in Enum.GetValues<CallState>())
        {
            diagram.Find($"g[data-state={state.ToWireName()}]");
        }

        diagram.Find("g.current").GetAttribute("data-state").ShouldBe("collecting_info");
        diagram.Find("svg").GetAttribute("aria-label")!.ShouldContain("collecting info");
    }

    [Fact]
    public void The_path_taken_is_solid_and_the_permitted_next_steps_are_dashed()
    {
        var taken = new[]
        {
            Taken(CallState.Idle, CallState.Incoming, CallTrigger.IncomingCall),
            Taken(CallState.Incoming, CallState.Connected, CallTrigger.CallAnswered),
            Taken(CallState.Connected, CallState.BookingAppointment, CallTrigger.IntentIdentified),
            Taken(CallState.BookingAppointment, CallState.CollectingInfo, CallTrigger.CollectInfo),
        };

        var diagram = Render<StateDiagram>(p => p.Add(d => d.Current, CallState.CollectingInfo).Add(d => d.Taken, taken));

        diagram.Find("path.edge[data-edge='idle->incoming']").ClassList.ShouldNotContain("next");
        diagram.Find("path.edge[data-edge='booking_appointment->collecting_info']").ClassList.ShouldNotContain("next");
        diagram.Find("path.next[data-edge='collecting_info->confirming_details']");
        diagram.Find("path.next[data-edge='collecting_info->on_hold']");
        diagram.FindAll("path.next[data-edge='collecting_info->completed']").ShouldBeEmpty();
        diagram.Find("g[data-state=connected]").ClassList.ShouldContain("visited");
    }

    [Fact]
    public void A_finished_call_offers_no_next_steps()
    {
        var diagram = Render<StateDiagram>(p => p.Add(d => d.Current, CallState.Completed));

        diagram.FindAll("path.next").ShouldBeEmpty();
    }
}
