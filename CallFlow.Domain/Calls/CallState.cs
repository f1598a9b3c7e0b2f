namespace CallFlow.Domain.Calls;

/// <summary>Where a call is in its lifecycle. Connected is the superstate of every live state.</summary>
public enum CallState
{
    Idle,
    Incoming,
    Ringing,
    Connected,
    InConversation,
    CollectingInfo,
    BookingAppointment,
    ConfirmingDetails,
    Transferring,
    OnHold,
    Completed,
    Ended,
    Failed,
    Abandoned,
}

public static class CallStates
{
    /// <summary>States a call never leaves.</summary>
    public static readonly IReadOnlySet<CallState> Terminal =
        new HashSet<CallState> { CallState.Completed, CallState.Ended, CallState.Failed, CallState.Abandoned };

    /// <summary>States in which a caller is on the line (Connected and its substates).</summary>
    public static readonly IReadOnlySet<CallState> Live = new HashSet<CallState>
    {
        CallState.Connected, CallState.InConversation, CallState.CollectingInfo, CallState.BookingAppointment,
        CallState.ConfirmingDetails, CallState.Transferring, CallState.OnHold,
    };

    /// <summary>Live states in which a booking is under way, so losing the caller loses work.</summary>
    public static readonly IReadOnlySet<CallState> Booking = new HashSet<CallState>
    {
        CallState.BookingAppointment, CallState.CollectingInfo, CallState.ConfirmingDetails,
    };

    public static bool IsTerminal(this CallState state) => Terminal.Contains(state);

    public static bool IsLive(this CallState state) => Live.Contains(state);

    /// <summary>Active means the call has not finished: not yet answered, or live.</summary>
    public static bool IsActive(this CallState state) => !state.IsTerminal() && state != CallState.Idle;

    /// <summary>The snake_case name used in audit records, the API and the diagram (in_conversation).</summary>
    public static string ToWireName(this CallState state) => WireNames.Of(state);
}
