using System.Diagnostics.Metrics;
using CallFlow.Web.Metrics;

namespace CallFlow.Bench;

/// <summary>
/// The app's own view of its latency, heard on its <see cref="CallFlowMeter"/> (only that app instance's meter, so
/// other apps in the process do not count): <c>callflow.webhook.duration</c> by endpoint (signature check, unit of
/// work and save included) and <c>callflow.turn.duration</c> (the receptionist's time for one turn).
/// </summary>
public sealed class ServerTimings : IDisposable
{
    public const string ReceptionistTurn = "receptionist";

    private readonly MeterListener _listener = new();
    private volatile LatencyBook? _book;

    public ServerTimings(CallFlowMeter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter.Meter && instrument.Name is "callflow.webhook.duration" or "callflow.turn.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    public LatencyBook? Book
    {
        get => _book;
        set => _book = value;
    }

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (_book is not { } book)
        {
            return;
        }

        if (instrument.Name == "callflow.turn.duration")
        {
            book.Record(ReceptionistTurn, seconds * 1000);
            return;
        }

        foreach (var tag in tags)
        {
            if (tag.Key == "endpoint" && tag.Value is string route)
            {
                book.Record(RequestTimer.EndpointOf(route), seconds * 1000);
                return;
            }
        }
    }
}
