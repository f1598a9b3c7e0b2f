using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallFlow.Web.Data;

/// <summary>
/// Lets this process's writers into a SQLite database one at a time, in the order they came, without holding a thread.
/// SQLite has one writer per file anyway; what this changes is how the others wait. Without it, a transaction that
/// finds the file locked makes Microsoft.Data.Sqlite sleep the thread 150 ms and try again, so concurrent calls paid
/// 150 ms steps and the thread pool starved under load. Write transactions (EF's are <c>BEGIN IMMEDIATE</c>) take the
/// gate when they begin and leave it when they end; a write statement outside a transaction (ExecuteUpdate, a
/// single-statement SaveChanges) holds it for that statement. Readers never wait (WAL). Writers in other processes
/// still meet SQLite's own lock (and <c>busy_timeout</c>).
/// </summary>
internal sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _gate;
    private readonly TimeSpan _patience;
    private readonly ConditionalWeakTable<DbConnection, Holder> _holders = [];

    // A committed SqliteTransaction forgets its connection, so each transaction's is kept here.
    private readonly ConditionalWeakTable<DbTransaction, DbConnection> _transactions = [];

    /// <param name="dataSource">The database file: every app in this process that writes to it shares one gate.</param>
    /// <param name="patience">
    /// How long to wait for the gate before going to SQLite's own lock anyway: a writer nested inside another's
    /// transaction then fails with SQLite's timeout, as it would have without the gate, instead of waiting forever.
    /// </param>
    public SqliteWriteGate(string dataSource, TimeSpan patience)
    {
        _gate = For(dataSource);
        _patience = patience;
    }

    /// <summary>The gate of one database file, shared by every writer of this process (and the checkpointer).</summary>
    public static SemaphoreSlim For(string dataSource) => Gates.GetOrAdd(Path.GetFullPath(dataSource), _ => new SemaphoreSlim(1, 1));

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, cancellationToken);
        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _transactions.AddOrUpdate(result, connection);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        _transactions.AddOrUpdate(result, connection);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(transaction, eventData));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(ConnectionOf(transaction, eventData));
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(transaction, eventData));

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(ConnectionOf(transaction, eventData));
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(ConnectionOf(transaction, eventData));

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(ConnectionOf(transaction, eventData));
        return Task.CompletedTask;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterForStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterForStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterForStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveStatement(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        LeaveStatement(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return ValueTask.FromResult(result);
    }

    // A reader's statement (INSERT … RETURNING) runs until the reader is done with it.
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveStatement(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveStatement(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveStatement(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveStatement(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (a read-only path leaving early) ends when its connection closes.
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>Lets go of the gate if <paramref name="connection"/> holds it (its transaction is over).</summary>
    internal void Release(DbConnection connection) => Leave(connection);

    /// <summary>Statements that change the file: anything but a query or a pragma.</summary>
    internal static bool Writes(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return !(text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("WITH", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("EXPLAIN", StringComparison.OrdinalIgnoreCase));
    }

    private bool NeedsStatementGate(DbCommand command) =>
        command.Transaction is null && command.Connection is { } connection && !Holds(connection) && Writes(command.CommandText);

    private void EnterForStatement(DbCommand command)
    {
        if (NeedsStatementGate(command))
        {
            Enter(command.Connection!);
        }
    }

    private async ValueTask EnterForStatementAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (NeedsStatementGate(command))
        {
            await EnterAsync(command.Connection!, cancellationToken);
        }
    }

    private void LeaveStatement(DbCommand command)
    {
        if (command.Transaction is null && command.Connection is { } connection)
        {
            Leave(connection);
        }
    }

    private DbConnection? ConnectionOf(DbTransaction? transaction, TransactionEventData eventData) =>
        transaction is not null && _transactions.TryGetValue(transaction, out var connection) ? connection : eventData.Context?.Database.GetDbConnection();

    private bool Holds(DbConnection connection) => _holders.TryGetValue(connection, out var holder) && holder.Held;

    private void Enter(DbConnection connection)
    {
        if (Holds(connection))
        {
            return;
        }

        Mark(connection, _gate.Wait(_patience));
    }

    private async ValueTask EnterAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (Holds(connection))
        {
            return;
        }

        // The free gate is taken without the timer a timed wait sets up.
        Mark(connection, _gate.Wait(0, CancellationToken.None) || await _gate.WaitAsync(_patience, cancellationToken));
    }

    private void Mark(DbConnection connection, bool entered)
    {
        if (entered)
        {
            _holders.AddOrUpdate(connection, new Holder { Held = true });
        }
    }

    private void Leave(DbConnection? connection)
    {
        if (connection is not null && _holders.TryGetValue(connection, out var holder) && holder.Held)
        {
            holder.Held = false;
            _gate.Release();
        }
    }

    private sealed class Holder
    {
        public bool Held;
    }
}
