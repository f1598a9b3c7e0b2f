using CallFlow.Domain.Calls;

namespace CallFlow.Domain.Recovery;

/// <summary>What went wrong on a call. Each kind has its own recovery (see <see cref="RecoveryManager"/>).</summary>
public enum FailureType
{
    /// <summary>The line dropped, or our link to it did, while a booking was under way: progress is kept for a resume or a callback.</summary>
    ConnectionLost,

    /// <summary>The carrier could not speak our reply with the voice we asked for.</summary>
    VoiceSynthesisFailed,

    /// <summary>The calendar could not be reached to hold or commit a booking.</summary>
    CalendarUnavailable,

    /// <summary>Nothing happened on a live call for longer than the policy allows (the carrier stopped posting).</summary>
    Timeout,

    /// <summary>Anything else that went wrong while the caller is on the line.</summary>
    Generic,
}

public static class FailureTypes
{
    /// <summary>The snake_case name the audit trail and logs use (connection_lost).</summary>
    public static string ToWireName(this FailureType failure) => WireNames.Of(failure);
}

/// <summary>
/// Reads the error code Twilio sends to the fallback URL. The Say warnings (13511 an invalid voice, 13513 an invalid
/// rate, 13520 text that could not be spoken) mean speech synthesis failed; anything else means our webhook could not
/// be used (11200 HTTP retrieval failure, 11205 connection failure, 12100 a document that did not parse, ...), which
/// loses a booking in progress and is a generic failure otherwise.
/// </summary>
public static class CarrierErrors
{
    /// <summary>Twilio's codes for a &lt;Say&gt; that could not be synthesised.</summary>
    public static readonly IReadOnlySet<string> SpeechSynthesis = new HashSet<string>(StringComparer.Ordinal) { "13511", "13513", "13520" };

    /// <summary>The failure a fallback request with <paramref name="errorCode"/> means for a call in <paramref name="state"/>.</summary>
    public static FailureType Classify(string? errorCode, CallState state, CallState? heldFrom = null)
    {
        if (errorCode is not null && SpeechSynthesis.Contains(errorCode.Trim()))
        {
            return FailureType.VoiceSynthesisFailed;
        }

        return CallStateMachine.HangUpTrigger(state, heldFrom) == CallTrigger.ConnectionLost ? FailureType.ConnectionLost : FailureType.Generic;
    }
}
