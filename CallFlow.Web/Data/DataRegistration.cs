using CallFlow.Web.Businesses;
using CallFlow.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace CallFlow.Web.Data;

public static class DataRegistration
{
    /// <summary>
    /// Registers the database (a pooled <see cref="IDbContextFactory{TContext}"/>) for the configured provider, and the
    /// <see cref="BusinessCache"/> the phone line reads businesses through.
    /// </summary>
    public static WebApplicationBuilder AddCallFlowData(this WebApplicationBuilder builder)
    {
        var options = new DatabaseOptions
        {
            Provider = builder.Configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite),
            ConnectionString = builder.Configuration.GetConnectionString("CallFlow") ?? new DatabaseOptions().ConnectionString,
        };
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<DatabaseReadiness>();
        builder.Services.AddSingleton<BusinessCache>();

        var sqlite = options.Provider == DatabaseProvider.Sqlite ? new SqliteConnectionStringBuilder(SqliteConnectionString(options.ConnectionString)) : null;
        if (sqlite is not null && IsFile(sqlite))
        {
            builder.Services.AddHostedService(services => new SqliteCheckpoints(
                sqlite.ConnectionString, services.GetRequiredService<DatabaseReadiness>(), services.GetRequiredService<ILogger<SqliteCheckpoints>>()));
        }

        builder.Services.AddPooledDbContextFactory<CallFlowDb>(db =>
        {
            switch (options.Provider)
            {
                case DatabaseProvider.Sqlite:
                    db.UseCallFlowSqlite(sqlite!);
                    break;
                default:
                    throw new InvalidOperationException($"Database provider '{options.Provider}' is not supported.");
            }
        });
        return builder;
    }

    /// <summary>
    /// SQLite as CallFlow runs it: per-connection settings, this process's writers queued at the write gate, and
    /// connections that stay open between units of work with the statements they have prepared.
    /// </summary>
    internal static DbContextOptionsBuilder UseCallFlowSqlite(this DbContextOptionsBuilder db, SqliteConnectionStringBuilder sqlite)
    {
        db.UseSqlite(sqlite.ConnectionString, sql => sql.MigrationsHistoryTable("__migrations"))
            .AddInterceptors(
                new SqlitePragmas(),
                new SqliteWriteGate(sqlite.DataSource, TimeSpan.FromSeconds(sqlite.DefaultTimeout)),
                new SqliteStatementCache());
#pragma warning disable EF1001 // EF Core's internal connection service, replaced only to change how it closes.
        return db.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>();
#pragma warning restore EF1001
    }

    /// <summary>Makes a relative SQLite file path relative to the root settings folder and creates its folder.</summary>
    internal static string SqliteConnectionString(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (IsFile(builder))
        {
            builder.DataSource = RootConfiguration.ResolvePath(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        // Writers queue for the lock instead of failing while another call is saving.
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }

    private static bool IsFile(SqliteConnectionStringBuilder connection) =>
        !string.IsNullOrEmpty(connection.DataSource) && connection.DataSource != ":memory:" && connection.Mode != SqliteOpenMode.Memory;
}
