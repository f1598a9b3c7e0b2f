using System.Net;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Identity;
using CallFlow.Web.Recovery;

namespace CallFlow.Tests.Web.Recovery;

/// <summary>The Hangfire dashboard at /jobs is the owners': the console's sign-in decides, not Hangfire's local-only default.</summary>
public class JobsDashboardTests : IAsyncLifetime
{
    private readonly CallFlowApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var browser = _app.CreateBrowser();

        var response = await browser.GetAsync(RecoveryRegistration.DashboardPath, Token);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.RedirectTarget().ShouldStartWith(StaffSignIn.LoginPath);
    }

    [Fact]
    public async Task Front_desk_is_refused()
    {
        using var desk = await _app.SignedInBrowserAsync(_app.DemoFrontDesk());

        var response = await desk.GetAsync(RecoveryRegistration.DashboardPath, Token);

        response.RedirectTarget().ShouldStartWith(StaffSignIn.AccessDeniedPath);
    }

    [Fact]
    public async Task An_owner_sees_the_recurring_recovery_jobs()
    {
        using var owner = await _app.SignedInBrowserAsync(_app.DemoOwner());

        var response = await owner.GetAsync(RecoveryRegistration.DashboardPath + "/recurring", Token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync(Token);
        page.ShouldContain("CallFlow jobs");
        page.ShouldContain(RecoveryStartup.Dispatch);
        page.ShouldContain(RecoveryStartup.Sweep);
        page.ShouldContain(RecoveryStartup.HoldCleanup);
    }
}
