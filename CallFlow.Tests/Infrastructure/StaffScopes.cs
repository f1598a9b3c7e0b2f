using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.Infrastructure;

/// <summary>Services of a running app as one signed-in staff member's console circuit sees them.</summary>
public static class StaffScopes
{
    /// <summary>
    /// A DI scope whose authentication state is this staff member, set the way the console's circuit sets it.
    /// Resolve scoped services (BusinessScope, StaffActions) from it and dispose it when done.
    /// </summary>
    public static async Task<AsyncServiceScope> SignedInScopeAsync(this CallFlowApp app, StaffAccount account)
    {
        var principal = await app.PrincipalAsync(account);
        var scope = app.Services.CreateAsyncScope();
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }
}
