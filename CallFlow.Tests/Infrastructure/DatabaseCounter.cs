using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallFlow.Tests.Infrastructure;

/// <summary>
/// Counts what an app does with its database through EF Core: the transactions it begins (each takes the write lock)
/// and commits (how many units of work something took), and the connections it opens (each open of a SQLite connection
/// sets it up again).
/// </summary>
public sealed class DatabaseCounter : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private int _begun;
    private int _committed;
    private int _opened;

    public int Begun => Volatile.Read(ref _begun);

    public int Committed => Volatile.Read(ref _committed);

    public int Opened => Volatile.Read(ref _opened);

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

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref _opened);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _opened);
        return Task.CompletedTask;
    }
}
