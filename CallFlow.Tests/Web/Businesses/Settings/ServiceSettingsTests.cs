using CallFlow.Tests.Web.Calendar;
using CallFlow.Web.Businesses;
using CallFlow.Web.Businesses.Settings;
using CallFlow.Tests.Infrastructure;

namespace CallFlow.Tests.Web.Businesses.Settings;

/// <summary>Adding, editing, deactivating and deleting services, on the demo salon whose clock stands at Monday 2 March 2026.</summary>
public sealed class ServiceSettingsTests : IAsyncDisposable
{
    private readonly CalendarApp _app = new();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<SettingsResult> SaveAsync(ServiceForm form) =>
        await _app.AsAsync(_app.DemoOwner(), async s => await s.SaveServiceAsync(DemoBusiness.Id, (await _app.StoredAsync()).Version, form, Token));

    private async Task<Service> ServiceAsync(string name) => (await _app.StoredAsync()).Services.Single(s => s.Name == name);

    [Fact]
    public async Task A_new_service_is_bookable_by_the_next_caller()
    {
        var form = new ServiceForm { Name = "Beard trim", DurationMinutes = 20, BufferAfterMinutes = 5, Price = 20m };
        form.AddSynonym("beard").ShouldBeTrue();
        form.AddSynonym("Beard").ShouldBeFalse();

        var result = await SaveAsync(form);

        result.Outcome.ShouldBe(SettingsOutcome.Saved);
        var beard = await ServiceAsync("Beard trim");
        (beard.DurationMinutes, beard.BufferAfterMinutes, beard.Price, beard.IsActive).ShouldBe((20, 5, 20m, true));
        beard.Synonyms.ShouldBe(["beard"]);
        beard.SortOrder.ShouldBe(4);
        (await _app.Desk.FreeSlotsAsync(DemoBusiness.Id, beard.Id, CalendarApp.Tuesday, Token)).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("Haircut")]
    [InlineData("  haircut ")]
    [InlineData("HAIRCUT")]
    public async Task A_second_service_with_the_same_name_is_a_message_on_the_name(string name)
    {
        var result = await SaveAsync(new ServiceForm { Name = name, DurationMinutes = 30 });

        result.Outcome.ShouldBe(SettingsOutcome.Invalid);
        result.On(nameof(ServiceForm.Name)).ShouldHaveSingleItem().ShouldStartWith("There is already a service called");
        (await _app.StoredAsync()).Services.Count.ShouldBe(4);
    }

    public static TheoryData<string, int, int, int> OffTheGrid => new()
    {
        { nameof(ServiceForm.DurationMinutes), 42, 0, 0 },
        { nameof(ServiceForm.BufferBeforeMinutes), 45, 7, 0 },
        { nameof(ServiceForm.BufferAfterMinutes), 45, 0, 12 },
    };

    [Theory]
    [MemberData(nameof(OffTheGrid))]
    public async Task Durations_and_buffers_off_the_five_minute_grid_are_messages_on_their_field(string field, int duration, int before, int after)
    {
        var form = ServiceForm.From(await ServiceAsync("Haircut"));
        (form.DurationMinutes, form.BufferBeforeMinutes, form.BufferAfterMinutes) = (duration, before, after);

        var result = await SaveAsync(form);

        result.On(field).ShouldHaveSingleItem().ShouldContain("multiple of 5 minutes");
        (await ServiceAsync("Haircut")).DurationMinutes.ShouldBe(45);
    }

    [Fact]
    public async Task A_deactivated_service_keeps_its_appointments_and_is_no_longer_offered()
    {
        var booked = await _app.BookedIdAsync(CalendarApp.OnTuesday(10));
        var haircut = await ServiceAsync("Haircut");

        var deleted = await _app.AsAsync(_app.DemoOwner(), async s => await s.DeleteServiceAsync(DemoBusiness.Id, (await _app.StoredAsync()).Version, haircut.Id, Token));
        var deactivated = await _app.AsAsync(_app.DemoOwner(), async s => await s.SetServiceActiveAsync(DemoBusiness.Id, (await _app.StoredAsync()).Version, haircut.Id, false, Token));

        deleted.Outcome.ShouldBe(SettingsOutcome.Invalid);
        deleted.Problems.ShouldHaveSingleItem().Message.ShouldBe("Haircut has appointments, so it cannot be deleted; deactivate it instead.");
        deactivated.Outcome.ShouldBe(SettingsOutcome.Saved);
        var stored = await _app.StoredAsync();
        stored.Services.Single(s => s.Id == haircut.Id).IsActive.ShouldBeFalse();
        stored.ToProfile().Services.ShouldNotContain(s => s.Id == haircut.Id);
        (await _app.AppointmentsAsync()).ShouldHaveSingleItem().Id.ShouldBe(booked);
        (await _app.Desk.FreeSlotsAsync(DemoBusiness.Id, haircut.Id, CalendarApp.Tuesday, Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_service_never_booked_can_be_deleted()
    {
        var consultation = await ServiceAsync("Consultation");

        var result = await _app.AsAsync(_app.DemoOwner(), async s => await s.DeleteServiceAsync(DemoBusiness.Id, (await _app.StoredAsync()).Version, consultation.Id, Token));

        result.Outcome.ShouldBe(SettingsOutcome.Saved);
        result.Business!.Services.ShouldNotContain(s => s.Id == consultation.Id);
        (await _app.StoredAsync()).Services.OrderBy(s => s.SortOrder).Select(s => s.Name).ShouldBe(["Haircut", "Color", "Styling"]);
    }

    [Fact]
    public async Task The_last_active_service_cannot_be_deactivated()
    {
        foreach (var name in new[] { "Color", "Styling", "Consultation" })
        {
            var service = await ServiceAsync(name);
            (await _app.AsAsync(_app.DemoOwner(), async s => await s.SetServiceActiveAsync(DemoBusiness.Id, (await _app.StoredAsync()).Version, service.Id, false, Token)))
                .Saved.ShouldBeTrue();
        }

        var haircut = await ServiceAsync("Haircut");
        var result = await _app.AsAsync(_app.DemoOwner(), async s => await s.SetServiceActiveAsync(DemoBusiness.Id, (await _app.StoredAsync()).Version, haircut.Id, false, Token));

        result.Problems.ShouldHaveSingleItem().Message.ShouldContain("only active service");
        (await ServiceAsync("Haircut")).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task A_name_taken_by_a_deactivated_service_suggests_reactivating_it()
    {
        var color = await ServiceAsync("Color");
        await _app.AsAsync(_app.DemoOwner(), async s => await s.SetServiceActiveAsync(DemoBusiness.Id, (await _app.StoredAsync()).Version, color.Id, false, Token));

        var result = await SaveAsync(new ServiceForm { Name = "color", DurationMinutes = 60 });

        result.On(nameof(ServiceForm.Name)).ShouldHaveSingleItem().ShouldContain("reactivate it instead");
    }
}
