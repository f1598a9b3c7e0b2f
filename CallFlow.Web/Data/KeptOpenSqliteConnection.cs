#pragma warning disable EF1001 // SqliteRelationalConnection is EF Core's internal API; this changes only how it closes.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace CallFlow.Web.Data;

/// <summary>
/// EF Core's SQLite connection, except that closing it leaves it open: a pooled context keeps its connection, and the
/// statements prepared on it (<see cref="SqliteStatementCache"/>), from one unit of work to the next. It really closes
/// when its context is disposed for good (the context pool is full, or the app stops). Whatever the unit left
/// unfinished is undone as before: EF Core disposes the context's transaction first (rolling it back), and the
/// <see cref="SqliteWriteGate"/>, which learnt of the end of such a transaction only from the connection closing, is
/// told here. Read snapshots end with each statement's reader, so an idle open connection holds no reader in the log
/// and does not hold back <see cref="SqliteCheckpoints"/>.
/// </summary>
internal sealed class KeptOpenSqliteConnection(
    RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder, IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    private readonly SqliteWriteGate? _gate =
        dependencies.ContextOptions.FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SqliteWriteGate>().SingleOrDefault();

    protected override void CloseDbConnection() => _gate?.Release(DbConnection);

    protected override Task CloseDbConnectionAsync()
    {
        _gate?.Release(DbConnection);
        return Task.CompletedTask;
    }
}
