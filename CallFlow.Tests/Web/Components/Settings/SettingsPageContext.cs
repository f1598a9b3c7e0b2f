using AngleSharp.Dom;
using Bunit;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Calendar;
using CallFlow.Web.Businesses;
using CallFlow.Web.Businesses.Settings;
using CallFlow.Web.Calendar;
using CallFlow.Web.Components.Pages.Settings;
using CallFlow.Web.Data;
using CallFlow.Web.Telephony;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CallFlow.Tests.Web.Components.Settings;

/// <summary>
/// The settings page rendered by bUnit over a real app (its database, booking desk and settings service), whose clock
/// stands at Monday 2 March 2026, 08:00 in New York; with the snackbar and dialog providers the page's layout has.
/// </summary>
public abstract class SettingsPageContext : ConsoleContext, IAsyncLifetime
{
    protected CalendarApp App { get; } = new();

    protected IRenderedComponent<MudSnackbarProvider> Snackbars { get; private set; } = null!;

    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = null!;

    protected static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        Services.AddSingleton(App.Service<IDbContextFactory<CallFlowDb>>());
        Services.AddSingleton(App.Service<BookingDesk>());
        Services.AddSingleton(App.Service<IOptions<TwilioOptions>>());
        Services.AddSingleton<TimeProvider>(App.Time);
        Services.AddScoped<BusinessScope>();
        Services.AddScoped<BusinessSettingsService>();
        Services.AddScoped<CallFlow.Web.Recovery.RecoveryPolicies>();
        return ValueTask.CompletedTask;
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await App.DisposeAsync();
    }

    protected IRenderedComponent<SettingsPage> RenderPage(StaffAccount? account = null)
    {
        SignInAs(account ?? App.DemoOwner());
        Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
        Snackbars = Render<MudSnackbarProvider>();
        var page = Render<SettingsPage>();
        page.WaitForState(() => page.FindAll("[data-testid=loading]").Count == 0);
        return page;
    }

    protected static IElement Section(IRenderedComponent<SettingsPage> page, string anchor) => page.Find($"[data-testid=section-{anchor}]");

    /// <summary>The input of a MudBlazor field by its test id, within an element.</summary>
    protected static IElement Input(IElement within, string testId) =>
        within.QuerySelector($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea")
        ?? throw new InvalidOperationException($"No input {testId}.");

    /// <summary>Types into a field as the browser reports it: on change, or on every key for an immediate field.</summary>
    protected static void Type(IElement within, string testId, string value)
    {
        var input = Input(within, testId);
        if (input.HasAttribute("blazor:onchange"))
        {
            input.Change(value);
        }
        else
        {
            input.Input(value);
        }
    }

    /// <summary>The whole field (label, input, helper or error text) around an input.</summary>
    protected static IElement Field(IElement within, string testId) =>
        Input(within, testId).Closest(".mud-input-control") ?? throw new InvalidOperationException($"No field around {testId}.");

    protected void ShouldShowSnackbar(string text) =>
        Snackbars.WaitForAssertion(() => Snackbars.Markup.ShouldContain(text));
}
