using AngleSharp.Dom;
using Bunit;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Components.Pages.Flows;
using CallFlow.Web.Conversation;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CallFlow.Tests.Web.Components.Pages.Flows;

/// <summary>The flow editor against a real app: validation shown inline as the owner types, publishing, history.</summary>
public class FlowsPageTests : ConsoleContext, IAsyncLifetime
{
    private readonly CallFlowApp _app = new();

    public ValueTask InitializeAsync()
    {
        Services.AddSingleton(_app.Service<IDbContextFactory<CallFlowDb>>());
        Services.AddSingleton(_app.Service<FlowStore>());
        Services.AddScoped<BusinessScope>();
        Services.AddScoped<FlowEditing>();
        return ValueTask.CompletedTask;
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    private IRenderedComponent<FlowsPage> RenderPage(StaffAccount? account = null)
    {
        SignInAs(account ?? _app.DemoOwner());
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        var page = Render<FlowsPage>();
        page.WaitForState(() => page.FindAll("[data-testid=loading]").Count == 0);
        return page;
    }

    private static void OpenStep(IRenderedComponent<FlowsPage> page, string stepId)
    {
        page.InvokeAsync(() => page.Find($"[data-testid=step-item][data-step-id={stepId}]").Click()).GetAwaiter().GetResult();
        page.WaitForAssertion(() => page.Find("[data-testid=step-editor]").GetAttribute("data-step-id").ShouldBe(stepId));
    }

    /// <summary>
    /// Types into a field and leaves it, as the owner would (the editor's fields update after a short pause or on
    /// leaving). Each event is found and fired on the renderer's dispatcher, so a render in between (the previous
    /// field's pause running out) cannot leave it aimed at a handler that is gone.
    /// </summary>
    private static void Type(IRenderedComponent<FlowsPage> page, string testId, string value)
    {
        page.InvokeAsync(() => page.Find($"[data-testid={testId}]").Input(value)).GetAwaiter().GetResult();
        page.InvokeAsync(() => page.Find($"[data-testid={testId}]").Blur()).GetAwaiter().GetResult();
    }

    /// <summary>Types a change and waits until the editor has taken it (the unsaved marker shows), as a person would before clicking on.</summary>
    private static void TypeChange(IRenderedComponent<FlowsPage> page, string testId, string value)
    {
        Type(page, testId, value);
        page.WaitForElement("[data-testid=unsaved]");
    }

    /// <summary>The error MudBlazor shows under a field (its helper line in error), or null when the field is fine.</summary>
    private static string? ErrorUnder(IRenderedComponent<FlowsPage> page, string testId)
    {
        var input = page.Find($"[data-testid={testId}]");
        if (input.GetAttribute("aria-invalid") != "true")
        {
            return null;
        }

        return input.Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent ?? "";
    }

    private static async Task<IReadOnlyList<FlowVersionSummary>> HistoryAsync(CallFlowApp app) =>
        await app.Service<FlowStore>().HistoryAsync(DemoBusiness.Id, cancellationToken: Xunit.TestContext.Current.CancellationToken);

    [Fact]
    public void The_owner_sees_the_published_flow_s_steps_and_no_problems()
    {
        var page = RenderPage();

        page.FindAll("[data-testid=step-item]").Select(i => i.GetAttribute("data-step-id")).ShouldBe(["service", "date", "time", "contact"]);
        page.Find("[data-testid=flow-status]").TextContent.ShouldContain("Live: v1");
        page.FindAll("[data-testid=flow-problems]").ShouldBeEmpty();
        page.Find("[data-testid=step-prompt]").TextContent.ShouldBe("Which service would you like: Haircut, Color, Styling or Consultation?");
    }

    [Fact]
    public void A_broken_regex_is_shown_under_the_pattern_as_the_owner_types_and_goes_when_fixed()
    {
        var page = RenderPage();
        OpenStep(page, "contact");

        Type(page, "step-validation-pattern", "^(+1");

        page.WaitForAssertion(() => ErrorUnder(page, "step-validation-pattern").ShouldNotBeNull().ShouldContain("does not compile"));
        ErrorUnder(page, "step-prompt").ShouldBeNull();
        page.Find("[data-testid=step-item][data-step-id=contact]").GetAttribute("data-problems").ShouldBe("1");
        page.Find("[data-testid=flow-problems]").TextContent.ShouldContain("The validation pattern of Step 'contact' does not compile");
        page.Find("[data-testid=unsaved]");

        Type(page, "step-validation-pattern", @"^\+1\d{10}$");

        page.WaitForAssertion(() => ErrorUnder(page, "step-validation-pattern").ShouldBeNull());
        page.FindAll("[data-testid=flow-problems]").ShouldBeEmpty();
    }

    [Fact]
    public void A_cleared_prompt_and_a_missing_dependency_show_next_to_their_fields()
    {
        var page = RenderPage();
        OpenStep(page, "time");

        Type(page, "step-prompt", "");
        Type(page, "step-id", "when");
        OpenStep(page, "date");
        Type(page, "step-id", "day");

        page.WaitForAssertion(() => page.Find("[data-testid=step-item][data-step-id=when]").GetAttribute("data-problems").ShouldBe("1"));
        OpenStep(page, "when");
        ErrorUnder(page, "step-prompt").ShouldNotBeNull().ShouldContain("has no prompt");
        page.Find("[data-testid=step-depends-on]").GetAttribute("value").ShouldBe("day", "renaming a step keeps the steps that depend on it pointing at it");
    }

    [Fact]
    public async Task Publishing_a_broken_flow_is_refused_with_the_reasons_and_nothing_is_published()
    {
        var page = RenderPage();
        OpenStep(page, "contact");
        TypeChange(page, "step-validation-pattern", "[0-9");

        await page.Find("[data-testid=publish]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=publish-refused]").TextContent.ShouldContain("does not compile"));
        (await HistoryAsync(_app)).ShouldHaveSingleItem().Number.ShouldBe(1);
    }

    [Fact]
    public async Task Publishing_a_changed_prompt_makes_version_2_live_and_the_history_shows_the_change()
    {
        var page = RenderPage();
        OpenStep(page, "date");
        TypeChange(page, "step-prompt", "Which day suits you best?");
        page.Find("[data-testid=flow-note]").Change("Friendlier");

        await page.Find("[data-testid=publish]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=flow-status]").TextContent.ShouldContain("Live: v2"));
        page.FindAll("[data-testid=unsaved]").ShouldBeEmpty();
        var history = await HistoryAsync(_app);
        history.Select(v => (v.Number, v.Status, v.Note)).ShouldBe([(2, FlowStatus.Published, "Friendlier"), (1, FlowStatus.Archived, "The default booking flow")]);

        page.FindAll("[role=tab]").Single(t => t.TextContent.Contains("History", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=diff-step]").ShouldHaveSingleItem().GetAttribute("data-step-id").ShouldBe("date"));
        var change = page.Find("[data-testid=diff-change][data-property=Prompt]");
        change.TextContent.ShouldContain("What day would you like to come in?");
        change.TextContent.ShouldContain("Which day suits you best?");
        page.Find("[data-testid=rollback][data-number='1']");
    }

    [Fact]
    public async Task A_saved_draft_can_be_tested_and_new_calls_still_run_the_published_version()
    {
        var page = RenderPage();
        page.Find("[data-testid=add-step]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=step-editor]").GetAttribute("data-step-id").ShouldBe("step5"));
        Type(page, "step-prompt", "Anything we should know?");
        Type(page, "step-fields", "notes");

        await page.Find("[data-testid=save-draft]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=flow-status]").TextContent.ShouldContain("Editing draft v2"));
        var draft = (await HistoryAsync(_app))[0];
        (draft.Number, draft.Status).ShouldBe((2, FlowStatus.Draft));
        page.WaitForAssertion(() => page.Find("[data-testid=test-draft]").GetAttribute("href").ShouldBe($"/test-call?business=demo-salon&version={draft.Id}"));
        page.FindAll("[data-testid=step-item]").Count.ShouldBe(5);
        page.Find("[data-testid=flow-status]").TextContent.ShouldContain("Live: v1");
    }

    [Fact]
    public void Front_desk_rendering_the_page_directly_finds_no_business_to_edit()
    {
        var page = RenderPage(_app.DemoFrontDesk());

        page.Find("[data-testid=no-business]").TextContent.ShouldContain("You do not own a business");
        page.FindAll("[data-testid=publish]").ShouldBeEmpty();
    }
}
