using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;

namespace CallFlow.Web.Metrics;

/// <summary>
/// The <c>CallFlow</c> meter (System.Diagnostics.Metrics), for <c>dotnet-counters monitor --counters CallFlow</c> or an
/// OpenTelemetry collector (<c>AddMeter("CallFlow")</c>): turns by intent and step, state transitions by from, to and
/// trigger, calls ended by outcome (a booking is outcome <c>booked</c>), and webhook latency by endpoint. Tag values
/// are the snake_case names of the audit trail. Recording is an increment; nothing is stored here.
/// </summary>
public sealed class CallFlowMeter
{
    public const string Name = "CallFlow";

    private static readonly InstrumentAdvice<double> Latency = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10],
    };

    private static readonly ConcurrentDictionary<Enum, string> TagValues = new();

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _callsEnded;
    private readonly Histogram<double> _callDuration;
    private readonly Histogram<double> _webhookDuration;

    public CallFlowMeter(IMeterFactory meters)
    {
        Meter = meters.Create(Name);
        _turns = Meter.CreateCounter<long>("callflow.turns", "{turn}", "Conversation turns stored, by the caller's intent and the step answered.");
        _turnDuration = Meter.CreateHistogram<double>("callflow.turn.duration", "s", "Server time spent producing the reply to a turn.", advice: Latency);
        _transitions = Meter.CreateCounter<long>("callflow.transitions", "{transition}", "Call state transitions saved, by from state, to state and trigger.");
        _callsEnded = Meter.CreateCounter<long>("callflow.calls.ended", "{call}", "Calls that ended, by outcome (booked is a booking).");
        _callDuration = Meter.CreateHistogram<double>("callflow.call.duration", "s", "How long ended calls lasted, from start to end, by outcome.");
        _webhookDuration = Meter.CreateHistogram<double>("callflow.webhook.duration", "s", "Time to answer a carrier webhook, by endpoint.", advice: Latency);
    }

    public Meter Meter { get; }

    /// <summary>The tag that tells test calls from the console apart (see <c>Call.IsTest</c>), on every per-call instrument.</summary>
    public const string TestTag = "test";

    public void TurnStored(Intent? intent, string? stepId, double processingMs, bool test)
    {
        var tags = new TagList { { "intent", intent is { } i ? Tag(i) : "none" }, { "step", stepId ?? "none" }, { TestTag, test } };
        _turns.Add(1, tags);
        _turnDuration.Record(processingMs / 1000, tags);
    }

    public void Transitioned(CallState from, CallState to, CallTrigger trigger, bool test) =>
        _transitions.Add(1, new TagList { { "from", from.ToWireName() }, { "to", to.ToWireName() }, { "trigger", trigger.ToWireName() }, { TestTag, test } });

    public void CallEnded(CallOutcome outcome, TimeSpan duration, bool test)
    {
        var tags = new TagList { { "outcome", Tag(outcome) }, { TestTag, test } };
        _callsEnded.Add(1, tags);
        _callDuration.Record(Math.Max(0, duration.TotalSeconds), tags);
    }

    public void WebhookAnswered(string endpoint, TimeSpan elapsed) =>
        _webhookDuration.Record(elapsed.TotalSeconds, new TagList { { "endpoint", endpoint } });

    /// <summary>An enum value as the audit trail writes it: GeneralInquiry → general_inquiry.</summary>
    internal static string Tag(Enum value) => TagValues.GetOrAdd(value, static v =>
    {
        var name = v.ToString();
        var words = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                words.Append('_');
            }

            words.Append(char.ToLowerInvariant(name[i]));
        }

        return words.ToString();
    });
}
