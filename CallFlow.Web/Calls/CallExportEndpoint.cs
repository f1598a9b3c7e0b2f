using System.Globalization;
using System.Text;
using CallFlow.Domain.Calls;
using CallFlow.Web.Businesses;
using CallFlow.Web.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CallFlow.Web.Calls;

/// <summary><c>GET /calls/export.csv</c>: the call history with the same filters as the table, as CSV.</summary>
public static class CallExportEndpoint
{
    public const string Path = "/calls/export.csv";

    public static IEndpointRouteBuilder MapCallExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportAsync).RequireStaff();
        return app;
    }

    public static string UrlFor(CallHistoryFilter filter)
    {
        var query = new Dictionary<string, string?>
        {
            ["from"] = filter.From?.ToString("O", CultureInfo.InvariantCulture),
            ["to"] = filter.To?.ToString("O", CultureInfo.InvariantCulture),
            ["outcome"] = filter.Outcome?.ToString(),
            ["state"] = filter.State?.ToString(),
            ["caller"] = filter.Caller,
        };
        return QueryHelpers.AddQueryString(Path, query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private static async Task ExportAsync(
        HttpContext context, BusinessScope scope, CallQueries queries,
        DateTimeOffset? from, DateTimeOffset? to, CallOutcome? outcome, CallState? state, string? caller)
    {
        var filter = new CallHistoryFilter { From = from, To = to, Outcome = outcome, State = state, Caller = caller };
        var ids = await scope.BusinessIdsAsync(context.RequestAborted);

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"calls.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false));
        await writer.WriteLineAsync(Csv.Line("call_id", "call_sid", "business", "direction", "caller", "state", "outcome", "started_utc", "ended_utc", "duration_seconds", "step", "test_call"));
        await foreach (var row in queries.ExportAsync(ids, filter, context.RequestAborted))
        {
            await writer.WriteLineAsync(Csv.Line(
                row.Id,
                row.CallSid,
                row.BusinessName,
                row.Direction.ToString(),
                row.From,
                row.State.ToWireName(),
                row.Outcome?.ToString() ?? "",
                row.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                row.EndedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "",
                row.EndedAt is { } ended ? ((int)(ended - row.StartedAt).TotalSeconds).ToString(CultureInfo.InvariantCulture) : "",
                row.CurrentStepId ?? "",
                row.IsTest ? "yes" : ""));
        }
    }
}

/// <summary>RFC 4180 CSV, with spreadsheet formula injection defused (a leading = + - @ is quoted away).</summary>
public static class Csv
{
    public static string Line(params string[] cells) => string.Join(',', cells.Select(Cell));

    public static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !IsNumber(value))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    private static bool IsNumber(string value) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
