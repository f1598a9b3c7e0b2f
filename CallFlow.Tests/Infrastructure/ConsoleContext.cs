using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using CallFlow.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CallFlow.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor's services and loose JS interop, as the console's components expect.</summary>
public abstract class ConsoleContext : BunitContext
{
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

    /// <summary>Forms with <c>&lt;AntiforgeryToken /&gt;</c> (the app bar's sign-out) render a known token.</summary>
    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public const string Token = "test-antiforgery-token";

        public override AntiforgeryRequestToken GetAntiforgeryToken() => new(Token, "__RequestVerificationToken");
    }
}
