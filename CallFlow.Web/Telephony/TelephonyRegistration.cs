using CallFlow.Web.Conversation;
using CallFlow.Web.Telephony.Simulator;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallFlow.Web.Telephony;

public static class TelephonyRegistration
{
    /// <summary>
    /// The carrier side: validated Twilio and Carrier options, the webhook pieces (signature filter, TwiML, status
    /// callbacks) and the carrier client for <c>Carrier:Mode</c>. The webhooks talk to the <see cref="IReceptionist"/>
    /// registered by <c>AddConversation</c>.
    /// </summary>
    public static WebApplicationBuilder AddTelephony(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateOnStart();
        services.AddOptions<CarrierOptions>().BindConfiguration(CarrierOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwilioOptions>, TelephonyOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WebhookUrls>();
        services.AddSingleton<TwimlWriter>();
        services.AddSingleton<TwimlResponder>();
        services.AddSingleton<StatusCallbackHandler>();
        services.AddSingleton<OutboxQueries>();
        services.AddSingleton<WebhookSlots>();

        // Behind a tunnel or reverse proxy on this machine, X-Forwarded-Proto/Host give the URL Twilio signed.
        // Proxies elsewhere are trusted with ASPNETCORE_FORWARDEDHEADERS_ENABLED, or avoided with Twilio:PublicBaseUrl.
        services.Configure<ForwardedHeadersOptions>(forwarded =>
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        services.AddTransient<IStartupFilter, ForwardedHeadersFirst>();

        // The simulated carrier runs in both modes: in Twilio mode it carries the console's test calls.
        services.AddSingleton<LocalCarrierSimulator>();
        services.AddSingleton<SimulatedCarrierWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<SimulatedCarrierWorker>());
        services.AddSingleton<SimulatedCarrierClient>();
        var mode = builder.Configuration.GetValue(CarrierOptions.Section + ":" + nameof(CarrierOptions.Mode), CarrierMode.Simulated);
        if (mode == CarrierMode.Twilio)
        {
            TwilioRestClient.Register(services);
            services.AddTransient<ICarrierClient, TestCallRouting>();
        }
        else
        {
            services.AddSingleton<ICarrierClient>(provider => provider.GetRequiredService<SimulatedCarrierClient>());
        }

        return builder;
    }

    /// <summary>Runs the forwarded-headers middleware before anything reads the request's scheme or host.</summary>
    private sealed class ForwardedHeadersFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}
