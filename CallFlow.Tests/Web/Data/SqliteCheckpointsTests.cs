using System.Buffers.Binary;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Data;
using CallFlow.Web.Telephony;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Data;

[Collection(AloneCollection.Name)]
public class SqliteCheckpointsTests
{
    private const int PayloadBytes = 8 * 1024;

    [Fact]
    public async Task Under_steady_writes_and_reads_the_write_ahead_log_starts_over_instead_of_growing()
    {
        var token = TestContext.Current.CancellationToken;
        await using var app = new CallFlowApp();
        using var client = app.CreateClient();
        (await client.GetAsync("/health", token)).EnsureSuccessStatusCode();
        var factory = app.Service<IDbContextFactory<CallFlowDb>>();
        var payload = new string('x', PayloadBytes);
        var log = app.DatabasePath + "-wal";

        // One writer that never pauses and two readers taking turns, so a reader always holds a snapshot of the log,
        // as steady calls do: SQLite alone then never starts the log over.
        using var run = CancellationTokenSource.CreateLinkedTokenSource(token);
        var written = 0L;
        var writer = Task.Run(async () =>
        {
            while (!run.IsCancellationRequested)
            {
                await using var db = await factory.CreateDbContextAsync(token);
                db.OutboxMessages.Add(new OutboxMessage { Kind = OutboxKind.Message, CarrierSid = $"SM{written}", To = "+12125550100", From = "+15005550006", Body = payload });
                await db.SaveChangesAsync(token);
                written += PayloadBytes;
            }
        }, token);
        var readers = Enumerable.Range(0, 2).Select(reader => Task.Run(async () =>
        {
            await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
            await connection.OpenAsync(token);
            await Task.Delay(10 * reader, token);
            while (!run.IsCancellationRequested)
            {
                // A deferred transaction reads (and keeps its snapshot) without taking the write lock.
                await using var snapshot = connection.BeginTransaction(deferred: true);
                await using var count = connection.CreateCommand();
                count.CommandText = "SELECT COUNT(*) FROM OutboxMessages";
                await count.ExecuteScalarAsync(token);
                await Task.Delay(20, token);
            }
        }, token)).ToList();

        // Each time the log starts over, SQLite writes a new header with the checkpoint sequence number one higher.
        var first = await Eventually.UntilAsync(() => CheckpointSequence(log), sequence => sequence is not null);
        var later = await Eventually.UntilAsync(() => CheckpointSequence(log), sequence => sequence >= first + 2, attempts: 400);
        await run.CancelAsync();
        await Task.WhenAll([writer, .. readers]);

        first.ShouldNotBeNull("the writer should have started the log");
        later.ShouldNotBeNull();
        (later.Value - first.Value).ShouldBeGreaterThanOrEqualTo(2u, "the checkpointer should start the log over each time it passes its limit");
        await using (var db = await factory.CreateDbContextAsync(token))
        {
            (await db.OutboxMessages.LongCountAsync(token)).ShouldBe(written / PayloadBytes);
        }
    }

    /// <summary>The write-ahead log header's checkpoint sequence number (bytes 12–15, big-endian); null before the log has a header.</summary>
    private static uint? CheckpointSequence(string log)
    {
        if (!File.Exists(log))
        {
            return null;
        }

        using var file = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[16];
        return file.Read(header) == header.Length ? BinaryPrimitives.ReadUInt32BigEndian(header[12..]) : null;
    }
}

/// <summary>
/// Tests that watch the database under steady load run alone, after the rest of the suite: beside the other tests on
/// two cores, a checkpoint waiting for a starved reader says more about the test run than about the app.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
