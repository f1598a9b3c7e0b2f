using CallFlow.Domain.Calls;
using CallFlow.Web.Calls;

namespace CallFlow.Web.Telephony;

/// <summary>One status callback as Twilio posted it.</summary>
public sealed record StatusCallback(string CallSid, string Status, int? SequenceNumber, DateTimeOffset? Timestamp, int? DurationSeconds);

/// <summary>
/// What a Twilio call status means for our call, and whether a callback is news at all. Twilio neither orders
/// nor de-duplicates status callbacks, so each one is compared with the last one applied: by SequenceNumber when
/// both have one, else by how far along the lifecycle the status is. A terminal status is never overwritten.
/// </summary>
public static class CarrierStatus
{
    public const string Queued = "queued";
    public const string Initiated = "initiated";
    public const string Ringing = "ringing";
    public const string InProgress = "in-progress";
    public const string Answered = "answered";
    public const string Completed = "completed";
    public const string Busy = "busy";
    public const string NoAnswer = "no-answer";
    public const string Canceled = "canceled";
    public const string Failed = "failed";

    private static readonly Dictionary<string, int> Rank = new(StringComparer.Ordinal)
    {
        [Queued] = 0,
        [Initiated] = 1,
        [Ringing] = 2,
        [InProgress] = 3,
        [Answered] = 3,
        [Completed] = 4,
        [Busy] = 4,
        [NoAnswer] = 4,
        [Canceled] = 4,
        [Failed] = 4,
    };

    public static bool IsKnown(string status) => Rank.ContainsKey(status);

    public static bool IsTerminal(string? status) => status is not null && Rank.TryGetValue(status, out var rank) && rank == 4;

    /// <summary>Why a callback changes nothing (a duplicate, an older one, one after the end), or null when it is news.</summary>
    public static string? WhyStale(string? lastStatus, int? lastSequence, StatusCallback callback)
    {
        if (lastStatus is null)
        {
            return null;
        }

        if (IsTerminal(lastStatus))
        {
            return $"the carrier already reported {lastStatus}";
        }

        if (callback.SequenceNumber is { } sequence && lastSequence is { } last && sequence != last)
        {
            return sequence < last ? $"older than #{last}" : null;
        }

        // Without sequence numbers to tell them apart, the lifecycle's own order decides (ringing never follows in-progress).
        var rank = Rank[callback.Status];
        var lastRank = Rank.GetValueOrDefault(lastStatus, -1);
        return rank < lastRank ? $"behind {lastStatus}" : rank == lastRank && callback.Status == lastStatus ? "a repeated callback" : null;
    }

    /// <summary>The triggers a status means for a call in <paramref name="state"/> (none when it changes nothing).</summary>
    public static IReadOnlyList<CallTrigger> TriggersFor(string status, CallDirection direction, CallState state, CallState? heldFrom)
    {
        if (state.IsTerminal())
        {
            return [];
        }

        // An outbound call we created but never heard of from the carrier first has to start ringing.
        IReadOnlyList<CallTrigger> Dialed(CallTrigger then) =>
            state == CallState.Idle && direction == CallDirection.Outbound ? [CallTrigger.DialOut, then] : [then];

        return status switch
        {
            Queued or Initiated or Ringing =>
                state == CallState.Idle && direction == CallDirection.Outbound ? [CallTrigger.DialOut] : [],
            InProgress or Answered => state switch
            {
                CallState.Idle when direction == CallDirection.Outbound => Dialed(CallTrigger.CallAnswered),
                CallState.Ringing or CallState.Incoming => [CallTrigger.CallAnswered],
                _ => [],
            },
            Completed or Canceled => state switch
            {
                CallState.Idle when direction == CallDirection.Outbound => Dialed(CallTrigger.CallEnded),
                CallState.Idle => [],
                _ => [CallStateMachine.HangUpTrigger(state, heldFrom)],
            },
            Busy or NoAnswer => state switch
            {
                CallState.Idle when direction == CallDirection.Outbound => Dialed(CallTrigger.NotAnswered),
                CallState.Ringing => [CallTrigger.NotAnswered],
                CallState.Incoming => [CallTrigger.CallAbandoned],
                CallState.Idle => [],
                _ => [CallStateMachine.HangUpTrigger(state, heldFrom)],
            },
            Failed => state == CallState.Idle
                ? direction == CallDirection.Outbound ? Dialed(CallTrigger.CallFailed) : []
                : [CallTrigger.CallFailed],
            _ => [],
        };
    }
}
