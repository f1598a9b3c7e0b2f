using CallFlow.Web.Businesses;
using CallFlow.Web.Businesses.Settings;
using CallFlow.Web.Conversation;
using CallFlow.Web.Identity;
using CallFlow.Web.TestCalls;
using MudBlazor;
using MudBlazor.Services;

namespace CallFlow.Web.Components;

public static class ConsoleRegistration
{
    public static WebApplicationBuilder AddOperatorConsole(this WebApplicationBuilder builder)
    {
        // `dotnet run` starts in Production without a launch profile; package assets (MudBlazor's CSS, blazor.web.js)
        // are then only found through the static web assets manifest. After `dotnet publish` this is a no-op.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        builder.Services.AddScoped<BusinessScope>();
        builder.Services.AddScoped<BusinessSettingsService>();
        builder.Services.AddScoped<FlowEditing>();
        builder.Services.AddScoped<TestCallDialer>();
        return builder;
    }

    public static WebApplication UseOperatorConsole(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        // Friendly status pages are for people in browsers; webhooks and feeds keep their plain status codes.
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method)
                && context.Request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true),
            browser => browser.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseStaffSignIn();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapOperatorConsole(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
