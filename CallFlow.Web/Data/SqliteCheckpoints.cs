using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CallFlow.Web.Data;

/// <summary>
/// Folds SQLite's write-ahead log back into the database file away from the requests, and keeps the log from growing.
/// The app's connections open with <c>wal_autocheckpoint=0</c> (<see cref="SqlitePragmas"/>): left on, the commit that
/// crosses the log's size threshold copies the log into the file and syncs it while it still holds the one write lock,
/// and every other call waits behind it (the benchmark measured writers waiting 130 ms on average at 50 calls at once).
/// Each interval, a PASSIVE checkpoint copies whatever the readers allow without blocking anyone (about 12 ms under the
/// benchmark's load). Once the log has grown past <see cref="RestartLogBytes"/>, a RESTART checkpoint follows, holding
/// this process's write gate (<see cref="SqliteWriteGate"/>) so no commit slips in: it copies the few pages written
/// meanwhile and waits for the readers still in the log to leave, so that the next commit writes the log from its start
/// again. Without that step the log only ever grew under steady traffic (past 1 GB in 40 s of the benchmark). The
/// restart keeps every writer of the app waiting (about 4 ms under that load), so it runs only every few seconds there,
/// and it does its own waiting for readers (<see cref="RestartAsync"/>): SQLite's busy handler sleeps 1, 2, then 5 ms
/// between tries, however soon the reader leaves. A TRUNCATE checkpoint on shutdown leaves an empty log behind.
/// </summary>
internal sealed class SqliteCheckpoints(string connectionString, DatabaseReadiness readiness, ILogger<SqliteCheckpoints> logger) : BackgroundService
{
    // Its own unpooled connection that never creates the file: a database deleted meanwhile is not brought back.
    private readonly SqliteConnectionStringBuilder _connection = new(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the log may grow before the RESTART starts it over: about two seconds of the benchmark's heaviest load.
    /// The PASSIVE checkpoint each interval keeps readers' searches of the log short however long it is, so the restart
    /// is only about disk space, and restarting less often keeps the app's writers waiting for it less often.
    /// </summary>
    public const long RestartLogBytes = 32L * 1024 * 1024;

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
        if (Checkpoint(connection, "PASSIVE", TimeSpan.Zero) is not { } passive || passive.LogBytes(PageSize(connection)) < RestartLogBytes)
        {
            return;
        }

        if (!await WriteGate.WaitAsync(RestartPatience, stoppingToken))
        {
            return;
        }

        try
        {
            await RestartAsync(connection, stoppingToken);
        }
        finally
        {
            WriteGate.Release();
        }
    }

    /// <summary>
    /// Tries the RESTART without SQLite's busy handler until no reader is left in the log. A try copies what the
    /// readers allow; once all is copied, a try only looks at the readers' locks, which is cheap. Readers of the app
    /// leave within a fraction of a millisecond, so the first millisecond only yields the processor to them; a longer
    /// reader (an export, a report) is then waited for in 1 ms sleeps, up to <see cref="RestartPatience"/> without
    /// progress.
    /// </summary>
    private async Task RestartAsync(SqliteConnection connection, CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        var copied = -1L;
        var spinner = new SpinWait();
        while (Checkpoint(connection, "RESTART", TimeSpan.Zero) is { Blocked: true } blocked)
        {
            if (blocked.CopiedPages > copied)
            {
                (copied, started, spinner) = (blocked.CopiedPages, Stopwatch.GetTimestamp(), default);
            }

            var waited = Stopwatch.GetElapsedTime(started);
            if (waited >= RestartPatience)
            {
                return;
            }

            if (waited < ReaderGrace)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1), stoppingToken);
            }
        }
    }

    /// <summary>How long the restart only yields the processor to the readers it waits for before it sleeps between tries.</summary>
    private static readonly TimeSpan ReaderGrace = TimeSpan.FromMilliseconds(1);

    /// <summary>A checkpoint's answer: whether a reader or writer kept it from finishing, the log's length and how much of it is copied, in pages.</summary>
    private readonly record struct CheckpointResult(bool Blocked, long LogPages, long CopiedPages)
    {
        public long LogBytes(long pageSize) => LogPages * pageSize;
    }

    private static long PageSize(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The checkpoint's result; null when it failed.</summary>
    private CheckpointResult? Checkpoint(SqliteConnection connection, string mode, TimeSpan patience)
    {
        try
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                connection.Open();
            }

            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout={(int)patience.TotalMilliseconds}";
            command.ExecuteNonQuery();

            // One row: whether a reader or writer blocked the checkpoint (1), the log's pages, the pages copied.
            command.CommandText = $"PRAGMA wal_checkpoint({mode})";
            using var result = command.ExecuteReader();
            result.Read();
            return new CheckpointResult(Blocked: result.GetInt64(0) != 0, LogPages: result.GetInt64(1), CopiedPages: result.GetInt64(2));
        }
        catch (SqliteException e)
        {
            // The next interval tries again; a log that grows for a while costs read speed, not data.
            logger.LogWarning(e, "SQLite checkpoint ({Mode}) failed", mode);
            return null;
        }
    }
}
