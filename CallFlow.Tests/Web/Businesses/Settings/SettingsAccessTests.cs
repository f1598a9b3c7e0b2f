using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Businesses.Settings;

namespace CallFlow.Tests.Web.Businesses.Settings;

/// <summary>
/// Only an owner of the business changes its settings: the service checks on every call, so front desk or another
/// business's owner gets nothing by calling it directly with crafted ids.
/// </summary>
public sealed class SettingsAccessTests : IAsyncLifetime
{
    private readonly CallFlowApp _app = new();
    private SampleBusiness _harbor = null!;

    public async ValueTask InitializeAsync() => _harbor = await _app.AddSecondBusinessAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Every save of the service, each trying to change something visible.</summary>
    public static TheoryData<string> Saves => ["profile", "hours", "booking rules", "service", "deactivate", "delete", "voice", "faq", "feed token"];

    private static Task<SettingsResult> Save(BusinessSettingsService settings, string save, Business business) => save switch
    {
        "profile" => settings.SaveProfileAsync(business.Id, business.Version, Edited(ProfileForm.From(business), f => f.Greeting = "Hacked"), Token),
        "hours" => settings.SaveHoursAsync(business.Id, business.Version, Edited(HoursForm.From(business), f => f.Days.ForEach(d => d.Intervals.Clear())), Token),
        "booking rules" => settings.SaveBookingRulesAsync(business.Id, business.Version, Edited(BookingRulesForm.From(business), f => f.Capacity = 9), Token),
        "service" => settings.SaveServiceAsync(business.Id, business.Version, Edited(ServiceForm.From(business.Services[0]), f => f.Price = 1), Token),
        "deactivate" => settings.SetServiceActiveAsync(business.Id, business.Version, business.Services[0].Id, false, Token),
        "delete" => settings.DeleteServiceAsync(business.Id, business.Version, business.Services[^1].Id, Token),
        "voice" => settings.SaveVoiceAsync(business.Id, business.Version, new VoiceForm { Voice = "man", Language = "en-GB", FallbackVoice = "man" }, Token),
        "faq" => settings.SaveFaqAsync(business.Id, business.Version, new FaqForm(), Token),
        _ => settings.RotateFeedTokenAsync(business.Id, business.Version, Token),
    };

    private static T Edited<T>(T form, Action<T> edit)
    {
        edit(form);
        return form;
    }

    [Theory]
    [MemberData(nameof(Saves))]
    public async Task Front_desk_cannot_save_settings_even_by_calling_the_service(string save)
    {
        var before = await _app.StoredAsync();

        var result = await _app.AsAsync(_app.DemoFrontDesk(), s => Save(s, save, before));

        result.Outcome.ShouldBe(SettingsOutcome.Refused);
        (await _app.StoredAsync()).Version.ShouldBe(before.Version);
    }

    [Theory]
    [MemberData(nameof(Saves))]
    public async Task An_owner_of_another_business_cannot_change_this_one_by_crafting_its_id(string save)
    {
        var before = await _app.StoredAsync();

        var result = await _app.AsAsync(_harbor.Owner, s => Save(s, save, before));

        result.Outcome.ShouldBe(SettingsOutcome.Refused);
        var after = await _app.StoredAsync();
        after.Version.ShouldBe(before.Version);
        after.CalendarFeedToken.ShouldBe(before.CalendarFeedToken);
    }

    [Fact]
    public async Task An_owner_cannot_reach_another_business_s_service_through_their_own_business()
    {
        var harbor = await _app.StoredAsync(_harbor.Id);
        var demo = await _app.StoredAsync();
        var theirs = ServiceForm.From(harbor.Services[0]);
        theirs.Price = 1;

        var edited = await _app.AsAsync(_app.DemoOwner(), s => s.SaveServiceAsync(DemoBusiness.Id, demo.Version, theirs, Token));
        var deactivated = await _app.AsAsync(_app.DemoOwner(), s => s.SetServiceActiveAsync(DemoBusiness.Id, demo.Version, harbor.Services[0].Id, false, Token));
        var deleted = await _app.AsAsync(_app.DemoOwner(), s => s.DeleteServiceAsync(DemoBusiness.Id, demo.Version, harbor.Services[0].Id, Token));

        edited.Outcome.ShouldBe(SettingsOutcome.Invalid);
        deactivated.Outcome.ShouldBe(SettingsOutcome.Invalid);
        deleted.Outcome.ShouldBe(SettingsOutcome.Invalid);
        var after = await _app.StoredAsync(_harbor.Id);
        after.Services[0].ShouldSatisfyAllConditions(s => s.Price.ShouldBe(harbor.Services[0].Price), s => s.IsActive.ShouldBeTrue());
        after.Services.Count.ShouldBe(harbor.Services.Count);
    }

    [Fact]
    public async Task Only_managed_businesses_are_loaded_or_explained()
    {
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));

        var loaded = await _app.AsAsync(_harbor.Owner, s => s.LoadAsync(DemoBusiness.Id, Token));
        var listed = await _app.AsAsync(_harbor.Owner, s => s.BusinessesAsync(Token));
        var desk = await _app.AsAsync(_app.DemoFrontDesk(), s => s.BusinessesAsync(Token));
        var (advice, problem) = await _app.AsAsync(_harbor.Owner, s => s.ExplainAsync(DemoBusiness.Id, "demo-salon-haircut", tomorrow, new TimeOnly(10, 0), Token));

        loaded.ShouldBeNull();
        listed.Select(b => b.Id).ShouldBe([_harbor.Id]);
        desk.ShouldBeEmpty();
        advice.ShouldBeNull();
        problem.ShouldNotBeNull();
    }
}
