using CallFlow.Domain.Booking;
using CallFlow.Domain.Calendar;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace CallFlow.Tests.Web.Calendar;

/// <summary>The calendar rules an owner saves on the business are the ones the phone and the console book by.</summary>
public class BusinessCalendarTests : IAsyncLifetime
{
    private readonly CalendarApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task EditDemoAsync(Func<CalendarRules, CalendarRules> edit)
    {
        await using var db = _app.Db();
        var business = await db.Businesses.SingleAsync(b => b.Id == DemoBusiness.Id, CalendarApp.Token);
        var rules = edit(business.ToCalendarRules());
        rules.Validate().ShouldBeEmpty();
        business.ApplyCalendarRules(rules);
        await db.SaveChangesAsync(CalendarApp.Token);
    }

    [Fact]
    public async Task The_demo_salon_s_rules_map_to_valid_calendar_rules()
    {
        await using var db = _app.Db();
        var business = await db.Businesses.Include(b => b.Services).SingleAsync(b => b.Id == DemoBusiness.Id, CalendarApp.Token);

        var rules = business.ToCalendarRules();

        rules.Validate(business.Services.Select(s => s.ToOffering())).ShouldBeEmpty();
        (rules.TimeZoneId, rules.Capacity, rules.SlotMinutes, rules.MinimumNoticeMinutes, rules.HorizonDays).ShouldBe(("America/New_York", 2, 15, 60, 60));
        rules.WeeklyHours.Count.ShouldBe(6);
    }

    [Fact]
    public async Task A_saved_date_override_closes_that_day_for_callers_with_its_note()
    {
        await EditDemoAsync(rules => rules with { DateOverrides = [DateOverride.Closed(CalendarApp.Tuesday, "Staff training")] });

        var offer = await _app.OfferAsync("CA-1", CalendarApp.Tuesday, new TimeOnly(10, 0));

        var choices = offer.ShouldBeOfType<SlotOffer.Choices>();
        choices.WhyNotRequested!.Message.ShouldContain("Staff training");
        choices.Slots.ShouldAllBe(s => s.LocalDate == CalendarApp.Tuesday.AddDays(1));
    }

    [Fact]
    public async Task Alternatives_days_after_the_asked_one_still_count_the_appointments_booked_there()
    {
        var friday = CalendarApp.Tuesday.AddDays(3);
        await EditDemoAsync(rules => rules with
        {
            DateOverrides = [.. Enumerable.Range(0, 3).Select(d => DateOverride.Closed(CalendarApp.Tuesday.AddDays(d), "Renovation"))],
        });
        var fridayTen = CalendarApp.OnTuesday(10).AddDays(3);
        await _app.BookedIdAsync(fridayTen, "Ada Lovelace", "+12125550101");
        await _app.BookedIdAsync(fridayTen, "Grace Hopper", "+12125550102");

        var offer = await _app.OfferAsync("CA-1", CalendarApp.Tuesday, new TimeOnly(10, 0));

        var choices = offer.ShouldBeOfType<SlotOffer.Choices>();
        choices.WhyNotRequested!.Message.ShouldContain("Renovation");
        choices.Slots.ShouldNotBeEmpty();
        choices.Slots.ShouldAllBe(s => s.LocalDate == friday && s.StartUtc != fridayTen);
    }

    [Fact]
    public async Task Saved_resources_are_booked_and_claimed_per_person()
    {
        var haircut = await _app.ServiceAsync();
        await EditDemoAsync(rules => rules with
        {
            Capacity = 3,
            Resources = [new CalendarResource("anna", "Anna"), new CalendarResource("ben", "Ben", ServiceIds: [haircut.Id])],
        });

        var first = (await _app.BookAsync(CalendarApp.OnTuesday(10), "Ada")).ShouldBeOfType<BookingOutcome.Booked>();
        var second = (await _app.BookAsync(CalendarApp.OnTuesday(10), "Bea", "+16465550102")).ShouldBeOfType<BookingOutcome.Booked>();
        var third = await _app.BookAsync(CalendarApp.OnTuesday(10), "Cleo", "+16465550103");

        var stored = await _app.AppointmentsAsync();
        stored.Select(a => a.ResourceId).Order().ShouldBe(["anna", "ben"]);
        third.ShouldBeOfType<BookingOutcome.SlotTaken>().Why.Message.ShouldContain("Everyone who offers Haircut is booked");
        (await _app.ClaimsAsync(first.AppointmentId)).Select(c => c.Pool).Distinct().Order().ShouldBe(["business", "resource:anna"]);
        (await _app.ClaimsAsync(second.AppointmentId)).Select(c => c.Pool).Distinct().Order().ShouldBe(["business", "resource:ben"]);
    }

    [Fact]
    public async Task A_daily_limit_is_claimed_once_per_appointment_on_its_local_date()
    {
        await EditDemoAsync(rules => rules with { DailyLimit = 1 });

        var first = (await _app.BookAsync(CalendarApp.OnTuesday(10))).ShouldBeOfType<BookingOutcome.Booked>();
        var second = await _app.BookAsync(CalendarApp.OnTuesday(15), "Bea", "+16465550102");

        second.ShouldBeOfType<BookingOutcome.SlotTaken>().Why.Verdict.ShouldBe(SlotVerdict.DailyLimitReached);
        (await _app.ClaimsAsync(first.AppointmentId)).Single(c => c.Pool == CapacityClaims.DayPool).Unit.ShouldBe(CalendarApp.Tuesday.DayNumber);
    }

    [Fact]
    public async Task Calendar_rules_that_do_not_validate_make_the_calendar_unavailable_rather_than_wrong()
    {
        await using (var db = _app.Db())
        {
            await db.Businesses.Where(b => b.Id == DemoBusiness.Id).ExecuteUpdateAsync(set => set.SetProperty(b => b.SlotMinutes, 7), CalendarApp.Token);
        }

        (await _app.OfferAsync("CA-1", CalendarApp.Tuesday, new TimeOnly(10, 0))).ShouldBeOfType<SlotOffer.CalendarUnavailable>().Reason.ShouldContain("invalid");
        (await _app.BookAsync(CalendarApp.OnTuesday(10))).ShouldBeOfType<BookingOutcome.CalendarUnavailable>();
    }

    [Fact]
    public void A_hold_lifetime_out_of_range_stops_the_app_at_start()
    {
        using var app = new CallFlowApp().With("Calendar:HoldLifetime", "00:00:01");

        Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => app.Service<IHost>())
            .Message.ShouldContain("Calendar:HoldLifetime");
    }
}
