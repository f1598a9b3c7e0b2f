using Microsoft.Data.Sqlite;

namespace CallFlow.Web.Data;

/// <summary>
/// Folds SQLite's write-ahead log back into the database file away from the requests, and keeps the log from growing.
/// The app's connections open with <c>wal_autocheckpoint=0</c> (<see cref="SqlitePragmas"/>): left on, the commit that
/// crosses the log's size threshold copies the log into the file and syncs it while it still holds the one write lock,
/// and every other call waits behind it (the benchmark measured writers waiting 130 ms on average at 50 calls at once).
/// Each interval, a PASSIVE checkpoint first copies whatever the readers allow without blocking anyone (about 20 ms
/// under the benchmark's load); then, holding this process's write gate (<see cref="SqliteWriteGate"/>) so no commit
/// slips in, a RESTART checkpoint copies the few frames left and waits a moment for readers to leave the log (about
/// 6 ms), so that the next commit writes the log from its start again. Without that step the log only ever grew under
/// steady traffic (past 1 GB in 40 s of the benchmark), every commit extended the file and every read searched a
/// longer index. A TRUNCATE checkpoint on shutdown leaves an empty log behind.
/// </summary>
internal sealed class SqliteCheckpoints(string connectionString, DatabaseReadiness readiness, ILogger<SqliteCheckpoints> logger) : BackgroundService
{
    // Its own unpooled connection that never creates the file: a database deleted meanwhile is not brought back.
    private readonly SqliteConnectionStringBuilder _connection = new(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>How long the restart waits for the write gate, and then for readers still in the log; the next interval tries again.</summary>
    public static readonly TimeSpan RestartPatience = TimeSpan.FromMilliseconds(100);

    private SemaphoreSlim WriteGate => SqliteWriteGate.For(_connection.DataSource);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (readiness.IsReady)
                {
                    await CheckpointAsync(stoppingToken);
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
            using var connection = new SqliteConnection(_connection.ConnectionString);
            Checkpoint(connection, "TRUNCATE", TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>
    /// One interval's checkpoints on one connection, opened (and its schema read) by the PASSIVE one, outside the write
    /// gate, so the RESTART holds the gate only for its own work.
    /// </summary>
    private async Task CheckpointAsync(CancellationToken stoppingToken)
    {
        using var connection = new SqliteConnection(_connection.ConnectionString);
        Checkpoint(connection, "PASSIVE", TimeSpan.Zero);
        if (!await WriteGate.WaitAsync(RestartPatience, stoppingToken))
        {
            return;
        }

        try
        {
            Checkpoint(connection, "RESTART", RestartPatience);
        }
        finally
        {
            WriteGate.Release();
        }
    }

    private void Checkpoint(SqliteConnection connection, string mode, TimeSpan patience)
    {
        try
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                connection.Open();
            }

            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout={(int)patience.TotalMilliseconds}; PRAGMA wal_checkpoint({mode});";
            command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            // The next interval tries again; a log that grows for a while costs read speed, not data.
            logger.LogWarning(e, "SQLite checkpoint ({Mode}) failed", mode);
        }
    }
}
