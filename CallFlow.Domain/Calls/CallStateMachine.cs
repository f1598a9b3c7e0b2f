using CallFlow.Domain.Conversation;
using Stateless;
using Stateless.Reflection;

namespace CallFlow.Domain.Calls;

/// <summary>
/// The lifecycle of one call. The state lives outside the machine (on the call record); effects are
/// collected as <see cref="CallEffect"/>s for the orchestrator to carry out, so firing a trigger never does I/O.
/// Every <c>Configure</c> call is in this file so the lifecycle reads top to bottom.
/// </summary>
public sealed partial class CallStateMachine
{
    private readonly StateMachine<CallState, CallTrigger> _machine;
    private readonly StateMachine<CallState, CallTrigger>.TriggerWithParameters<Intent> _intentIdentified;
    private readonly StateMachine<CallState, CallTrigger>.TriggerWithParameters<Fallback> _maxRetriesReached;
    private readonly CallContext _context;
    private readonly List<CallStateChange> _changes = [];
    private readonly List<CallEffect> _effects = [];
    private string? _refusal;

    private static readonly HashSet<CallTrigger> ParameterizedTriggers =
        [CallTrigger.IntentIdentified, CallTrigger.MaxRetriesReached];

    /// <summary>Creates a machine over state stored elsewhere (the call record).</summary>
    public CallStateMachine(Func<CallState> readState, Action<CallState> writeState, CallContext context)
    {
        _context = context;
        _machine = new StateMachine<CallState, CallTrigger>(readState, writeState, FiringMode.Immediate);
        _intentIdentified = _machine.SetTriggerParameters<Intent>(CallTrigger.IntentIdentified);
        _maxRetriesReached = _machine.SetTriggerParameters<Fallback>(CallTrigger.MaxRetriesReached);

        _machine.OnTransitioned(t => _changes.Add(new CallStateChange(t.Source, t.Destination, t.Trigger, t.IsReentry)));
        _machine.OnUnhandledTrigger((state, trigger, unmetGuards) => _refusal = unmetGuards is { Count: > 0 }
            ? $"{trigger.ToWireName()} refused in {state.ToWireName()}: {string.Join(", ", unmetGuards)} not met"
            : $"{trigger.ToWireName()} is not permitted in {state.ToWireName()}");

        Configure();
    }

    /// <summary>The current state.</summary>
    public CallState State => _machine.State;

    private void Configure()
    {
        _machine.Configure(CallState.Idle)
            .Permit(CallTrigger.IncomingCall, CallState.Incoming)
            .Permit(CallTrigger.DialOut, CallState.Ringing);

        _machine.Configure(CallState.Incoming)
            .OnEntry(_ => Do(CallAction.LogCallStart).Do(CallAction.InitializeContext), "logCallStart, initializeContext")
            .Permit(CallTrigger.CallAnswered, CallState.Connected)
            .Permit(CallTrigger.CallAbandoned, CallState.Abandoned)
            .Permit(CallTrigger.CallEnded, CallState.Abandoned)
            .Permit(CallTrigger.Timeout, CallState.Abandoned)
            .Permit(CallTrigger.CallFailed, CallState.Failed);

        // Outbound: a callback dialing the caller.
        _machine.Configure(CallState.Ringing)
            .OnEntry(_ => Do(CallAction.LogCallStart).Do(CallAction.InitializeContext), "logCallStart, initializeContext")
            .Permit(CallTrigger.CallAnswered, CallState.Connected)
            .Permit(CallTrigger.NotAnswered, CallState.Failed)
            .Permit(CallTrigger.CallEnded, CallState.Failed)
            .Permit(CallTrigger.Timeout, CallState.Failed)
            .Permit(CallTrigger.CallFailed, CallState.Failed);

        // Everything live inherits these: it can end, lose its connection, be transferred or held.
        _machine.Configure(CallState.Connected)
            .OnEntryFrom(CallTrigger.CallAnswered, _ => Do(CallAction.PlayGreeting), "playGreeting")
            .PermitIf(_intentIdentified, CallState.BookingAppointment, intent => intent.IsBooking(), "booking intent")
            .PermitIf(_intentIdentified, CallState.InConversation, intent => intent.IsInquiry(), "general inquiry")
            .PermitIf(_maxRetriesReached, CallState.Transferring, f => f == Fallback.TransferToStaff, "staff available")
            .PermitIf(_maxRetriesReached, CallState.Ended, f => f == Fallback.Callback, "callback promised")
            .PermitIf(_maxRetriesReached, CallState.InConversation, f => f == Fallback.TakeMessage, "message to take")
            .Permit(CallTrigger.TransferRequested, CallState.Transferring)
            .Permit(CallTrigger.Hold, CallState.OnHold)
            .Permit(CallTrigger.CallEnded, CallState.Ended)
            .Permit(CallTrigger.ConnectionLost, CallState.Failed)
            .Permit(CallTrigger.CallFailed, CallState.Failed)
            .Permit(CallTrigger.Timeout, CallState.Abandoned);

        _machine.Configure(CallState.InConversation)
            .SubstateOf(CallState.Connected)
            .OnEntryFrom(_intentIdentified, intent => Do(CallAction.IdentifyIntent, intent).Do(CallAction.StartConversation), "identifyIntent, startConversation")
            .OnEntryFrom(CallTrigger.Cancelled, _ => Do(CallAction.StartConversation), "startConversation")
            .OnEntryFrom(CallTrigger.TransferFailed, _ => Do(CallAction.ReturnFromTransfer), "returnFromTransfer")
            .OnEntryFrom(_maxRetriesReached, f => Do(CallAction.RunFallback, f), "runFallback")
            .PermitReentryIf(_intentIdentified, intent => intent.IsInquiry(), "general inquiry")
            .PermitIf(_intentIdentified, CallState.BookingAppointment, intent => intent.IsBooking(), "booking intent")
            .PermitReentryIf(_maxRetriesReached, f => f == Fallback.TakeMessage, "message to take");

        _machine.Configure(CallState.BookingAppointment)
            .SubstateOf(CallState.Connected)
            .OnEntryFrom(_intentIdentified, intent => Do(CallAction.IdentifyIntent, intent).Do(CallAction.StartBookingFlow), "identifyIntent, startBookingFlow")
            .OnEntryFrom(CallTrigger.Confirmed, _ => Do(CallAction.FinalizeBooking), "finalizeBooking")
            .Permit(CallTrigger.CollectInfo, CallState.CollectingInfo)
            .Permit(CallTrigger.BookingComplete, CallState.Completed)
            .Permit(CallTrigger.BookingFailed, CallState.CollectingInfo)
            .Permit(CallTrigger.Timeout, CallState.Failed)
            .Ignore(CallTrigger.IntentIdentified);

        _machine.Configure(CallState.CollectingInfo)
            .SubstateOf(CallState.Connected)
            .OnEntryFrom(CallTrigger.CollectInfo, _ => Do(CallAction.RequestRequiredInfo), "requestRequiredInfo")
            .OnEntryFrom(CallTrigger.InfoIncomplete, _ => Do(CallAction.StoreCollectedInfo).Do(CallAction.RequestMissingInfo), "storeCollectedInfo, requestMissingInfo")
            .OnEntryFrom(CallTrigger.ChangesRequested, _ => Do(CallAction.RequestMissingInfo), "requestMissingInfo")
            .OnEntryFrom(CallTrigger.BookingFailed, _ => Do(CallAction.RequestMissingInfo), "requestMissingInfo")
            .OnExit(t => { if (t.Trigger == CallTrigger.InfoCollected) Do(CallAction.StoreCollectedInfo); }, "storeCollectedInfo")
            .PermitReentry(CallTrigger.InfoIncomplete)
            .Permit(CallTrigger.InfoCollected, CallState.ConfirmingDetails)
            .Permit(CallTrigger.Cancelled, CallState.InConversation)
            .Permit(CallTrigger.Timeout, CallState.Failed)
            .Ignore(CallTrigger.IntentIdentified);

        _machine.Configure(CallState.ConfirmingDetails)
            .SubstateOf(CallState.Connected)
            .OnEntry(_ => Do(CallAction.PresentBookingSummary), "presentBookingSummary")
            .Permit(CallTrigger.Confirmed, CallState.BookingAppointment)
            .Permit(CallTrigger.ChangesRequested, CallState.CollectingInfo)
            .Permit(CallTrigger.Cancelled, CallState.InConversation)
            .Permit(CallTrigger.Timeout, CallState.Failed)
            .Ignore(CallTrigger.IntentIdentified);

        _machine.Configure(CallState.Transferring)
            .SubstateOf(CallState.Connected)
            .OnEntry(_ => Do(CallAction.StartTransfer), "startTransfer")
            .Permit(CallTrigger.TransferCompleted, CallState.Ended)
            .Permit(CallTrigger.TransferFailed, CallState.InConversation)
            .Ignore(CallTrigger.TransferRequested)
            .Ignore(CallTrigger.Hold)
            .Ignore(CallTrigger.Timeout)
            .Ignore(CallTrigger.IntentIdentified);

        _machine.Configure(CallState.OnHold)
            .SubstateOf(CallState.Connected)
            .OnEntry(t => { _context.HeldFrom = t.Source; Do(CallAction.PlaceOnHold); }, "placeOnHold")
            .OnExit(t => { if (t.Trigger == CallTrigger.Resume) Do(CallAction.ResumeCall); _context.HeldFrom = null; }, "resumeCall")
            .PermitDynamic(CallTrigger.Resume, () => _context.HeldFrom ?? CallState.InConversation, "the state before hold",
                new DynamicStateInfos
                {
                    { CallState.InConversation, "in conversation" },
                    { CallState.CollectingInfo, "collecting info" },
                    { CallState.ConfirmingDetails, "confirming details" },
                })
            .Ignore(CallTrigger.Hold)
            .Ignore(CallTrigger.Timeout)
            .Ignore(CallTrigger.IntentIdentified);

        _machine.Configure(CallState.Completed)
            .OnEntry(_ => Do(CallAction.SendConfirmation).Do(CallAction.EndCall), "sendConfirmation");

        _machine.Configure(CallState.Ended)
            .OnEntryFrom(_maxRetriesReached, f => Do(CallAction.RunFallback, f), "runFallback")
            .OnEntry(_ => Do(CallAction.EndCall), "endCall");

        _machine.Configure(CallState.Failed)
            .OnEntryFrom(CallTrigger.ConnectionLost, _ => Do(CallAction.SaveProgress), "saveProgress")
            .OnEntry(_ => Do(CallAction.EndCall), "endCall");

        _machine.Configure(CallState.Abandoned)
            .OnEntry(_ => Do(CallAction.EndCall), "endCall");
    }

    /// <summary>Fires a trigger that takes no argument.</summary>
    public FireResult Fire(CallTrigger trigger)
    {
        if (ParameterizedTriggers.Contains(trigger))
        {
            return FireResult.Refused(State, trigger, $"{trigger.ToWireName()} needs an argument");
        }

        return Run(trigger, () => _machine.Fire(trigger));
    }

    /// <summary>The interpreter recognised what the caller wants.</summary>
    public FireResult IdentifyIntent(Intent intent) =>
        Run(CallTrigger.IntentIdentified, () => _machine.Fire(_intentIdentified, intent));

    /// <summary>The caller could not be understood within the step's retry limit.</summary>
    public FireResult ReachRetryLimit(Fallback fallback) =>
        Run(CallTrigger.MaxRetriesReached, () => _machine.Fire(_maxRetriesReached, fallback));

    /// <summary>Whether a trigger without arguments would move the call now (used to decide which buttons to show).</summary>
    /// <remarks>Stateless counts an ignored trigger as permitted; a button that does nothing is not, so the transition table decides too.</remarks>
    public bool CanFire(CallTrigger trigger) =>
        !State.IsTerminal()
        && !ParameterizedTriggers.Contains(trigger)
        && Transitions.Any(t => t.From == State && t.Trigger == trigger)
        && _machine.CanFire(trigger);

    /// <summary>Whether the call is in <paramref name="state"/> or one of its substates.</summary>
    public bool IsIn(CallState state) => _machine.IsInState(state);

    /// <summary>The trigger a hang-up means in <paramref name="state"/>: losing a booking in progress is a connection loss.</summary>
    public static CallTrigger HangUpTrigger(CallState state, CallState? heldFrom = null)
    {
        if (CallStates.Booking.Contains(state) || (state == CallState.OnHold && heldFrom is { } held && CallStates.Booking.Contains(held)))
        {
            return CallTrigger.ConnectionLost;
        }

        return state is CallState.Incoming ? CallTrigger.CallAbandoned : CallTrigger.CallEnded;
    }

    private FireResult Run(CallTrigger trigger, Action fire)
    {
        var from = State;
        if (from.IsTerminal())
        {
            return FireResult.Ignored(from, trigger, $"the call is already {from.ToWireName()}");
        }

        _changes.Clear();
        _effects.Clear();
        _refusal = null;
        fire();

        if (_refusal is not null)
        {
            return FireResult.Refused(from, trigger, _refusal);
        }

        return _changes.Count == 0
            ? FireResult.Ignored(from, trigger, $"{trigger.ToWireName()} is ignored in {from.ToWireName()}")
            : new FireResult(FireOutcome.Transitioned, from, State, trigger, [.. _changes], [.. _effects], null);
    }

    private CallStateMachine Do(CallAction action, object? argument = null)
    {
        _effects.Add(new CallEffect(action, argument));
        return this;
    }
}
