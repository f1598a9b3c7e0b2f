using CallFlow.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallFlow.Web.Identity;

/// <summary>
/// Cookie sign-in for staff with ASP.NET Core Identity on the app's own database. Only the console asks for it:
/// pages carry <c>[Authorize]</c> and console endpoints call <see cref="RequireStaff{TBuilder}"/>. There is
/// deliberately no fallback policy, so webhooks, <c>/health</c> and calendar feeds stay reachable without a cookie.
/// </summary>
public static class StaffSignIn
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string AccessDeniedPath = "/account/access-denied";

    /// <summary>The name the data-protection keys are shared under (by default it would be the app's folder).</summary>
    public const string KeyRingName = "CallFlow";

    public static WebApplicationBuilder AddStaffSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "callflow.staff";
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
        });

        services.AddIdentityCore<StaffUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 10;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<CallFlowDb>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();

        // Identity's stores take a context per request; lend them one from the pool.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<CallFlowDb>>().CreateDbContext());

        // Cookies and antiforgery tokens are sealed with keys kept in the database: after a restart, a redeploy to
        // another folder or on another instance of the same database, staff stay signed in and open forms still post.
        services.AddDataProtection().SetApplicationName(KeyRingName).PersistKeysToDbContext<CallFlowDb>();

        services.AddAuthorizationBuilder().AddPolicy(StaffPolicies.Owner, StaffPolicies.OwnerPolicy);
        services.AddSingleton<IAuthorizationHandler, OwnerRequirementHandler>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, StaffAuthenticationStateProvider>();
        services.AddScoped<TeamMembers>();
        return builder;
    }

    /// <summary>Authentication and authorization, in the pipeline before antiforgery (tokens are bound to the user).</summary>
    public static IApplicationBuilder UseStaffSignIn(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use((context, next) =>
        {
            // Razor pages hand the request's user to the AuthenticationStateProvider; console endpoints get the same,
            // so BusinessScope reads the user one way everywhere.
            if (context.GetEndpoint()?.Metadata.GetMetadata<StaffEndpoint>() is not null
                && context.RequestServices.GetService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
            {
                host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
            }

            return next(context);
        });
        return app;
    }

    public static IEndpointRouteBuilder MapStaffSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost(LogoutPath, SignOutAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Marks a console endpoint (the CSV export, ...): anonymous visitors are sent to sign in, and
    /// <see cref="Businesses.BusinessScope"/> sees the signed-in user.
    /// </summary>
    public static TBuilder RequireStaff<TBuilder>(this TBuilder builder, string? policy = null) where TBuilder : IEndpointConventionBuilder
    {
        if (policy is null)
        {
            builder.RequireAuthorization();
        }
        else
        {
            builder.RequireAuthorization(policy);
        }

        return builder.WithMetadata(new StaffEndpoint());
    }

    // A POST with the antiforgery token, so another site cannot sign a user out.
    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<StaffUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest("The sign-out form expired. Reload the page and try again.");
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect(LoginPath + "?signedOut=true");
    }

    private sealed class StaffEndpoint;
}
