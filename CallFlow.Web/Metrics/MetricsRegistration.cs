using CallFlow.Web.Calls;

namespace CallFlow.Web.Metrics;

public static class MetricsRegistration
{
    /// <summary>
    /// Metrics: the <c>CallFlow</c> meter fed from every saved unit of work on a call (and timed webhooks), and the
    /// queries behind the metrics page and its CSV export.
    /// </summary>
    public static WebApplicationBuilder AddCallMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<CallFlowMeter>();
        builder.Services.AddSingleton<ICallWorkObserver, CallWorkMeasurements>();
        builder.Services.AddSingleton<MetricsQueries>();
        return builder;
    }
}
