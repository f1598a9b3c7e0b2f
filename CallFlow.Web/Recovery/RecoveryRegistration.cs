using CallFlow.Web.Identity;
using CallFlow.Web.Telephony;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallFlow.Web.Recovery;

public static class RecoveryRegistration
{
    public const string DashboardPath = "/jobs";

    /// <summary>
    /// Recovery: the jobs that keep promises made to callers (callbacks, provisional bookings, texts, silent calls, slot
    /// holds) on Hangfire with in-memory storage, the hang-up handlers that start them, and the owners' policy editor.
    /// </summary>
    public static WebApplicationBuilder AddRecovery(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        AddHangfire(services, builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions());

        services.AddSingleton<JobQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<JobQueue>());
        services.AddSingleton<OutgoingTexts>();
        services.AddSingleton<MessageJobs>();
        services.AddSingleton<ProvisionalBookingJob>();
        services.AddSingleton<FollowUpJob>();
        services.AddSingleton<CallbackJob>();
        services.AddSingleton<StaleCallSweeper>();
        services.AddSingleton<HoldCleanupJob>();
        services.AddSingleton<RecoveryDispatcher>();
        services.AddSingleton<CallRecovery>();
        services.AddScoped<RecoveryPolicies>();
        services.AddSingleton<ICallEndedHandler, ConnectionLostRecovery>();
        services.AddSingleton<ICallEndedHandler>(provider => provider.GetRequiredService<CallbackJob>());
        services.AddHostedService<RecoveryStartup>();
        return builder;
    }

    /// <summary>The Hangfire dashboard at <c>/jobs</c>, for owners only (the console's sign-in decides, not Hangfire's local-only default).</summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AppPath = "/",
            DashboardTitle = "CallFlow jobs",
            DisplayStorageConnectionString = false,
        }).RequireStaff(StaffPolicies.Owner);
        return app;
    }

    /// <summary>
    /// Hangfire with everything per app instance (storage, activator, clients), never through its static globals,
    /// so several apps in one process (the tests) never share jobs. Its own logging is left off; the jobs log.
    /// </summary>
    private static void AddHangfire(IServiceCollection services, JobsOptions jobs)
    {
        ConfigureSerialization();
        services.AddSingleton<JobStorage>(_ => new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(6) }));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(_ => { });

        // AddHangfire's own marker would point Hangfire's global log provider and activator at this app's services.
        services.RemoveAll<IGlobalConfiguration>();
        services.AddSingleton(_ => GlobalConfiguration.Configuration);

        if (jobs.RunServer)
        {
            services.AddHangfireServer((_, server) =>
            {
                server.WorkerCount = jobs.WorkerCount;
                server.SchedulePollingInterval = jobs.PollingInterval;
                server.ServerCheckInterval = TimeSpan.FromMinutes(1);
                server.HeartbeatInterval = TimeSpan.FromSeconds(30);
                server.ShutdownTimeout = TimeSpan.FromSeconds(5);
            });
        }
    }

    private static readonly Lazy<bool> Serialization = new(() =>
    {
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings();
        return true;
    });

    private static void ConfigureSerialization() => _ = Serialization.Value;
}
