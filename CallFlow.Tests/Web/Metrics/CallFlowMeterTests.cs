using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CallFlow.Tests.Web.Conversation;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Metrics;

namespace CallFlow.Tests.Web.Metrics;

/// <summary>The CallFlow meter, heard through a MeterListener on the app's own meter (other apps run in parallel).</summary>
public sealed class CallFlowMeterTests : IAsyncLifetime
{
    private readonly TelephonyApp _app = Conversations.OpenSalon();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private MeterListener? _listener;

    private sealed record Measurement(string Instrument, double Value, Dictionary<string, string> Tags);

    public ValueTask InitializeAsync()
    {
        var meter = _app.Service<CallFlowMeter>().Meter;
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Heard(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Heard(instrument, value, tags));
        _listener.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _listener?.Dispose();
        await _app.DisposeAsync();
    }

    private void Heard(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString() ?? "")));

    private List<Measurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    [Fact]
    public void The_meter_is_called_CallFlow()
    {
        _app.Service<CallFlowMeter>().Meter.Name.ShouldBe("CallFlow");
    }

    [Fact]
    public async Task A_booking_by_phone_counts_its_turns_transitions_the_booking_and_the_webhooks()
    {
        await _app.BookByPhoneAsync();

        Of("callflow.turns").ShouldContain(m => m.Tags["intent"] == "book" && m.Tags["step"] == "none" && m.Value == 1);
        Of("callflow.turn.duration").Count.ShouldBe(Of("callflow.turns").Count);
        Of("callflow.transitions").ShouldContain(m => m.Tags["from"] == "booking_appointment" && m.Tags["to"] == "completed" && m.Tags["trigger"] == "booking_complete");
        Of("callflow.transitions").ShouldContain(m => m.Tags["from"] == "idle" && m.Tags["to"] == "incoming" && m.Tags["trigger"] == "incoming_call");
        Of("callflow.calls.ended").ShouldHaveSingleItem().Tags["outcome"].ShouldBe("booked");
        Of("callflow.call.duration").ShouldHaveSingleItem().Tags["outcome"].ShouldBe("booked");
        var endpoints = Of("callflow.webhook.duration").Select(m => m.Tags["endpoint"]).ToList();
        endpoints.ShouldContain("/twilio/voice/incoming");
        endpoints.ShouldContain("/twilio/voice/turn");
    }

    [Fact]
    public async Task A_test_call_from_the_console_is_tagged_so_dashboards_can_leave_it_out()
    {
        var test = await _app.Carrier().DialAsync(TelephonyApp.Caller, TelephonyApp.DemoNumber, CallFlow.Web.Telephony.WebhookUrls.TestIncoming(null), TestContext.Current.CancellationToken);
        await test.SpeakAsync("a haircut");
        await test.HangUpAsync(TestContext.Current.CancellationToken);
        await _app.BookByPhoneAsync();

        Of("callflow.turns").Select(m => m.Tags[CallFlowMeter.TestTag]).Distinct().Order().ShouldBe(["False", "True"]);
        Of("callflow.transitions").ShouldContain(m => m.Tags["to"] == "incoming" && m.Tags[CallFlowMeter.TestTag] == "True");
        Of("callflow.calls.ended").Select(m => (m.Tags["outcome"], m.Tags[CallFlowMeter.TestTag])).Order().ShouldBe([("booked", "False"), ("failed", "True")]);
    }

    [Fact]
    public async Task A_trigger_refused_in_its_state_is_not_counted_as_a_transition()
    {
        var leg = await _app.DialAsync();
        var before = Of("callflow.transitions").Count;

        await _app.Orchestrator.FireAsync(leg.CallSid, CallFlow.Domain.Calls.CallTrigger.TransferCompleted, CallFlow.Web.Calls.Actor.System, null, TestContext.Current.CancellationToken);

        Of("callflow.transitions").Count.ShouldBe(before);
    }
}
