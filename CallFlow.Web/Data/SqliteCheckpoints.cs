using Microsoft.Data.Sqlite;

namespace CallFlow.Web.Data;

/// <summary>
/// Folds SQLite's write-ahead log back into the database file away from the requests. The app's connections open
/// with <c>wal_autocheckpoint=0</c> (<see cref="SqlitePragmas"/>): left on, the commit that crosses the log's size
/// threshold copies the log into the file and syncs it while it still holds the one write lock, and every other
/// call waits behind it (the benchmark measured writers waiting 130 ms on average at 50 calls at once). Here a
/// PASSIVE checkpoint each interval copies whatever the readers allow without blocking anyone, and a TRUNCATE one on
/// shutdown leaves an empty log behind.
/// </summary>
internal sealed class SqliteCheckpoints(string connectionString, DatabaseReadiness readiness, ILogger<SqliteCheckpoints> logger) : BackgroundService
{
    // Its own unpooled connection that never creates the file: a database deleted meanwhile is not brought back.
    private readonly SqliteConnectionStringBuilder _connection = new(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (readiness.IsReady)
                {
                    Checkpoint("PASSIVE");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (readiness.IsReady && File.Exists(_connection.DataSource))
        {
            Checkpoint("TRUNCATE");
        }
    }

    private void Checkpoint(string mode)
    {
        try
        {
            using var connection = new SqliteConnection(_connection.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout=1000; PRAGMA wal_checkpoint({mode});";
            command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            // The next interval tries again; a log that grows for a while costs read speed, not data.
            logger.LogWarning(e, "SQLite checkpoint ({Mode}) failed", mode);
        }
    }
}
