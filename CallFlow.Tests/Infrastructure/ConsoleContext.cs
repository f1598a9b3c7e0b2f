using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using CallFlow.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calls;
using CallFlow.Web.Data;
using CallFlow.Web.Live;
using CallFlow.Web.Telephony;
using CallFlow.Web.Telephony.Simulator;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor's services and loose JS interop, as the console's components expect.</summary>
public abstract class ConsoleContext : BunitContext
{
    static ConsoleContext()
    {
        // bUnit waits one second by default; a 2-core CI runner under the full suite needs more headroom. Waits
        // return as soon as the condition holds, so this only lengthens failures.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    protected ConsoleContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>();
    }

    /// <summary>
    /// Renders as this staff member. <c>BusinessScope</c> then reads their real memberships from the app's database;
    /// bUnit's authorization service is a stand-in, so the Owner policy passes exactly when the account owns a business.
    /// </summary>
    protected void SignInAs(StaffAccount account)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(account.Email);
        authorization.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, account.Id),
            new Claim(StaffClaims.DisplayName, account.Name));
        if (account.IsOwner)
        {
            authorization.SetPolicies(StaffPolicies.Owner);
        }
    }

    /// <summary>
    /// Gives the components a running app's services: its database, queries, broadcaster, orchestrator and carrier,
    /// (and the simulated carrier that carries test calls), with <c>BusinessScope</c> and <c>StaffActions</c> scoped to the user of <see cref="SignInAs"/>.
    /// </summary>
    protected void UseServicesOf(CallFlowApp app)
    {
        Services.AddSingleton(app.Service<IDbContextFactory<CallFlowDb>>());
        Services.AddSingleton(app.Service<CallQueries>());
        Services.AddSingleton(app.Service<ICallBroadcaster>());
        Services.AddSingleton(app.Service<CallOrchestrator>());
        Services.AddSingleton(app.Service<ICarrierClient>());
        Services.AddSingleton(app.Service<SimulatedCarrierWorker>());
        Services.AddSingleton(app.Service<TwimlWriter>());
        Services.AddSingleton(app.Service<WebhookUrls>());
        Services.AddSingleton(app.Service<OutboxQueries>());
        Services.AddSingleton(app.Service<IOptions<CarrierOptions>>());
        Services.AddSingleton(app.Service<TimeProvider>());
        Services.AddScoped<BusinessScope>();
        Services.AddScoped<StaffActions>();
    }

    /// <summary>Forms with <c>&lt;AntiforgeryToken /&gt;</c> (the app bar's sign-out) render a known token.</summary>
    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public const string Token = "test-antiforgery-token";

        public override AntiforgeryRequestToken GetAntiforgeryToken() => new(Token, "__RequestVerificationToken");
    }
}
