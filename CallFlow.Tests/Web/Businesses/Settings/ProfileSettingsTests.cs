using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Businesses.Settings;
using CallFlow.Domain.Calls;
using CallFlow.Web.Calls;

namespace CallFlow.Tests.Web.Businesses.Settings;

/// <summary>The business profile and voice through the settings service of a real app.</summary>
public sealed class ProfileSettingsTests : IAsyncDisposable
{
    private readonly CallFlowApp _app = new();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<SettingsResult> SaveAsync(Action<ProfileForm> edit, StaffAccount? who = null, int? version = null)
    {
        var business = await _app.StoredAsync();
        var form = ProfileForm.From(business);
        edit(form);
        return await _app.AsAsync(who ?? _app.DemoOwner(), s => s.SaveProfileAsync(DemoBusiness.Id, version ?? business.Version, form, Token));
    }

    [Fact]
    public async Task A_saved_profile_is_stored_with_its_numbers_in_E164_and_who_saved_it()
    {
        var result = await SaveAsync(form =>
        {
            form.Name = "  Demo Salon & Spa ";
            form.PhoneNumber = "+1 (212) 555-0199";
            form.TransferNumber = "";
            form.TimeZoneId = "America/Chicago";
            form.Greeting = "Hello from the spa!";
        });

        result.Outcome.ShouldBe(SettingsOutcome.Saved);
        var stored = await _app.StoredAsync();
        (stored.Name, stored.PhoneNumber, stored.TransferNumber, stored.TimeZoneId, stored.Greeting)
            .ShouldBe(("Demo Salon & Spa", "+12125550199", (string?)null, "America/Chicago", "Hello from the spa!"));
        stored.Version.ShouldBe(1);
        stored.UpdatedBy.ShouldBe(Actor.Staff(_app.DemoOwner().Name).ToString());
        stored.UpdatedAt.ShouldNotBeNull();
        result.Business!.Version.ShouldBe(1);
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        { nameof(ProfileForm.PhoneNumber), "2125550100", "international format" },
        { nameof(ProfileForm.PhoneNumber), "+1 555", "international format" },
        { nameof(ProfileForm.PhoneNumber), "call me", "international format" },
        { nameof(ProfileForm.TransferNumber), "front desk", "or leave it empty" },
        { nameof(ProfileForm.TransferNumber), DemoBusiness.DefaultPhoneNumber, "another number" },
        { nameof(ProfileForm.TimeZoneId), "Mars/Olympus_Mons", "not a time zone" },
        { nameof(ProfileForm.TimeZoneId), "EST5EDT; DROP TABLE", "not a time zone" },
        { nameof(ProfileForm.Name), " ", "Enter the business's name" },
        { nameof(ProfileForm.Greeting), new string('a', ProfileForm.MaxGreeting + 1), "under 400 characters" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_value_is_a_message_on_its_field_and_nothing_is_saved(string field, string value, string message)
    {
        var before = await _app.StoredAsync();

        var result = await SaveAsync(form => typeof(ProfileForm).GetProperty(field)!.SetValue(form, value));

        result.Outcome.ShouldBe(SettingsOutcome.Invalid);
        result.On(field).ShouldContain(m => m.Contains(message, StringComparison.Ordinal));
        (await _app.StoredAsync()).ShouldSatisfyAllConditions(
            stored => stored.Version.ShouldBe(before.Version),
            stored => stored.PhoneNumber.ShouldBe(before.PhoneNumber),
            stored => stored.TimeZoneId.ShouldBe(before.TimeZoneId));
    }

    [Fact]
    public async Task An_answering_number_another_business_answers_is_a_validation_message_not_a_database_error()
    {
        var harbor = await _app.AddSecondBusinessAsync();

        var result = await SaveAsync(form => form.PhoneNumber = "+1 500-555-0011");

        result.Outcome.ShouldBe(SettingsOutcome.Invalid);
        result.On(nameof(ProfileForm.PhoneNumber)).ShouldHaveSingleItem().ShouldBe("Another business already answers this number.");
        (await _app.StoredAsync()).PhoneNumber.ShouldBe(DemoBusiness.DefaultPhoneNumber);
        (await _app.StoredAsync(harbor.Id)).PhoneNumber.ShouldBe(harbor.PhoneNumber);
    }

    [Fact]
    public async Task A_new_answering_number_and_greeting_apply_to_the_next_call()
    {
        (await SaveAsync(form => (form.PhoneNumber, form.Greeting) = ("+12125550188", "Welcome to the new line!"))).Saved.ShouldBeTrue();

        var next = await _app.Orchestrator.StartInboundAsync(new InboundCall(CallFlow.Tests.Infrastructure.Calls.NewSid(), "+16465550100", "+12125550188", new CallerInfo()), Token);
        var old = await _app.Orchestrator.StartInboundAsync(new InboundCall(CallFlow.Tests.Infrastructure.Calls.NewSid(), "+16465550100", DemoBusiness.DefaultPhoneNumber, new CallerInfo()), Token);

        next.Business.ShouldNotBeNull().ToProfile().Greeting.ShouldBe("Welcome to the new line!");
        old.UnknownNumber.ShouldBeTrue();
    }

    [Fact]
    public async Task The_voice_is_saved_and_a_voice_name_that_could_break_the_TwiML_is_refused()
    {
        var business = await _app.StoredAsync();
        var good = new VoiceForm { Voice = "Google.en-US-Neural2-F", Language = "es-US", FallbackVoice = "man" };
        var bad = new VoiceForm { Voice = "\"/><Hangup/>", Language = "english", FallbackVoice = "" };

        var refused = await _app.AsAsync(_app.DemoOwner(), s => s.SaveVoiceAsync(DemoBusiness.Id, business.Version, bad, Token));
        var saved = await _app.AsAsync(_app.DemoOwner(), s => s.SaveVoiceAsync(DemoBusiness.Id, business.Version, good, Token));

        refused.On(nameof(VoiceForm.Voice)).ShouldNotBeEmpty();
        refused.On(nameof(VoiceForm.Language)).ShouldNotBeEmpty();
        refused.On(nameof(VoiceForm.FallbackVoice)).ShouldNotBeEmpty();
        saved.Saved.ShouldBeTrue();
        var stored = await _app.StoredAsync();
        (stored.Voice, stored.Language, stored.FallbackVoice).ShouldBe(("Google.en-US-Neural2-F", "es-US", "man"));
    }
}
