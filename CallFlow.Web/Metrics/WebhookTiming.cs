using System.Diagnostics;

namespace CallFlow.Web.Metrics;

/// <summary>Times each carrier webhook (signature check included) for <see cref="CallFlowMeter"/>, tagged with its route.</summary>
internal sealed class WebhookTiming(CallFlowMeter meter) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(context);
        }
        finally
        {
            // The route pattern, not the path: a bounded set of tag values.
            var endpoint = (context.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unknown";
            meter.WebhookAnswered(endpoint, Stopwatch.GetElapsedTime(started));
        }
    }
}
