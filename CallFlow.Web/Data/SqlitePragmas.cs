using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallFlow.Web.Data;

/// <summary>
/// Per-connection SQLite settings. WAL (set once at start-up, it persists in the file) lets readers run
/// beside the single writer; synchronous=NORMAL is the safe pairing for WAL and keeps commits fast.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
