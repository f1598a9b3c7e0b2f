using CallFlow.Domain.Booking;
using CallFlow.Web.Calls;
using CallFlow.Web.Data;
using CallFlow.Web.Recovery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CallFlow.Tests.Infrastructure;

/// <summary>
/// The real CallFlow app (WebApplicationFactory) on a temporary SQLite file. Pass the same database path to
/// a second instance to simulate a restart.
/// </summary>
public class CallFlowApp : WebApplicationFactory<Program>
{
    private readonly TemporaryFolder? _ownedFolder;
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);

    public CallFlowApp(string? databasePath = null, FakeTimeProvider? clock = null)
    {
        if (databasePath is null)
        {
            _ownedFolder = new TemporaryFolder();
            databasePath = _ownedFolder.File("callflow.db");
        }

        DatabasePath = databasePath;
        Clock = clock;
        _settings["ConnectionStrings:CallFlow"] = $"Data Source={databasePath}";

        // Recovery work is still recorded as rows; tests run it with RunDueJobsAsync, or turn the server on.
        _settings["Jobs:RunServer"] = "false";
    }

    public string DatabasePath { get; }

    /// <summary>The fake clock the app runs on, when one was given.</summary>
    public FakeTimeProvider? Clock { get; }

    /// <summary>Overrides one configuration value (before the app starts).</summary>
    public CallFlowApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Every transaction the app begins and commits through EF Core, counted, and the connections its statements use.</summary>
    public DatabaseCounter Database { get; } = new();

    /// <summary>How many transactions the app committed while <paramref name="work"/> ran (its start-up is not counted).</summary>
    public Task<int> TransactionsDuringAsync(Func<Task> work) => CountDuringAsync(() => Database.Committed, work);

    /// <summary>How many transactions the app began (so took the write lock for) while <paramref name="work"/> ran.</summary>
    public Task<int> TransactionsBegunDuringAsync(Func<Task> work) => CountDuringAsync(() => Database.Begun, work);

    /// <summary>How many connections the app's statements ran on while <paramref name="work"/> ran.</summary>
    public Task<int> ConnectionsUsedDuringAsync(Func<Task> work)
    {
        _ = Services;
        return Database.ConnectionsUsedDuringAsync(work);
    }

    private async Task<int> CountDuringAsync(Func<int> count, Func<Task> work)
    {
        _ = Services;
        var before = count();
        await work();
        return count() - before;
    }

    /// <summary>The SQL statements the app sends through EF Core, recorded on request.</summary>
    public CommandLog Commands { get; } = new();

    /// <summary>The SQL statements the app sent while <paramref name="work"/> ran (its start-up is not recorded).</summary>
    public Task<IReadOnlyList<string>> CommandsDuringAsync(Func<Task> work)
    {
        _ = Services;
        return Commands.DuringAsync(work);
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Runs every recovery job that is due on the app's clock, here and now (the Hangfire server is off in tests).</summary>
    public Task RunDueJobsAsync() => Service<RecoveryDispatcher>().RunDueAsync(TestContext.Current.CancellationToken);

    public CallOrchestrator Orchestrator => Service<CallOrchestrator>();

    public CallFlowDb Db() => Service<IDbContextFactory<CallFlowDb>>().CreateDbContext();

    /// <summary>Book with the in-memory desk instead of the app's database-backed one.</summary>
    public bool UseInMemoryDesk { get; init; }

    /// <summary>The calendar the conversation books into.</summary>
    public IBookingDesk Desk => Service<IBookingDesk>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.None));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<CallFlowDb>(options => options.AddInterceptors(Database, Commands));
            if (Clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }

            if (UseInMemoryDesk)
            {
                services.RemoveAll<IBookingDesk>();
                services.AddSingleton<IBookingDesk>(provider =>
                {
                    var databases = provider.GetRequiredService<IDbContextFactory<CallFlowDb>>();
                    return new InMemoryBookingDesk(provider.GetRequiredService<TimeProvider>(), id =>
                    {
                        using var db = databases.CreateDbContext();
                        return db.Businesses.AsNoTracking().FirstOrDefault(b => b.Id == id);
                    });
                });
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ownedFolder?.Dispose();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _ownedFolder?.Dispose();
        GC.SuppressFinalize(this);
    }
}
