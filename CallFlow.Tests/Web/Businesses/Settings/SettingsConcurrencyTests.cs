using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Businesses.Settings;
using CallFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Businesses.Settings;

/// <summary>Two owners saving the same business: the second is told, never silently overwrites the first.</summary>
public sealed class SettingsConcurrencyTests : IAsyncDisposable
{
    private readonly CallFlowApp _app = new();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_save_made_against_settings_someone_else_changed_is_a_conflict_and_keeps_their_change()
    {
        var coOwner = await _app.AddStaffAsync("partner@demo-salon.test", (DemoBusiness.Id, StaffRole.Owner));
        var opened = await _app.StoredAsync();
        var mine = ProfileForm.From(opened);
        var theirs = FaqForm.From(opened);
        mine.Greeting = "Mine";
        theirs.Entries.Add(new FaqEntryForm { Topic = "wifi", Answer = "Ask at the desk for the password." });

        var first = await _app.AsAsync(coOwner, s => s.SaveFaqAsync(DemoBusiness.Id, opened.Version, theirs, Token));
        var second = await _app.AsAsync(_app.DemoOwner(), s => s.SaveProfileAsync(DemoBusiness.Id, opened.Version, mine, Token));

        first.Outcome.ShouldBe(SettingsOutcome.Saved);
        second.Outcome.ShouldBe(SettingsOutcome.Conflict);
        var stored = await _app.StoredAsync();
        stored.Greeting.ShouldBe(opened.Greeting);
        stored.Faq.ShouldContainKey("wifi");
        stored.Version.ShouldBe(opened.Version + 1);
    }

    [Fact]
    public async Task A_save_that_loses_the_race_between_its_check_and_its_write_is_a_conflict_too()
    {
        var opened = await _app.StoredAsync();

        var result = await _app.AsAsync(_app.DemoOwner(), s => s.UpdateAsync(DemoBusiness.Id, opened.Version, async (business, _) =>
        {
            business.Greeting = "Mine";

            // Another owner's save lands after this one read the business and before it writes.
            await using var other = _app.Db();
            await other.Businesses.Where(b => b.Id == DemoBusiness.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.Greeting, "Theirs").SetProperty(b => b.Version, b => b.Version + 1), Token);
            return [];
        }, cancellationToken: Token));

        result.Outcome.ShouldBe(SettingsOutcome.Conflict);
        (await _app.StoredAsync()).Greeting.ShouldBe("Theirs");
    }

    [Fact]
    public async Task Saves_of_one_page_follow_each_other_without_conflict_when_each_uses_the_version_the_last_returned()
    {
        var opened = await _app.StoredAsync();
        var profile = ProfileForm.From(opened);
        profile.Greeting = "Hi!";

        var first = await _app.AsAsync(_app.DemoOwner(), s => s.SaveProfileAsync(DemoBusiness.Id, opened.Version, profile, Token));
        var second = await _app.AsAsync(_app.DemoOwner(), s => s.SaveVoiceAsync(DemoBusiness.Id, first.Business!.Version, VoiceForm.From(opened), Token));

        second.Outcome.ShouldBe(SettingsOutcome.Saved);
        second.Business!.Version.ShouldBe(opened.Version + 2);
    }
}
