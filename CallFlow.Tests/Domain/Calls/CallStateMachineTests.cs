using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;

namespace CallFlow.Tests.Domain.Calls;

public class CallStateMachineTests
{
    private static (CallStateMachine Machine, Func<CallState> State, CallContext Context) MachineIn(CallState start, CallState? heldFrom = null)
    {
        var state = start;
        var context = new CallContext { HeldFrom = heldFrom };
        var machine = new CallStateMachine(() => state, s => state = s, context);
        return (machine, () => state, context);
    }

    /// <summary>Fires a trigger, supplying the argument parameterized triggers need.</summary>
    private static FireResult Fire(CallStateMachine machine, CallTrigger trigger, object? argument) => trigger switch
    {
        CallTrigger.IntentIdentified => machine.IdentifyIntent((Intent)argument!),
        CallTrigger.MaxRetriesReached => machine.ReachRetryLimit((Fallback)argument!),
        _ => machine.Fire(trigger),
    };

    public static TheoryData<CallState, CallTrigger, object?, CallState> PermittedTransitions => new()
    {
        { CallState.Idle, CallTrigger.IncomingCall, null, CallState.Incoming },
        { CallState.Idle, CallTrigger.DialOut, null, CallState.Ringing },
        { CallState.Incoming, CallTrigger.CallAnswered, null, CallState.Connected },
        { CallState.Incoming, CallTrigger.CallAbandoned, null, CallState.Abandoned },
        { CallState.Incoming, CallTrigger.CallEnded, null, CallState.Abandoned },
        { CallState.Incoming, CallTrigger.Timeout, null, CallState.Abandoned },
        { CallState.Incoming, CallTrigger.CallFailed, null, CallState.Failed },
        { CallState.Ringing, CallTrigger.CallAnswered, null, CallState.Connected },
        { CallState.Ringing, CallTrigger.NotAnswered, null, CallState.Failed },
        { CallState.Ringing, CallTrigger.CallEnded, null, CallState.Failed },
        { CallState.Ringing, CallTrigger.Timeout, null, CallState.Failed },
        { CallState.Ringing, CallTrigger.CallFailed, null, CallState.Failed },
        { CallState.Connected, CallTrigger.IntentIdentified, Intent.Book, CallState.BookingAppointment },
        { CallState.Connected, CallTrigger.IntentIdentified, Intent.Reschedule, CallState.BookingAppointment },
        { CallState.Connected, CallTrigger.IntentIdentified, Intent.GeneralInquiry, CallState.InConversation },
        { CallState.Connected, CallTrigger.IntentIdentified, Intent.Cancel, CallState.InConversation },
        { CallState.Connected, CallTrigger.MaxRetriesReached, Fallback.TransferToStaff, CallState.Transferring },
        { CallState.Connected, CallTrigger.MaxRetriesReached, Fallback.Callback, CallState.Ended },
        { CallState.Connected, CallTrigger.MaxRetriesReached, Fallback.TakeMessage, CallState.InConversation },
        { CallState.Connected, CallTrigger.TransferRequested, null, CallState.Transferring },
        { CallState.Connected, CallTrigger.Hold, null, CallState.OnHold },
        { CallState.Connected, CallTrigger.CallEnded, null, CallState.Ended },
        { CallState.Connected, CallTrigger.ConnectionLost, null, CallState.Failed },
        { CallState.Connected, CallTrigger.CallFailed, null, CallState.Failed },
        { CallState.Connected, CallTrigger.Timeout, null, CallState.Abandoned },
        { CallState.InConversation, CallTrigger.IntentIdentified, Intent.Book, CallState.BookingAppointment },
        { CallState.InConversation, CallTrigger.IntentIdentified, Intent.GeneralInquiry, CallState.InConversation },
        { CallState.InConversation, CallTrigger.MaxRetriesReached, Fallback.TakeMessage, CallState.InConversation },
        { CallState.InConversation, CallTrigger.MaxRetriesReached, Fallback.TransferToStaff, CallState.Transferring },
        { CallState.InConversation, CallTrigger.MaxRetriesReached, Fallback.Callback, CallState.Ended },
        { CallState.InConversation, CallTrigger.TransferRequested, null, CallState.Transferring },
        { CallState.InConversation, CallTrigger.Hold, null, CallState.OnHold },
        { CallState.InConversation, CallTrigger.CallEnded, null, CallState.Ended },
        { CallState.InConversation, CallTrigger.ConnectionLost, null, CallState.Failed },
        { CallState.InConversation, CallTrigger.CallFailed, null, CallState.Failed },
        { CallState.InConversation, CallTrigger.Timeout, null, CallState.Abandoned },
        { CallState.BookingAppointment, CallTrigger.CollectInfo, null, CallState.CollectingInfo },
        { CallState.BookingAppointment, CallTrigger.BookingComplete, null, CallState.Completed },
        { CallState.BookingAppointment, CallTrigger.BookingFailed, null, CallState.CollectingInfo },
        { CallState.BookingAppointment, CallTrigger.Timeout, null, CallState.Failed },
        { CallState.BookingAppointment, CallTrigger.CallEnded, null, CallState.Ended },
        { CallState.BookingAppointment, CallTrigger.ConnectionLost, null, CallState.Failed },
        { CallState.BookingAppointment, CallTrigger.TransferRequested, null, CallState.Transferring },
        { CallState.CollectingInfo, CallTrigger.InfoIncomplete, null, CallState.CollectingInfo },
        { CallState.CollectingInfo, CallTrigger.InfoCollected, null, CallState.ConfirmingDetails },
        { CallState.CollectingInfo, CallTrigger.Cancelled, null, CallState.InConversation },
        { CallState.CollectingInfo, CallTrigger.Timeout, null, CallState.Failed },
        { CallState.CollectingInfo, CallTrigger.MaxRetriesReached, Fallback.TransferToStaff, CallState.Transferring },
        { CallState.CollectingInfo, CallTrigger.MaxRetriesReached, Fallback.Callback, CallState.Ended },
        { CallState.CollectingInfo, CallTrigger.Hold, null, CallState.OnHold },
        { CallState.CollectingInfo, CallTrigger.ConnectionLost, null, CallState.Failed },
        { CallState.CollectingInfo, CallTrigger.CallEnded, null, CallState.Ended },
        { CallState.CollectingInfo, CallTrigger.TransferRequested, null, CallState.Transferring },
        { CallState.ConfirmingDetails, CallTrigger.Confirmed, null, CallState.BookingAppointment },
        { CallState.ConfirmingDetails, CallTrigger.ChangesRequested, null, CallState.CollectingInfo },
        { CallState.ConfirmingDetails, CallTrigger.Cancelled, null, CallState.InConversation },
        { CallState.ConfirmingDetails, CallTrigger.Timeout, null, CallState.Failed },
        { CallState.ConfirmingDetails, CallTrigger.ConnectionLost, null, CallState.Failed },
        { CallState.ConfirmingDetails, CallTrigger.Hold, null, CallState.OnHold },
        { CallState.Transferring, CallTrigger.TransferCompleted, null, CallState.Ended },
        { CallState.Transferring, CallTrigger.TransferFailed, null, CallState.InConversation },
        { CallState.Transferring, CallTrigger.CallEnded, null, CallState.Ended },
        { CallState.Transferring, CallTrigger.ConnectionLost, null, CallState.Failed },
        { CallState.OnHold, CallTrigger.Resume, null, CallState.InConversation },
        { CallState.OnHold, CallTrigger.TransferRequested, null, CallState.Transferring },
        { CallState.OnHold, CallTrigger.CallEnded, null, CallState.Ended },
        { CallState.OnHold, CallTrigger.ConnectionLost, null, CallState.Failed },
    };

    [Theory]
    [MemberData(nameof(PermittedTransitions))]
    public void A_permitted_trigger_moves_the_call_to_its_target_state(CallState from, CallTrigger trigger, object? argument, CallState to)
    {
        var (machine, state, _) = MachineIn(from);

        var result = Fire(machine, trigger, argument);

        result.Outcome.ShouldBe(FireOutcome.Transitioned);
        state().ShouldBe(to);
        result.Changes.ShouldHaveSingleItem().ShouldBe(new CallStateChange(from, to, trigger, from == to));
    }

    [Fact]
    public void The_table_covers_every_transition_the_machine_declares()
    {
        var declared = CallStateMachine.Transitions
            .Where(t => t.Trigger != CallTrigger.Resume)
            .Select(t => (t.From, t.Trigger, t.To))
            .ToHashSet();
        var tested = PermittedTransitions.Select(row => ((CallState)row.Data.Item1, (CallTrigger)row.Data.Item2, (CallState)row.Data.Item4)).ToHashSet();

        // Substates inherit Connected's transitions; the table samples them rather than repeating all.
        var ownTransitions = declared.Where(d => !IsInheritedFromConnected(d)).ToHashSet();
        ownTransitions.Except(tested).ShouldBeEmpty();
    }

    private static bool IsInheritedFromConnected((CallState From, CallTrigger Trigger, CallState To) transition) =>
        transition.From != CallState.Connected
        && CallStates.Live.Contains(transition.From)
        && CallStateMachine.Transitions.Any(t => t.From == CallState.Connected && t.Trigger == transition.Trigger && t.To == transition.To);

    public static TheoryData<CallState, CallTrigger> RefusedTriggers => new()
    {
        { CallState.Idle, CallTrigger.CallAnswered },
        { CallState.Idle, CallTrigger.CallEnded },
        { CallState.Incoming, CallTrigger.Confirmed },
        { CallState.Incoming, CallTrigger.Hold },
        { CallState.Ringing, CallTrigger.TransferRequested },
        { CallState.Connected, CallTrigger.Confirmed },
        { CallState.Connected, CallTrigger.BookingComplete },
        { CallState.Connected, CallTrigger.Resume },
        { CallState.InConversation, CallTrigger.InfoCollected },
        { CallState.CollectingInfo, CallTrigger.Confirmed },
        { CallState.CollectingInfo, CallTrigger.BookingComplete },
        { CallState.ConfirmingDetails, CallTrigger.InfoCollected },
        { CallState.BookingAppointment, CallTrigger.Confirmed },
        { CallState.Transferring, CallTrigger.Resume },
        { CallState.OnHold, CallTrigger.Confirmed },
    };

    [Theory]
    [MemberData(nameof(RefusedTriggers))]
    public void A_trigger_not_permitted_in_a_state_is_refused_without_changing_anything(CallState from, CallTrigger trigger)
    {
        var (machine, state, _) = MachineIn(from);

        var result = machine.Fire(trigger);

        result.Outcome.ShouldBe(FireOutcome.Refused);
        result.Reason.ShouldNotBeNullOrEmpty();
        result.Changes.ShouldBeEmpty();
        result.Effects.ShouldBeEmpty();
        state().ShouldBe(from);
    }

    [Theory]
    [InlineData(CallState.Completed)]
    [InlineData(CallState.Ended)]
    [InlineData(CallState.Failed)]
    [InlineData(CallState.Abandoned)]
    public void A_finished_call_ignores_every_trigger(CallState terminal)
    {
        var (machine, state, _) = MachineIn(terminal);

        foreach (var trigger in Enum.GetValues<CallTrigger>())
        {
            var result = Fire(machine, trigger, trigger == CallTrigger.IntentIdentified ? Intent.Book : Fallback.Callback);
            result.Outcome.ShouldBe(FireOutcome.Ignored, $"{trigger} in {terminal}");
            machine.CanFire(trigger).ShouldBeFalse();
        }

        state().ShouldBe(terminal);
    }

    [Theory]
    [InlineData(Intent.Yes)]
    [InlineData(Intent.No)]
    [InlineData(Intent.Goodbye)]
    [InlineData(Intent.Unknown)]
    [InlineData(Intent.SpeakToPerson)]
    public void An_intent_that_is_neither_booking_nor_inquiry_fails_both_guards(Intent intent)
    {
        var (machine, state, _) = MachineIn(CallState.Connected);

        var result = machine.IdentifyIntent(intent);

        result.Outcome.ShouldBe(FireOutcome.Refused);
        result.Reason!.ShouldContain("booking intent");
        result.Reason!.ShouldContain("general inquiry");
        state().ShouldBe(CallState.Connected);
    }

    [Fact]
    public void The_booking_and_inquiry_guards_never_both_pass()
    {
        foreach (var intent in Enum.GetValues<Intent>())
        {
            (intent.IsBooking() && intent.IsInquiry()).ShouldBeFalse(intent.ToString());
        }
    }

    [Theory]
    [InlineData(CallState.CollectingInfo)]
    [InlineData(CallState.ConfirmingDetails)]
    [InlineData(CallState.BookingAppointment)]
    public void An_intent_during_a_booking_does_not_leave_the_booking(CallState bookingState)
    {
        var (machine, state, _) = MachineIn(bookingState);

        machine.IdentifyIntent(Intent.GeneralInquiry).Outcome.ShouldBe(FireOutcome.Ignored);

        state().ShouldBe(bookingState);
    }

    [Fact]
    public void A_parameterized_trigger_fired_without_its_argument_is_refused()
    {
        var (machine, state, _) = MachineIn(CallState.Connected);

        machine.Fire(CallTrigger.IntentIdentified).Outcome.ShouldBe(FireOutcome.Refused);
        machine.Fire(CallTrigger.MaxRetriesReached).Outcome.ShouldBe(FireOutcome.Refused);
        state().ShouldBe(CallState.Connected);
    }

    [Fact]
    public void Resuming_returns_to_the_state_the_caller_was_held_from()
    {
        var (machine, state, context) = MachineIn(CallState.ConfirmingDetails);

        machine.Fire(CallTrigger.Hold).Effects.ShouldContain(new CallEffect(CallAction.PlaceOnHold));
        context.HeldFrom.ShouldBe(CallState.ConfirmingDetails);

        var resumed = machine.Fire(CallTrigger.Resume);

        state().ShouldBe(CallState.ConfirmingDetails);
        resumed.Has(CallAction.ResumeCall).ShouldBeTrue();
        resumed.Has(CallAction.PresentBookingSummary).ShouldBeTrue();
        context.HeldFrom.ShouldBeNull();
    }

    [Fact]
    public void Holding_keeps_the_call_connected()
    {
        var (machine, _, _) = MachineIn(CallState.InConversation);

        machine.Fire(CallTrigger.Hold);

        machine.IsIn(CallState.Connected).ShouldBeTrue();
        machine.CanFire(CallTrigger.CallEnded).ShouldBeTrue();
        machine.CanFire(CallTrigger.Hold).ShouldBeFalse();
        machine.CanFire(CallTrigger.Resume).ShouldBeTrue();
    }

    [Fact]
    public void A_whole_booking_raises_the_seed_actions_in_order()
    {
        var (machine, state, _) = MachineIn(CallState.Idle);

        var effects = new[]
        {
            machine.Fire(CallTrigger.IncomingCall),
            machine.Fire(CallTrigger.CallAnswered),
            machine.IdentifyIntent(Intent.Book),
            machine.Fire(CallTrigger.CollectInfo),
            machine.Fire(CallTrigger.InfoIncomplete),
            machine.Fire(CallTrigger.InfoCollected),
            machine.Fire(CallTrigger.Confirmed),
            machine.Fire(CallTrigger.BookingComplete),
        }.SelectMany(r => r.Effects).Select(e => e.Action).ToList();

        state().ShouldBe(CallState.Completed);
        effects.ShouldBe(
        [
            CallAction.LogCallStart, CallAction.InitializeContext, CallAction.PlayGreeting, CallAction.IdentifyIntent,
            CallAction.StartBookingFlow, CallAction.RequestRequiredInfo, CallAction.StoreCollectedInfo, CallAction.RequestMissingInfo,
            CallAction.StoreCollectedInfo, CallAction.PresentBookingSummary, CallAction.FinalizeBooking, CallAction.SendConfirmation,
            CallAction.EndCall,
        ]);
    }

    [Fact]
    public void Losing_the_connection_mid_booking_asks_for_the_progress_to_be_saved()
    {
        var (machine, state, _) = MachineIn(CallState.CollectingInfo);

        var result = machine.Fire(CallTrigger.ConnectionLost);

        state().ShouldBe(CallState.Failed);
        result.Has(CallAction.SaveProgress).ShouldBeTrue();
    }

    [Theory]
    [InlineData(CallState.Incoming, null, CallTrigger.CallAbandoned)]
    [InlineData(CallState.Connected, null, CallTrigger.CallEnded)]
    [InlineData(CallState.InConversation, null, CallTrigger.CallEnded)]
    [InlineData(CallState.Transferring, null, CallTrigger.CallEnded)]
    [InlineData(CallState.BookingAppointment, null, CallTrigger.ConnectionLost)]
    [InlineData(CallState.CollectingInfo, null, CallTrigger.ConnectionLost)]
    [InlineData(CallState.ConfirmingDetails, null, CallTrigger.ConnectionLost)]
    [InlineData(CallState.OnHold, CallState.CollectingInfo, CallTrigger.ConnectionLost)]
    [InlineData(CallState.OnHold, CallState.InConversation, CallTrigger.CallEnded)]
    public void A_hang_up_means_a_connection_loss_only_when_a_booking_was_under_way(CallState state, CallState? heldFrom, CallTrigger expected)
    {
        CallStateMachine.HangUpTrigger(state, heldFrom).ShouldBe(expected);
    }

    [Fact]
    public void Only_triggers_without_arguments_can_be_probed_for_buttons()
    {
        var (machine, _, _) = MachineIn(CallState.CollectingInfo);

        machine.CanFire(CallTrigger.TransferRequested).ShouldBeTrue();
        machine.CanFire(CallTrigger.Resume).ShouldBeFalse();
        machine.CanFire(CallTrigger.IntentIdentified).ShouldBeFalse();
    }

    [Fact]
    public void The_generated_diagram_names_every_state_and_leaves_out_ignored_triggers()
    {
        var mermaid = CallStateMachine.ToMermaid();

        mermaid.ShouldStartWith("stateDiagram-v2");
        foreach (var state in Enum.GetValues<CallState>())
        {
            mermaid.ShouldContain(state.ToString());
        }

        mermaid.ShouldContain("[booking intent]");
        mermaid.ShouldContain("[general inquiry]");
        mermaid.ShouldNotContain("Transferring --> Transferring : Hold");
    }

    [Fact]
    public void Wire_names_are_snake_case()
    {
        CallState.InConversation.ToWireName().ShouldBe("in_conversation");
        CallState.ConfirmingDetails.ToWireName().ShouldBe("confirming_details");
        CallTrigger.IntentIdentified.ToWireName().ShouldBe("intent_identified");
        CallTrigger.MaxRetriesReached.ToWireName().ShouldBe("max_retries_reached");
    }
}
