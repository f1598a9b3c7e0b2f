using System.Net;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Identity;

namespace CallFlow.Tests.Web.Identity;

/// <summary>The flow editor is the owners'; the test-call page is every staff member's.</summary>
public class FlowAccessTests : IAsyncLifetime
{
    private readonly CallFlowApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Front_desk_typing_the_flows_url_is_turned_away_and_an_owner_gets_the_editor()
    {
        using var desk = await _app.SignedInBrowserAsync(_app.DemoFrontDesk());
        using var owner = await _app.SignedInBrowserAsync(_app.DemoOwner());

        var refused = await desk.GetAsync("/flows", Token);
        var allowed = await owner.GetAsync("/flows", Token);

        refused.RedirectTarget().ShouldStartWith(StaffSignIn.AccessDeniedPath);
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await allowed.Content.ReadAsStringAsync(Token)).ShouldContain("data-testid=\"flow-toolbar\"");
    }

    [Fact]
    public async Task Front_desk_and_owners_both_open_the_test_call_page()
    {
        using var desk = await _app.SignedInBrowserAsync(_app.DemoFrontDesk());

        var page = await desk.GetAsync("/test-call", Token);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(Token)).ShouldContain("Test call");
    }
}
