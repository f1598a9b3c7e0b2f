using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallFlow.Web.Data;

/// <summary>
/// Runs EF Core's commands through the statements their connection has prepared before. Microsoft.Data.Sqlite keeps a
/// prepared statement only as long as its command object, and EF Core creates a command for every execution, so every
/// statement was compiled again each time it ran (<c>sqlite3_prepare_v2</c> was a tenth of the request threads' time
/// in the benchmark; dotnet/efcore#14044). Here EF Core gets a <see cref="ReusedCommand"/> instead, which borrows the
/// connection's idle command for the same SQL, prepared on its first run, and gives it back when EF Core disposes it
/// (a command EF Core creates before it opens the connection, as in a context's very first unit, runs as before).
/// The connections stay open between units of work (<see cref="KeptOpenSqliteConnection"/>), so what is prepared once
/// serves every later unit on that connection. Each connection keeps its <see cref="Capacity"/> most recently used
/// statements; a statement that failed is not kept, and all are let go when their connection closes.
/// </summary>
internal sealed class SqliteStatementCache : DbCommandInterceptor
{
    /// <summary>Statements kept per connection: a phone turn, a console page or a job uses a few dozen distinct ones.</summary>
    public const int Capacity = 64;

    private readonly ConditionalWeakTable<SqliteConnection, Statements> _byConnection = [];
    private int _prepared;

    /// <summary>How many commands have been created to be prepared, on every connection: each SQL not found idle counts once.</summary>
    internal int Prepared => Volatile.Read(ref _prepared);

    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        eventData.Connection is SqliteConnection { State: ConnectionState.Open } connection
            ? InterceptionResult<DbCommand>.SuppressWithResult(new ReusedCommand(_byConnection.GetValue(connection, c => new Statements(this, c))))
            : result;

    /// <summary>One connection's idle commands, most recently used last.</summary>
    private sealed class Statements
    {
        private readonly SqliteStatementCache _cache;
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, LinkedListNode<SqliteCommand>> _idle = new(StringComparer.Ordinal);
        private readonly LinkedList<SqliteCommand> _recency = [];

        public Statements(SqliteStatementCache cache, SqliteConnection connection)
        {
            _cache = cache;
            _connection = connection;

            // Closing disposes every command of the connection, and with it their statements.
            connection.StateChange += (_, change) =>
            {
                if (change.CurrentState != ConnectionState.Open)
                {
                    Clear();
                }
            };
        }

        public SqliteConnection Connection => _connection;

        public SqliteCommand Rent(string sql)
        {
            lock (_idle)
            {
                if (_idle.Remove(sql, out var node))
                {
                    _recency.Remove(node);
                    return node.Value;
                }
            }

            // Not kept (new, evicted, or in use by an open reader): prepared on its first run.
            Interlocked.Increment(ref _cache._prepared);
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            return command;
        }

        public void Return(SqliteCommand returned)
        {
            // Disposed at the end unless kept; keeping it may push the least recently used one out instead.
            SqliteCommand? dispose = returned;
            returned.Parameters.Clear();
            returned.Transaction = null;
            returned.CommandTimeout = _connection.DefaultTimeout;
            if (_connection.State == ConnectionState.Open && returned.CommandText.Length > 0)
            {
                lock (_idle)
                {
                    if (!_idle.ContainsKey(returned.CommandText))
                    {
                        _idle.Add(returned.CommandText, _recency.AddLast(returned));
                        dispose = EvictBeyondCapacity();
                    }
                }
            }

            dispose?.Dispose();
        }

        // The least recently used command over capacity, to dispose outside the lock; none otherwise.
        private SqliteCommand? EvictBeyondCapacity()
        {
            if (_idle.Count <= Capacity)
            {
                return null;
            }

            var oldest = _recency.First!.Value;
            _recency.RemoveFirst();
            _idle.Remove(oldest.CommandText);
            return oldest;
        }

        private void Clear()
        {
            SqliteCommand[] commands;
            lock (_idle)
            {
                commands = [.. _recency];
                _idle.Clear();
                _recency.Clear();
            }

            foreach (var command in commands)
            {
                command.Dispose();
            }
        }
    }

    /// <summary>
    /// The command EF Core builds and runs: setting its SQL borrows the connection's command for that SQL, and its
    /// parameters, transaction and execution go to that command until EF Core disposes this one.
    /// </summary>
    private sealed class ReusedCommand(Statements statements) : DbCommand
    {
        private SqliteCommand? _borrowed;
        private bool _failed;

        private SqliteCommand Borrowed => _borrowed ??= statements.Rent(string.Empty);

        [AllowNull]
        public override string CommandText
        {
            get => _borrowed?.CommandText ?? string.Empty;
            set
            {
                GiveBack();
                _borrowed = statements.Rent(value ?? string.Empty);
            }
        }

        public override int CommandTimeout
        {
            get => Borrowed.CommandTimeout;
            set => Borrowed.CommandTimeout = value;
        }

        public override CommandType CommandType
        {
            get => CommandType.Text;
            set => Borrowed.CommandType = value;
        }

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection
        {
            get => statements.Connection;
            set
            {
                if (value != statements.Connection)
                {
                    throw new NotSupportedException("A reused SQLite statement stays on the connection that prepared it.");
                }
            }
        }

        protected override DbParameterCollection DbParameterCollection => Borrowed.Parameters;

        protected override DbTransaction? DbTransaction
        {
            get => Borrowed.Transaction;
            set => Borrowed.Transaction = (SqliteTransaction?)value;
        }

        public override void Cancel() => Borrowed.Cancel();

        public override void Prepare() => Borrowed.Prepare();

        public override int ExecuteNonQuery() => Run(static command => command.ExecuteNonQuery());

        public override object? ExecuteScalar() => Run(static command => command.ExecuteScalar());

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Run(command => command.ExecuteReader(behavior));

        protected override DbParameter CreateDbParameter() => new SqliteParameter();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                GiveBack();
            }

            base.Dispose(disposing);
        }

        private T Run<T>(Func<SqliteCommand, T> execute)
        {
            try
            {
                return execute(Borrowed);
            }
            catch
            {
                _failed = true;
                throw;
            }
        }

        private void GiveBack()
        {
            if (_borrowed is not { } borrowed)
            {
                return;
            }

            _borrowed = null;
            if (_failed)
            {
                _failed = false;
                borrowed.Dispose();
            }
            else
            {
                statements.Return(borrowed);
            }
        }
    }
}
