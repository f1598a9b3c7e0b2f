using CallFlow.Domain.Flows;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Businesses;
using CallFlow.Web.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.Web.Conversation;

/// <summary>The flow editor's service as each kind of staff member's circuit sees it.</summary>
public class FlowEditingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static FlowDefinition WithDatePrompt(FlowDefinition flow, string prompt) =>
        flow with { Steps = [.. flow.Steps.Select(s => s.Id == "date" ? s with { Prompt = prompt } : s)] };

    private static async Task<FlowWorkspace> OpenAsync(AsyncServiceScope scope) =>
        (await scope.ServiceProvider.GetRequiredService<FlowEditing>().OpenAsync(DemoBusiness.Id, Token)).ShouldNotBeNull();

    [Fact]
    public async Task An_owner_publishes_a_changed_prompt_and_the_next_call_hears_it()
    {
        await using var app = Conversations.OpenSalon();
        await using var owner = await app.SignedInScopeAsync(app.DemoOwner());
        var editing = owner.ServiceProvider.GetRequiredService<FlowEditing>();
        var workspace = await OpenAsync(owner);
        var before = await app.DialAsync();
        await before.SpeakAsync("a haircut please");
        before.LastPrompt.ShouldBe("What day would you like to come in?");

        var result = await editing.PublishAsync(DemoBusiness.Id, WithDatePrompt(workspace.Definition, "Which day suits you best?"), "Friendlier date question", Token);

        result.Problems.ShouldBeEmpty();
        (result.Version!.Number, result.Version.PublishedBy, result.Version.Note).ShouldBe((2, "Rosa Martinez", "Friendlier date question"));
        var after = await app.DialAsync();
        await after.SpeakAsync("a haircut please");
        after.LastPrompt.ShouldBe("Which day suits you best?");
    }

    [Fact]
    public async Task A_broken_flow_is_refused_with_its_problems_and_nothing_is_saved()
    {
        await using var app = Conversations.OpenSalon();
        await using var owner = await app.SignedInScopeAsync(app.DemoOwner());
        var editing = owner.ServiceProvider.GetRequiredService<FlowEditing>();
        var flow = (await OpenAsync(owner)).Definition;
        var broken = flow with { Steps = [.. flow.Steps.Select(s => s.Id == "contact" ? s with { Validation = s.Validation! with { Pattern = "^(+1" } } : s)] };

        var result = await editing.PublishAsync(DemoBusiness.Id, broken, cancellationToken: Token);

        result.Succeeded.ShouldBeFalse();
        result.Problems.ShouldContain(p => p.StepId == "contact" && p.Property == FlowPaths.ValidationPattern);
        (await OpenAsync(owner)).History.ShouldHaveSingleItem().Number.ShouldBe(1);
    }

    [Fact]
    public async Task Front_desk_cannot_open_save_publish_roll_back_or_discard_even_by_calling_the_service()
    {
        await using var app = Conversations.OpenSalon();
        await using var desk = await app.SignedInScopeAsync(app.DemoFrontDesk());
        var editing = desk.ServiceProvider.GetRequiredService<FlowEditing>();
        var flow = WithDatePrompt(DefaultFlows.Booking(CallFlow.Tests.Domain.Understanding.Salon.NewYork), "Sneaky?");

        (await editing.OpenAsync(DemoBusiness.Id, Token)).ShouldBeNull();
        (await editing.SaveDraftAsync(DemoBusiness.Id, flow, cancellationToken: Token)).Problems.ShouldHaveSingleItem().Message.ShouldBe(FlowEditing.NotAnOwner);
        (await editing.PublishAsync(DemoBusiness.Id, flow, cancellationToken: Token)).Problems.ShouldHaveSingleItem().Message.ShouldBe(FlowEditing.NotAnOwner);
        (await editing.RollBackAsync(DemoBusiness.Id, 1, Token)).Succeeded.ShouldBeFalse();
        (await editing.DiscardDraftAsync(DemoBusiness.Id, Token)).ShouldBeFalse();
        (await editing.DefinitionAsync(DemoBusiness.Id, 1, Token)).ShouldBeNull();

        var history = await app.Service<FlowStore>().HistoryAsync(DemoBusiness.Id, cancellationToken: Token);
        history.ShouldHaveSingleItem().Number.ShouldBe(1);
    }

    [Fact]
    public async Task The_owner_of_another_business_cannot_touch_this_one()
    {
        await using var app = Conversations.OpenSalon();
        var harbor = await app.AddSecondBusinessAsync();
        await using var other = await app.SignedInScopeAsync(harbor.Owner);
        var editing = other.ServiceProvider.GetRequiredService<FlowEditing>();

        var result = await editing.PublishAsync(DemoBusiness.Id, DefaultFlows.Booking(CallFlow.Tests.Domain.Understanding.Salon.NewYork), cancellationToken: Token);

        result.Succeeded.ShouldBeFalse();
        (await editing.OpenAsync(harbor.Id, Token)).ShouldNotBeNull().BusinessName.ShouldBe(SecondBusiness.Name);
        (await editing.OpenAsync(DemoBusiness.Id, Token)).ShouldBeNull();
    }

    [Fact]
    public async Task A_saved_draft_is_reopened_then_discarded_and_versions_are_compared()
    {
        await using var app = Conversations.OpenSalon();
        await using var owner = await app.SignedInScopeAsync(app.DemoOwner());
        var editing = owner.ServiceProvider.GetRequiredService<FlowEditing>();
        var seed = await OpenAsync(owner);

        var draft = await editing.SaveDraftAsync(DemoBusiness.Id, WithDatePrompt(seed.Definition, "Which day?"), cancellationToken: Token);
        var reopened = await OpenAsync(owner);
        var diff = (await editing.DiffAsync(DemoBusiness.Id, seed.Published!.Id, draft.Version!.Id, Token)).ShouldNotBeNull();
        var discarded = await editing.DiscardDraftAsync(DemoBusiness.Id, Token);

        (reopened.Draft!.Number, reopened.Published!.Number).ShouldBe((2, 1));
        reopened.Definition.Steps[1].Prompt.ShouldBe("Which day?");
        diff.StepChanges.ShouldHaveSingleItem().Changes.ShouldHaveSingleItem().ShouldBe(new PropertyChange("Prompt", "What day would you like to come in?", "Which day?"));
        discarded.ShouldBeTrue();
        (await OpenAsync(owner)).Draft.ShouldBeNull();
    }
}
