using Bunit;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Components.Settings;
using CallFlow.Web.Recovery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.Web.Components.Settings;

/// <summary>Owners edit their business's recovery policy on the settings page; out-of-range values are refused beside the field.</summary>
public class RecoveryPolicySectionTests : ConsoleContext, IAsyncLifetime
{
    private readonly CallFlowApp _app = new();

    public ValueTask InitializeAsync()
    {
        UseServicesOf(_app);
        Services.AddScoped<RecoveryPolicies>();
        return ValueTask.CompletedTask;
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private IRenderedComponent<RecoveryPolicySection> RenderAsOwner()
    {
        SignInAs(_app.DemoOwner());
        var view = Render<RecoveryPolicySection>(p => p.Add(s => s.BusinessId, DemoBusiness.Id));
        view.WaitForElement("[data-testid=recovery-save]");
        return view;
    }

    private static void Enter(IRenderedComponent<RecoveryPolicySection> view, string testId, string value) =>
        view.Find($"[data-testid={testId}] input, input[data-testid={testId}]").Change(value);

    private async Task<Business> StoredAsync()
    {
        await using var db = _app.Db();
        return await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == DemoBusiness.Id, Token);
    }

    [Fact]
    public void An_owner_sees_the_default_policy()
    {
        var view = RenderAsOwner();

        view.Find("[data-testid=recovery-resume-window] input, input[data-testid=recovery-resume-window]").GetAttribute("value").ShouldBe("15");
        view.Find("[data-testid=recovery-callback-delay] input, input[data-testid=recovery-callback-delay]").GetAttribute("value").ShouldBe("5");
    }

    [Fact]
    public async Task A_saved_policy_is_what_the_next_call_is_handled_with()
    {
        var view = RenderAsOwner();

        Enter(view, "recovery-callback-delay", "10");
        Enter(view, "recovery-notification-number", "+12125550199");
        await view.Find("button[data-testid=recovery-save]").ClickAsync();

        var business = await StoredAsync();
        (business.Recovery.CallbackDelay, business.NotificationNumber).ShouldBe((TimeSpan.FromMinutes(10), "+12125550199"));
        business.ToProfile().Recovery.CallbackDelay.ShouldBe(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Values_out_of_range_are_refused_beside_their_field_and_nothing_is_saved()
    {
        var view = RenderAsOwner();

        Enter(view, "recovery-resume-window", "0");
        Enter(view, "recovery-notification-number", "555-0199");
        await view.Find("button[data-testid=recovery-save]").ClickAsync();

        view.WaitForAssertion(() => view.Markup.ShouldContain("The resume window must be between 1 minute and 24 hours."));
        view.Markup.ShouldContain("Give the number in international format");
        var business = await StoredAsync();
        (business.Recovery.ResumeWindow, business.NotificationNumber).ShouldBe((TimeSpan.FromMinutes(15), null));
    }

    [Fact]
    public void Front_desk_cannot_see_or_change_the_policy()
    {
        SignInAs(_app.DemoFrontDesk());

        var view = Render<RecoveryPolicySection>(p => p.Add(s => s.BusinessId, DemoBusiness.Id));

        view.WaitForElement("[data-testid=recovery-unavailable]");
        view.FindAll("[data-testid=recovery-save]").ShouldBeEmpty();
    }
}
