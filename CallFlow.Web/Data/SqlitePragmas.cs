using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallFlow.Web.Data;

/// <summary>
/// Per-connection SQLite settings, applied once to each physical connection (a pooled one keeps them; running them on
/// every open cost four parsed statements per query). WAL (set once at start-up, it persists in the file) lets
/// readers run beside the single writer; synchronous=NORMAL is the safe pairing for WAL and keeps commits fast.
/// Writers of this process queue in <see cref="SqliteWriteGate"/>; busy_timeout lets SQLite itself wait (in steps of
/// a few milliseconds) for a writer of another process, where Microsoft.Data.Sqlite alone would sleep 150 ms at a time.
/// Checkpoints run in the background (<see cref="SqliteCheckpoints"/>), not in whichever commit fills the log; the
/// commit that starts the log over cuts a log that once grew past 64 MB back to that size (journal_size_limit).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas =
        "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=5000; PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=67108864;";

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstOpen(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, handle);
}
