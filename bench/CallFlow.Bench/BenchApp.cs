using CallFlow.Web.Data;
using CallFlow.Web.Metrics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Bench;

/// <summary>
/// The real CallFlow app (its own Program, Release build) on a loopback Kestrel port in this process: SQLite on a
/// temporary file, the simulated carrier, the jobs server on as in production, Warning logging, and the baseline
/// endpoint added (<see cref="BaselineEndpoint"/>). Disposing it stops the app and deletes the database.
/// </summary>
public sealed class BenchApp : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "callflow-bench-" + Guid.NewGuid().ToString("N"));

    private BenchApp()
    {
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, "callflow.db");
    }

    public string DatabasePath { get; }

    /// <summary>Where Kestrel listens (http://127.0.0.1:port/).</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public string AuthToken => Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Twilio:AuthToken"]!;

    public CallFlowMeter Meter => Services.GetRequiredService<CallFlowMeter>();

    public IDbContextFactory<CallFlowDb> Databases => Services.GetRequiredService<IDbContextFactory<CallFlowDb>>();

    public static BenchApp Start()
    {
        var app = new BenchApp();
        app.UseKestrel(0);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        app.BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/') + "/");
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:CallFlow", $"Data Source={DatabasePath}");
        builder.UseSetting("Carrier:Mode", "Simulated");
        builder.UseSetting("Jobs:RunServer", "true");
        builder.UseSetting("Twilio:PublicBaseUrl", "");

        // What a production deployment logs; Information on every webhook would be measured as part of the app.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "None");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, BaselineEndpoint>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown: the temporary folder is left behind, nothing else.
        }

        GC.SuppressFinalize(this);
    }
}
