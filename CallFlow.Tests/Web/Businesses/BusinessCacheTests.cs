using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Tests.Infrastructure;
using CallFlow.Tests.Web.Businesses.Settings;
using CallFlow.Tests.Web.Calendar;
using CallFlow.Web.Businesses;
using CallFlow.Web.Businesses.Settings;
using CallFlow.Web.Calls;
using CallFlow.Web.Conversation;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Businesses;

/// <summary>The businesses the phone line reads between webhooks, kept only while the database's revision of them stands.</summary>
public sealed class BusinessCacheTests : IAsyncDisposable
{
    private readonly CalendarApp _app = new();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private BusinessCache Cache => _app.Service<BusinessCache>();

    private async Task<Business?> FindAsync(string businessId = DemoBusiness.Id)
    {
        await using var db = _app.Db();
        return await Cache.FindAsync(db, businessId, Token);
    }

    private async Task<long> RevisionAsync()
    {
        await using var db = _app.Db();
        return await db.Businesses.Where(b => b.Id == DemoBusiness.Id).Select(b => b.Revision).SingleAsync(Token);
    }

    private async Task ChangeAsync(Func<CallFlowDb, Task> change)
    {
        await using var db = _app.Db();
        await change(db);
    }

    [Fact]
    public async Task An_unchanged_business_is_read_once_and_then_shared()
    {
        var first = await FindAsync();
        var second = await FindAsync();

        first.ShouldNotBeNull();
        second.ShouldBeSameAs(first);
        first.Services.Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_business_is_found_by_the_number_callers_dial()
    {
        await using var db = _app.Db();

        var business = await Cache.FindByNumberAsync(db, DemoBusiness.DefaultPhoneNumber, Token);

        business.ShouldNotBeNull().Id.ShouldBe(DemoBusiness.Id);
        (await Cache.FindAsync(db, DemoBusiness.Id, Token)).ShouldBeSameAs(business);
        (await Cache.FindByNumberAsync(db, "+15005550999", Token)).ShouldBeNull();
        (await Cache.FindAsync(db, "no-such-business", Token)).ShouldBeNull();
    }

    [Fact]
    public async Task A_settings_save_is_read_by_the_next_webhook()
    {
        var before = await FindAsync();
        var form = ProfileForm.From(before!);
        form.Greeting = "Hello from the new greeting.";

        var saved = await _app.AsAsync(_app.DemoOwner(), s => s.SaveProfileAsync(DemoBusiness.Id, before!.Version, form, Token));

        saved.Outcome.ShouldBe(SettingsOutcome.Saved);
        var after = await FindAsync();
        after.ShouldNotBeSameAs(before);
        after!.Greeting.ShouldBe("Hello from the new greeting.");
        before!.Greeting.ShouldNotBe("Hello from the new greeting.");
    }

    [Fact]
    public async Task A_row_changed_behind_the_apps_back_is_read_again()
    {
        var before = await FindAsync();

        await ChangeAsync(db => db.Businesses.ExecuteUpdateAsync(set => set.SetProperty(b => b.Capacity, 5), Token));

        (await FindAsync())!.Capacity.ShouldBe(5);
        before!.Capacity.ShouldBe(2);
    }

    [Fact]
    public async Task A_service_added_changed_or_removed_is_read_again()
    {
        var before = await FindAsync();
        var haircut = before!.Services.Single(s => s.Name == "Haircut");

        await ChangeAsync(db => db.Services.Where(s => s.Id == haircut.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.Price, 99m), Token));
        (await FindAsync())!.Services.Single(s => s.Id == haircut.Id).Price.ShouldBe(99m);

        await ChangeAsync(async db =>
        {
            db.Add(new Service { BusinessId = DemoBusiness.Id, Name = "Beard trim", DurationMinutes = 20 });
            await db.SaveChangesAsync(Token);
        });
        (await FindAsync())!.Services.Select(s => s.Name).ShouldContain("Beard trim");

        await ChangeAsync(db => db.Services.Where(s => s.Id == haircut.Id).ExecuteDeleteAsync(Token));
        (await FindAsync())!.Services.Select(s => s.Id).ShouldNotContain(haircut.Id);
    }

    [Fact]
    public async Task Every_change_bumps_the_revision_once_and_a_read_leaves_it_alone()
    {
        var start = await RevisionAsync();

        await FindAsync();
        (await RevisionAsync()).ShouldBe(start);

        await ChangeAsync(db => db.Businesses.ExecuteUpdateAsync(set => set.SetProperty(b => b.Greeting, "Hi"), Token));
        (await RevisionAsync()).ShouldBe(start + 1);

        await ChangeAsync(db => db.Services.Where(s => s.BusinessId == DemoBusiness.Id && s.Name == "Haircut")
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.SortOrder, 9), Token));
        (await RevisionAsync()).ShouldBe(start + 2);
    }

    [Fact]
    public async Task A_deleted_business_is_no_longer_found()
    {
        (await FindAsync()).ShouldNotBeNull();

        await ChangeAsync(async db =>
        {
            // Its calls and the rest would go with it; here only the row matters.
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF", Token);
            await db.Businesses.Where(b => b.Id == DemoBusiness.Id).ExecuteDeleteAsync(Token);
        });

        (await FindAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task A_caller_hears_the_greeting_saved_while_an_earlier_call_was_on_the_line()
    {
        var receptionist = _app.Service<IReceptionist>();
        var first = await receptionist.AnswerAsync(new InboundCall(CallFlow.Tests.Infrastructure.Calls.NewSid(), CalendarApp.Caller, DemoBusiness.DefaultPhoneNumber, new CallerInfo()), Token);
        await ChangeAsync(db => db.Businesses.ExecuteUpdateAsync(set => set.SetProperty(b => b.Greeting, "Welcome to the renamed salon."), Token));

        var second = await receptionist.AnswerAsync(new InboundCall(CallFlow.Tests.Infrastructure.Calls.NewSid(), "+12125550101", DemoBusiness.DefaultPhoneNumber, new CallerInfo()), Token);

        first.Transcript.ShouldNotContain("renamed salon");
        second.Transcript.ShouldContain("Welcome to the renamed salon.");
    }

    [Fact]
    public async Task Within_a_pinned_unit_of_work_the_business_it_began_with_is_given_without_asking_again()
    {
        var pinned = (await FindAsync())!;

        using (BusinessCache.Pin(pinned))
        {
            await ChangeAsync(db => db.Businesses.ExecuteUpdateAsync(set => set.SetProperty(b => b.Greeting, "Changed meanwhile."), Token));
            await using var db = _app.Db();
            var commands = await _app.CommandsDuringAsync(async () => (await Cache.FindAsync(db, DemoBusiness.Id, Token)).ShouldBeSameAs(pinned));

            commands.ShouldBeEmpty();
            (await Cache.FindAsync(db, "no-such-business", Token)).ShouldBeNull();
        }

        (await FindAsync())!.Greeting.ShouldBe("Changed meanwhile.");
    }

    [Fact]
    public async Task A_pin_holds_only_for_the_flow_that_set_it()
    {
        var pinned = (await FindAsync())!;
        await ChangeAsync(db => db.Businesses.ExecuteUpdateAsync(set => set.SetProperty(b => b.Greeting, "Changed meanwhile."), Token));
        var otherCallStarted = new TaskCompletionSource();
        var pinSet = new TaskCompletionSource();
        var otherCall = Task.Run(async () =>
        {
            otherCallStarted.SetResult();
            await pinSet.Task;
            return await FindAsync();
        }, Token);
        await otherCallStarted.Task;

        using (BusinessCache.Pin(pinned))
        {
            pinSet.SetResult();
            (await otherCall)!.Greeting.ShouldBe("Changed meanwhile.");
        }
    }

    [Fact]
    public async Task An_offer_made_during_a_turn_reads_the_business_once()
    {
        var receptionist = _app.Service<IReceptionist>();
        var callSid = CallFlow.Tests.Infrastructure.Calls.NewSid();
        await receptionist.AnswerAsync(new InboundCall(callSid, CalendarApp.Caller, DemoBusiness.DefaultPhoneNumber, new CallerInfo()), Token);

        var reply = default(VoiceReply);
        var commands = await _app.CommandsDuringAsync(async () =>
            reply = await receptionist.ReplyAsync(callSid, new CallerInput("I'd like a haircut on Tuesday at 10am", 0.9, null), Token));

        reply!.Transcript.ShouldContain("your name");
        commands.Count(c => c.Contains("FROM \"Businesses\"", StringComparison.Ordinal)).ShouldBe(1);
        commands.ShouldContain(c => c.Contains("INSERT INTO \"SlotHolds\"", StringComparison.Ordinal));
    }
}
