namespace CallFlow.Web.Live;

public static class LiveRegistration
{
    public static WebApplicationBuilder AddLiveUpdates(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<InProcessCallBroadcaster>();
        builder.Services.AddSingleton<ICallBroadcaster>(sp => sp.GetRequiredService<InProcessCallBroadcaster>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InProcessCallBroadcaster>());
        return builder;
    }
}
