using CallFlow.Domain.Flows;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Businesses;
using CallFlow.Web.Conversation;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Conversation;

public class FlowStoreTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<Business> DemoAsync(TelephonyApp app)
    {
        await using var db = app.Db();
        return await db.Businesses.Include(b => b.Services).AsNoTracking().FirstAsync(b => b.Id == DemoBusiness.Id, Token);
    }

    /// <summary>The demo's default flow with another question at the date step.</summary>
    private static FlowDefinition WithDatePrompt(Business business, string prompt)
    {
        var flow = DefaultFlows.Booking(business.ToProfile());
        return flow with { Steps = [.. flow.Steps.Select(s => s.Id == "date" ? s with { Prompt = prompt } : s)] };
    }

    private static async Task<FlowVersion> PublishAsync(TelephonyApp app, FlowDefinition flow)
    {
        var store = app.Service<FlowStore>();
        var draft = await store.SaveDraftAsync(DemoBusiness.Id, FlowTypes.Booking, flow, "Olivia Owner", cancellationToken: Token);
        var result = await store.PublishAsync(DemoBusiness.Id, FlowTypes.Booking, draft.Id, "Olivia Owner", Token);
        result.Problems.ShouldBeEmpty();
        return result.Version!;
    }

    [Fact]
    public async Task The_demo_business_is_seeded_with_its_default_flow_published_as_version_1()
    {
        await using var app = Conversations.OpenSalon();

        var history = await app.Service<FlowStore>().HistoryAsync(DemoBusiness.Id, cancellationToken: Token);

        var first = history.ShouldHaveSingleItem();
        (first.Number, first.Status, first.PublishedBy).ShouldBe((1, FlowStatus.Published, "seed"));
        var published = await app.Service<FlowStore>().PublishedAsync(await DemoAsync(app), cancellationToken: Token);
        (published.VersionId, published.Number, published.Compiled is not null).ShouldBe((first.Id, 1, true));
        published.Definition!.Steps.Select(s => s.Id).ShouldBe(["service", "date", "time", "contact"]);
    }

    [Fact]
    public async Task The_published_flow_is_cached_until_a_new_version_is_published()
    {
        await using var app = Conversations.OpenSalon();
        var store = app.Service<FlowStore>();
        var business = await DemoAsync(app);
        var cached = await store.PublishedAsync(business, cancellationToken: Token);
        await using (var db = app.Db())
        {
            // Behind the store's back: only a publish through the store tells the cache.
            var edited = FlowJson.Serialize(WithDatePrompt(business, "Edited in the database?"));
            await db.FlowVersions.ExecuteUpdateAsync(v => v.SetProperty(x => x.Definition, edited), Token);
        }

        (await store.PublishedAsync(business, cancellationToken: Token)).ShouldBeSameAs(cached);

        var v2 = await PublishAsync(app, WithDatePrompt(business, "Which day works for you?"));

        var fresh = await store.PublishedAsync(business, cancellationToken: Token);
        (fresh.VersionId, fresh.Number).ShouldBe((v2.Id, 2));
        fresh.Definition!.Steps[1].Prompt.ShouldBe("Which day works for you?");
    }

    [Fact]
    public async Task A_call_keeps_the_flow_version_it_started_with()
    {
        await using var app = Conversations.OpenSalon();
        var business = await DemoAsync(app);
        var before = await app.DialAsync();
        await before.SpeakAsync("a haircut please");

        var v2 = DefaultFlows.Booking(business.ToProfile());
        await PublishAsync(app, v2 with { Steps = [.. v2.Steps.Select(s => s.Id == "time" ? s with { Prompt = "What time works for you?" } : s)] });
        var after = await app.DialAsync();
        await after.SpeakAsync("a haircut on Friday");
        await before.SpeakAsync("Friday");

        after.LastPrompt.ShouldBe("What time works for you?");
        before.LastPrompt.ShouldBe("And what time suits you?");
        (await app.CallAsync(before.CallSid))!.Context.Conversation.FlowVersionId.ShouldBe(1);
        (await app.CallAsync(after.CallSid))!.Context.Conversation.FlowVersionId.ShouldBe(2);
        (await app.StepEventsAsync(after.CallSid)).ShouldAllBe(e => e.FlowVersionId == 2);
    }

    [Fact]
    public async Task A_broken_flow_cannot_be_published_and_the_reasons_are_given()
    {
        await using var app = Conversations.OpenSalon();
        var store = app.Service<FlowStore>();
        var business = await DemoAsync(app);
        var good = DefaultFlows.Booking(business.ToProfile());
        var broken = good with { Steps = [.. good.Steps.Select(s => s.Id == "service" ? s with { DependsOn = ["contact"] } : s)] };
        var draft = await store.SaveDraftAsync(DemoBusiness.Id, FlowTypes.Booking, broken, "Olivia Owner", cancellationToken: Token);

        var result = await store.PublishAsync(DemoBusiness.Id, FlowTypes.Booking, draft.Id, "Olivia Owner", Token);

        result.Published.ShouldBeFalse();
        result.Problems.ShouldContain(p => p.Message.Contains("circle", StringComparison.Ordinal));
        (await store.PublishedAsync(business, cancellationToken: Token)).Number.ShouldBe(1);
        (await store.HistoryAsync(DemoBusiness.Id, cancellationToken: Token)).Select(v => (v.Number, v.Status))
            .ShouldBe([(2, FlowStatus.Draft), (1, FlowStatus.Published)]);
    }

    [Fact]
    public async Task Saving_again_replaces_the_draft_and_only_a_draft_can_be_published()
    {
        await using var app = Conversations.OpenSalon();
        var store = app.Service<FlowStore>();
        var business = await DemoAsync(app);

        var first = await store.SaveDraftAsync(DemoBusiness.Id, FlowTypes.Booking, WithDatePrompt(business, "One?"), "Olivia Owner", cancellationToken: Token);
        var second = await store.SaveDraftAsync(DemoBusiness.Id, FlowTypes.Booking, WithDatePrompt(business, "Two?"), "Olivia Owner", cancellationToken: Token);
        var published = (await store.PublishAsync(DemoBusiness.Id, FlowTypes.Booking, second.Id, "Olivia Owner", Token)).Version!;
        var again = await store.PublishAsync(DemoBusiness.Id, FlowTypes.Booking, published.Id, "Olivia Owner", Token);

        (second.Id, second.Number).ShouldBe((first.Id, 2));
        (await store.VersionAsync(second.Id, Token))!.Definition!.Steps[1].Prompt.ShouldBe("Two?");
        again.Published.ShouldBeFalse();
        again.Problems.ShouldHaveSingleItem().Message.ShouldContain("only a draft can be published");
    }

    [Fact]
    public async Task Rolling_back_publishes_a_copy_of_an_earlier_version()
    {
        await using var app = Conversations.OpenSalon();
        var store = app.Service<FlowStore>();
        var business = await DemoAsync(app);
        await PublishAsync(app, WithDatePrompt(business, "Which day works for you?"));

        var result = await store.RollBackAsync(DemoBusiness.Id, FlowTypes.Booking, 1, "Olivia Owner", Token);

        result.Version!.Number.ShouldBe(3);
        (await store.HistoryAsync(DemoBusiness.Id, cancellationToken: Token)).Select(v => (v.Number, v.Status, v.Note)).ShouldBe([
            (3, FlowStatus.Published, "Rolled back to version 1"),
            (2, FlowStatus.Archived, null),
            (1, FlowStatus.Archived, "The default booking flow"),
        ]);
        (await store.PublishedAsync(business, cancellationToken: Token)).Definition!.Steps[1].Prompt.ShouldBe("What day would you like to come in?");
        (await store.RollBackAsync(DemoBusiness.Id, FlowTypes.Booking, 9, "Olivia Owner", Token)).Published.ShouldBeFalse();
    }

    [Fact]
    public async Task A_business_that_has_published_no_flow_runs_the_default_one()
    {
        await using var app = Conversations.OpenSalon();
        await using (var db = app.Db())
        {
            await db.FlowVersions.ExecuteDeleteAsync(Token);
        }

        var leg = await app.DialAsync();
        await leg.SpeakAsync("a haircut please");

        leg.LastPrompt.ShouldBe("What day would you like to come in?");
        (await app.CallAsync(leg.CallSid))!.Context.Conversation.FlowVersionId.ShouldBe(StoredFlow.BuiltInVersionId);
    }
}
