using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallFlow.Tests.Infrastructure;

/// <summary>
/// Counts what an app does with its database through EF Core: the transactions it begins (each takes the write lock)
/// and commits (how many units of work something took), and on request the connections its statements run on.
/// </summary>
public sealed class DatabaseCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    private int _begun;
    private int _committed;
    private ConcurrentDictionary<DbConnection, bool>? _used;

    public int Begun => Volatile.Read(ref _begun);

    public int Committed => Volatile.Read(ref _committed);

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Interlocked.Increment(ref _begun);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _begun);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _committed);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _committed);
        return Task.CompletedTask;
    }

    /// <summary>The distinct connections statements ran on while <paramref name="work"/> ran.</summary>
    public async Task<int> ConnectionsUsedDuringAsync(Func<Task> work)
    {
        var used = _used = new ConcurrentDictionary<DbConnection, bool>();
        try
        {
            await work();
        }
        finally
        {
            _used = null;
        }

        return used.Count;
    }

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (_used is { } used && eventData.Connection is { } connection)
        {
            used.TryAdd(connection, true);
        }

        return result;
    }
}
