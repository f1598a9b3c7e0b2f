using CallFlow.Domain.Calls;

namespace CallFlow.Tests.Domain.Calls;

public class CallOutcomesTests
{
    public static TheoryData<CallState, CallStateChange, CallOutcome?, CallOutcome?> Cases => new()
    {
        { CallState.Completed, new(CallState.BookingAppointment, CallState.Completed, CallTrigger.BookingComplete, false), null, CallOutcome.Booked },
        { CallState.Abandoned, new(CallState.Incoming, CallState.Abandoned, CallTrigger.CallAbandoned, false), null, CallOutcome.Abandoned },
        { CallState.Failed, new(CallState.CollectingInfo, CallState.Failed, CallTrigger.ConnectionLost, false), null, CallOutcome.Failed },
        { CallState.Failed, new(CallState.CollectingInfo, CallState.Failed, CallTrigger.ConnectionLost, false), CallOutcome.CallbackScheduled, CallOutcome.CallbackScheduled },
        { CallState.Ended, new(CallState.Transferring, CallState.Ended, CallTrigger.TransferCompleted, false), null, CallOutcome.Transferred },
        { CallState.Ended, new(CallState.CollectingInfo, CallState.Ended, CallTrigger.MaxRetriesReached, false), null, CallOutcome.CallbackScheduled },
        { CallState.Ended, new(CallState.Connected, CallState.Ended, CallTrigger.CallEnded, false), null, CallOutcome.Abandoned },
        { CallState.Ended, new(CallState.InConversation, CallState.Ended, CallTrigger.CallEnded, false), null, CallOutcome.InquiryAnswered },
        { CallState.Ended, new(CallState.InConversation, CallState.Ended, CallTrigger.CallEnded, false), CallOutcome.MessageTaken, CallOutcome.MessageTaken },
        { CallState.InConversation, new(CallState.Connected, CallState.InConversation, CallTrigger.IntentIdentified, false), null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_finished_call_gets_the_outcome_its_last_transition_implies(CallState state, CallStateChange last, CallOutcome? decided, CallOutcome? expected)
    {
        CallOutcomes.For(state, last, decided).ShouldBe(expected);
    }
}
