using CallFlow.Web.Businesses;
using CallFlow.Web.Conversation;
using CallFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Data;

public static class DatabaseStartup
{
    /// <summary>Applies migrations, switches SQLite to WAL, and seeds the demo business and its staff into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<CallFlowDb>>();
        var demo = services.GetRequiredService<IConfiguration>().GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        var clock = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));

        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            if (demo.SeedOnEmptyDatabase && !await db.Businesses.AnyAsync(cancellationToken))
            {
                var business = DemoBusiness.Create(demo, clock.GetUtcNow());
                db.Businesses.Add(business);
                db.FlowVersions.Add(FlowVersion.Initial(business, clock.GetUtcNow()));
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Seeded the demo business {BusinessId} answering {PhoneNumber}", DemoBusiness.Id, demo.PhoneNumber);
            }
        }

        if (demo.SeedOnEmptyDatabase)
        {
            await services.SeedDemoStaffAsync(demo, cancellationToken);
        }

        services.GetRequiredService<DatabaseReadiness>().MarkReady();
    }
}
