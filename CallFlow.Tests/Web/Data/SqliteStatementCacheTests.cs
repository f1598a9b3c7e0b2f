using System.Data;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.Web.Data;

/// <summary>
/// SQLite as the app configures it (<see cref="DataRegistration.UseCallFlowSqlite"/>), through a pooled context
/// factory on a file of its own: connections kept open between units of work and the statements they prepared.
/// </summary>
public sealed class SqliteStatementCacheTests : IAsyncDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly SqliteConnectionStringBuilder _sqlite;
    private readonly ServiceProvider _services;
    private readonly IDbContextFactory<CallFlowDb> _factory;

    public SqliteStatementCacheTests()
    {
        _sqlite = new SqliteConnectionStringBuilder { DataSource = _folder.File("statements.db"), DefaultTimeout = 30 };
        _services = new ServiceCollection().AddPooledDbContextFactory<CallFlowDb>(db => db.UseCallFlowSqlite(_sqlite)).BuildServiceProvider();
        _factory = _services.GetRequiredService<IDbContextFactory<CallFlowDb>>();
        using var setup = new SqliteConnection(_sqlite.ConnectionString);
        setup.Open();
        using var create = setup.CreateCommand();
        create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT NOT NULL);";
        create.ExecuteNonQuery();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private SqliteStatementCache Cache => _services.GetRequiredService<DbContextOptions<CallFlowDb>>().FindExtension<CoreOptionsExtension>()!.Interceptors!.OfType<SqliteStatementCache>().Single();

    public async ValueTask DisposeAsync()
    {
        // Disposing the context pool closes the kept connections.
        await _services.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_statement_run_again_in_a_later_unit_of_work_is_not_prepared_again()
    {
        await CountNotesAsync();
        await AddNoteAsync(1);
        var prepared = Cache.Prepared;

        await CountNotesAsync();
        await AddNoteAsync(2);

        Cache.Prepared.ShouldBe(prepared);
        (await CountNotesAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task A_pooled_context_gets_its_connection_back_still_open()
    {
        SqliteConnection first;
        await using (var db = await _factory.CreateDbContextAsync(Token))
        {
            await CountNotesAsync(db);
            first = (SqliteConnection)db.Database.GetDbConnection();
        }

        first.State.ShouldBe(ConnectionState.Open);
        await using var again = await _factory.CreateDbContextAsync(Token);
        again.Database.GetDbConnection().ShouldBeSameAs(first);
    }

    [Fact]
    public async Task A_statement_that_failed_is_prepared_afresh_and_runs_again()
    {
        await AddNoteAsync(1);
        await AddNoteAsync(2);
        var prepared = Cache.Prepared;

        await Should.ThrowAsync<SqliteException>(() => AddNoteAsync(1));
        await AddNoteAsync(3);

        Cache.Prepared.ShouldBe(prepared + 1);
        (await CountNotesAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task A_kept_connection_holds_no_reader_in_the_log_between_units_of_work()
    {
        await CountNotesAsync();

        // Written by another connection after the kept one's last read: a reader still in its snapshot would keep the
        // log from starting over.
        await using var other = new SqliteConnection(_sqlite.ConnectionString);
        await other.OpenAsync(Token);
        await using var write = other.CreateCommand();
        write.CommandText = "INSERT INTO Notes (Text) VALUES ('later'); PRAGMA busy_timeout=0;";
        await write.ExecuteNonQueryAsync(Token);
        await using var restart = other.CreateCommand();
        restart.CommandText = "PRAGMA wal_checkpoint(RESTART)";
        await using var result = await restart.ExecuteReaderAsync(Token);

        result.Read().ShouldBeTrue();
        result.GetInt32(0).ShouldBe(0, "the RESTART checkpoint found the log busy");
    }

    [Fact]
    public async Task A_transaction_left_unfinished_lets_the_next_writer_in_once_its_context_is_returned()
    {
        // Opened for the whole unit, as the phone turn's units are: EF Core then closes it only when the context goes back.
        await using (var abandoned = await _factory.CreateOpenDbContextAsync(Token))
        {
            await abandoned.Database.BeginTransactionAsync(Token);
            await abandoned.Database.ExecuteSqlRawAsync("INSERT INTO Notes (Text) VALUES ('never')", Token);
        }

        // The returned context (and its connection, still open) is leased again, so the writer needs another one.
        await using var returned = await _factory.CreateDbContextAsync(Token);
        await using var writer = await _factory.CreateDbContextAsync(Token);
        writer.Database.GetDbConnection().ShouldNotBeSameAs(returned.Database.GetDbConnection());
        await using var transaction = await writer.Database.BeginTransactionAsync(Token).WaitAsync(TimeSpan.FromSeconds(5), Token);
        await writer.Database.ExecuteSqlRawAsync("INSERT INTO Notes (Text) VALUES ('written')", Token);
        await transaction.CommitAsync(Token);

        (await CountNotesAsync()).ShouldBe(1);
    }

    private async Task<long> CountNotesAsync()
    {
        await using var db = await _factory.CreateDbContextAsync(Token);
        return await CountNotesAsync(db);
    }

    private static async Task<long> CountNotesAsync(CallFlowDb db) =>
        (await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM Notes").ToListAsync(Token)).Single();

    private async Task AddNoteAsync(int id)
    {
        await using var db = await _factory.CreateDbContextAsync(Token);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO Notes (Id, Text) VALUES ({0}, 'note')", [id], Token);
    }
}
