using CallFlow.Domain.Calls;
using CallFlow.Web.Calls;
using CallFlow.Web.Telephony;

namespace CallFlow.Tests.Web.Telephony;

public class CarrierStatusTests
{
    private static readonly (string Status, CallDirection Direction, CallState State, CallTrigger[] Triggers)[] Rows =
    [
        ("initiated", CallDirection.Outbound, CallState.Idle, [CallTrigger.DialOut]),
        ("ringing", CallDirection.Outbound, CallState.Idle, [CallTrigger.DialOut]),
        ("ringing", CallDirection.Outbound, CallState.Ringing, []),
        ("queued", CallDirection.Inbound, CallState.Connected, []),
        ("in-progress", CallDirection.Outbound, CallState.Ringing, [CallTrigger.CallAnswered]),
        ("in-progress", CallDirection.Outbound, CallState.Idle, [CallTrigger.DialOut, CallTrigger.CallAnswered]),
        ("answered", CallDirection.Outbound, CallState.Connected, []),
        ("in-progress", CallDirection.Inbound, CallState.InConversation, []),
        ("completed", CallDirection.Inbound, CallState.InConversation, [CallTrigger.CallEnded]),
        ("completed", CallDirection.Inbound, CallState.CollectingInfo, [CallTrigger.ConnectionLost]),
        ("completed", CallDirection.Inbound, CallState.ConfirmingDetails, [CallTrigger.ConnectionLost]),
        ("completed", CallDirection.Inbound, CallState.Incoming, [CallTrigger.CallAbandoned]),
        ("completed", CallDirection.Outbound, CallState.Ringing, [CallTrigger.CallEnded]),
        ("canceled", CallDirection.Inbound, CallState.Incoming, [CallTrigger.CallAbandoned]),
        ("busy", CallDirection.Outbound, CallState.Ringing, [CallTrigger.NotAnswered]),
        ("no-answer", CallDirection.Outbound, CallState.Idle, [CallTrigger.DialOut, CallTrigger.NotAnswered]),
        ("no-answer", CallDirection.Inbound, CallState.Incoming, [CallTrigger.CallAbandoned]),
        ("failed", CallDirection.Outbound, CallState.Ringing, [CallTrigger.CallFailed]),
        ("failed", CallDirection.Inbound, CallState.Connected, [CallTrigger.CallFailed]),
        ("completed", CallDirection.Inbound, CallState.Ended, []),
        ("failed", CallDirection.Outbound, CallState.Completed, []),
    ];

    public static TheoryData<string, CallDirection, CallState, CallTrigger[]> Mapping => new(Rows);

    [Theory]
    [MemberData(nameof(Mapping))]
    public void Each_carrier_status_fires_what_it_means_in_the_calls_state(string status, CallDirection direction, CallState state, CallTrigger[] expected)
    {
        CarrierStatus.TriggersFor(status, direction, state, heldFrom: null).ShouldBe(expected);
    }

    [Fact]
    public void Hanging_up_on_hold_during_a_booking_is_a_connection_loss()
    {
        CarrierStatus.TriggersFor("completed", CallDirection.Inbound, CallState.OnHold, CallState.CollectingInfo).ShouldBe([CallTrigger.ConnectionLost]);
        CarrierStatus.TriggersFor("completed", CallDirection.Inbound, CallState.OnHold, CallState.InConversation).ShouldBe([CallTrigger.CallEnded]);
    }

    [Fact]
    public void Every_mapped_trigger_is_one_the_machine_accepts_in_that_state()
    {
        foreach (var (status, direction, state, _) in Rows)
        {
            var lifecycle = new CallLifecycle(state);
            foreach (var trigger in CarrierStatus.TriggersFor(status, direction, state, null))
            {
                lifecycle.Fire(trigger).Outcome.ShouldBe(FireOutcome.Transitioned, $"{status} in {state}: {trigger}");
            }
        }
    }

    public static TheoryData<string?, int?, string, int?, bool> Staleness => new()
    {
        // last status, last sequence, new status, new sequence, is news
        { null, null, "ringing", 0, true },
        { "ringing", 1, "in-progress", 2, true },
        { "in-progress", 2, "in-progress", 2, false },
        { "in-progress", 2, "ringing", 1, false },
        { "completed", 3, "in-progress", 2, false },
        { "completed", 3, "completed", 3, false },
        { "completed", 3, "failed", 4, false },
        { "ringing", null, "in-progress", null, true },
        { "in-progress", null, "ringing", null, false },
        { "in-progress", null, "in-progress", null, false },
        { "ringing", 1, "completed", null, true },
        { "in-progress", 5, "ringing", null, false },
        { "ringing", 1, "in-progress", 1, true },
        { "in-progress", 1, "ringing", 1, false },
    };

    [Theory]
    [MemberData(nameof(Staleness))]
    public void A_callback_is_news_only_if_it_is_newer_than_the_last_one_applied(string? lastStatus, int? lastSequence, string status, int? sequence, bool isNews)
    {
        var stale = CarrierStatus.WhyStale(lastStatus, lastSequence, new StatusCallback("CA1", status, sequence, null, null));

        (stale is null).ShouldBe(isNews, stale);
    }
}
