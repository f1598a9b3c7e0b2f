using CallFlow.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Hosting;

public static class HealthEndpoint
{
    /// <summary><c>GET /health</c>: 200 once the database is migrated, seeded and reachable; 503 before.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", CheckAsync).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(
        DatabaseReadiness readiness, IDbContextFactory<CallFlowDb> dbFactory, CancellationToken cancellationToken)
    {
        var ready = readiness.IsReady;
        if (ready)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            ready = await db.Database.CanConnectAsync(cancellationToken);
        }

        var report = new HealthReport(ready ? "healthy" : "starting", ready);
        return ready ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public sealed record HealthReport(string Status, bool Database);
}
