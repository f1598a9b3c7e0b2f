using System.Globalization;
using System.Text;
using CallFlow.Domain.Metrics;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calls;
using CallFlow.Web.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CallFlow.Web.Metrics;

/// <summary>
/// <c>GET /metrics/export.csv?business=&amp;from=yyyy-MM-dd&amp;to=yyyy-MM-dd[&amp;version=][&amp;compare=]</c>: the figures of the
/// metrics page as RFC 4180 CSV, one figure per line (<c>flow_version,section,row,column,value</c>), so every line
/// has the same fields. Any staff member of the business may export; another business's id is a 404, a bad period a 400.
/// </summary>
public static class MetricsExportEndpoint
{
    public const string Path = "/metrics/export.csv";

    public static IEndpointRouteBuilder MapMetricsExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportAsync).RequireStaff();
        return app;
    }

    public static string UrlFor(MetricsRequest request, long? compare = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["business"] = request.BusinessId,
            ["from"] = request.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = request.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["version"] = request.FlowVersionId?.ToString(CultureInfo.InvariantCulture),
            ["compare"] = compare?.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString(Path, query.Where(p => p.Value is not null));
    }

    /// <summary>The CSV lines of one or more reports, header first.</summary>
    public static IEnumerable<string> Lines(params MetricsReport[] reports)
    {
        yield return Csv.Line("flow_version", "section", "row", "column", "value");
        foreach (var report in reports)
        {
            foreach (var table in MetricsTables.For(report))
            {
                foreach (var row in table.Rows)
                {
                    for (var i = 0; i < table.Columns.Count; i++)
                    {
                        yield return Csv.Line(report.VersionLabel, table.Id, row.Label, table.Columns[i], row.Cells[i]);
                    }
                }
            }
        }
    }

    private static async Task<IResult> ExportAsync(
        HttpContext context, BusinessScope scope, MetricsQueries queries, string? business, DateOnly? from, DateOnly? to, long? version, long? compare)
    {
        if (string.IsNullOrWhiteSpace(business) || from is null || to is null)
        {
            return Results.BadRequest("business, from and to (yyyy-MM-dd) are required.");
        }

        if (to < from || to.Value.DayNumber - from.Value.DayNumber >= ReportingPeriod.MaxDays)
        {
            return Results.BadRequest($"The period must run forwards and cover at most {ReportingPeriod.MaxDays} days.");
        }

        var ids = await scope.BusinessIdsAsync(context.RequestAborted);
        var request = new MetricsRequest(business, from.Value, to.Value, version);
        if (await queries.ReportAsync(ids, request, context.RequestAborted) is not { } report)
        {
            return Results.NotFound();
        }

        var reports = compare is { } other && other != version
            ? [report, (await queries.ReportAsync(ids, request with { FlowVersionId = other }, context.RequestAborted))!]
            : new[] { report };
        var text = string.Join("\r\n", Lines(reports)) + "\r\n";
        var name = $"metrics-{business}-{request.From:yyyy-MM-dd}-{request.To:yyyy-MM-dd}.csv";
        return Results.File(new UTF8Encoding(false).GetBytes(text), "text/csv; charset=utf-8", name);
    }
}
