using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallFlow.Web.Calls;

public static class CallsRegistration
{
    public static WebApplicationBuilder AddCalls(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CallLocks>();
        builder.Services.AddSingleton<CallOrchestrator>();
        builder.Services.AddSingleton<CallQueries>();
        builder.Services.AddScoped<StaffActions>();
        return builder;
    }
}
