namespace CallFlow.Domain.Calls;

/// <summary>What happens when a caller cannot be understood after the step's retry limit.</summary>
public enum Fallback
{
    /// <summary>Staff are available: hand the caller to a person.</summary>
    TransferToStaff,

    /// <summary>Nobody can take the call now: promise a callback and end.</summary>
    Callback,

    /// <summary>Nobody can take the call now: record a message, then end.</summary>
    TakeMessage,
}
