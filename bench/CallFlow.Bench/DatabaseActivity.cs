using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallFlow.Bench;

/// <summary>The database work of a phase: commands (queries and writes), transactions, saves, and the time spent in commands.</summary>
public sealed record DatabaseActivityReport(long Queries, long Writes, long Transactions, long Saves, double CommandSeconds, double QueriesPerTurn, double WritesPerTurn, double TransactionsPerTurn);

/// <summary>
/// Counts what EF Core sends to the database, heard on its DiagnosticListener. Process-wide: in the test suite other
/// apps' commands count too, so the figures are only read, never checked there. Only the three events counted are
/// enabled: EF Core builds an event's data only for a listener that asks for it, and a listener enabled for everything
/// made it build one for every entity tracked, every query compiled and every connection opened.
/// </summary>
public sealed class DatabaseActivity : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly HashSet<string> Counted =
    [
        RelationalEventId.CommandExecuted.Name!,
        RelationalEventId.TransactionCommitted.Name!,
        CoreEventId.SaveChangesCompleted.Name!,
    ];

    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private long _queries;
    private long _writes;
    private long _transactions;
    private long _saves;
    private long _commandTicks;
    private volatile bool _counting;

    public DatabaseActivity() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public bool Counting
    {
        get => _counting;
        set => _counting = value;
    }

    public DatabaseActivityReport Report(long turns) => new(
        _queries, _writes, _transactions, _saves, Math.Round(TimeSpan.FromTicks(_commandTicks).TotalSeconds, 2),
        PerTurn(_queries, turns), PerTurn(_writes, turns), PerTurn(_transactions, turns));

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
            {
                _listeners.Add(listener.Subscribe(this, Counted.Contains));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (!_counting)
        {
            return;
        }

        switch (value.Value)
        {
            case CommandExecutedEventData executed:
                Interlocked.Add(ref _commandTicks, executed.Duration.Ticks);
                if (executed.Command.CommandText.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref _queries);
                }
                else
                {
                    Interlocked.Increment(ref _writes);
                }

                break;
            case TransactionEndEventData when value.Key == RelationalEventId.TransactionCommitted.Name:
                Interlocked.Increment(ref _transactions);
                break;
            case SaveChangesCompletedEventData:
                Interlocked.Increment(ref _saves);
                break;
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    private static double PerTurn(long count, long turns) => turns == 0 ? 0 : Math.Round((double)count / turns, 2);
}
