using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Data;
using CallFlow.Web.Telephony;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Data;

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

        // Several checkpoint intervals of one writer and one reader that never pause, as calls keep coming.
        using var run = CancellationTokenSource.CreateLinkedTokenSource(token);
        run.CancelAfter(SqliteCheckpoints.Interval * 5);
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
        var reader = Task.Run(async () =>
        {
            while (!run.IsCancellationRequested)
            {
                await using var db = await factory.CreateDbContextAsync(token);
                await db.OutboxMessages.CountAsync(token);
            }
        }, token);
        await Task.WhenAll(writer, reader);

        // A log that never starts over holds every page ever written; this one holds about an interval's worth.
        written.ShouldBeGreaterThan(4L * 1024 * 1024, "the writer should have written several megabytes");
        new FileInfo(app.DatabasePath + "-wal").Length.ShouldBeLessThan(written / 2);
        await using (var db = await factory.CreateDbContextAsync(token))
        {
            (await db.OutboxMessages.LongCountAsync(token)).ShouldBe(written / PayloadBytes);
        }
    }
}
