using CallFlow.Domain.Calendar;
using CallFlow.Tests.Web.Calendar;
using CallFlow.Web.Businesses;
using CallFlow.Web.Businesses.Settings;
using CallFlow.Tests.Infrastructure;

namespace CallFlow.Tests.Web.Businesses.Settings;

/// <summary>Opening hours and booking rules, checked by the Domain's calendar rules, on the demo salon at Monday 2 March 2026.</summary>
public sealed class HoursSettingsTests : IAsyncDisposable
{
    private readonly CalendarApp _app = new();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(SettingsResult Result, HoursForm Form)> SaveHoursAsync(Action<HoursForm> edit)
    {
        var business = await _app.StoredAsync();
        var form = HoursForm.From(business);
        edit(form);
        return (await _app.AsAsync(_app.DemoOwner(), s => s.SaveHoursAsync(DemoBusiness.Id, business.Version, form, Token)), form);
    }

    private static WeekdayForm Day(HoursForm form, DayOfWeek day) => form.Days.Single(d => d.Day == day);

    private static void Set(WeekdayForm day, params (string Opens, string Closes)[] intervals) =>
        day.Intervals = [.. intervals.Select(i => new IntervalForm { Opens = i.Opens, Closes = i.Closes })];

    [Fact]
    public async Task A_lunch_break_takes_effect_for_the_next_booking_at_once()
    {
        var (result, _) = await SaveHoursAsync(form => Set(Day(form, DayOfWeek.Tuesday), ("09:00", "12:00"), ("13:00", "18:00")));

        result.Outcome.ShouldBe(SettingsOutcome.Saved);
        var stored = await _app.StoredAsync();
        stored.OpeningHours.Where(i => i.Day == DayOfWeek.Tuesday).ShouldBe([
            new OpeningInterval(DayOfWeek.Tuesday, new(9, 0), new(12, 0)), new OpeningInterval(DayOfWeek.Tuesday, new(13, 0), new(18, 0))]);
        var haircut = await _app.ServiceAsync();
        var free = await _app.Desk.FreeSlotsAsync(DemoBusiness.Id, haircut.Id, CalendarApp.Tuesday, Token);
        free.ShouldNotContain(slot => slot.LocalTime >= new TimeOnly(11, 20) && slot.LocalTime < new TimeOnly(13, 0));
        free.ShouldContain(slot => slot.LocalTime == new TimeOnly(13, 0));
    }

    public static TheoryData<string, string, string, string, string> BadDays => new()
    {
        { "09:00", "13:00", "12:00", "18:00", "overlaps" },
        { "18:00", "09:00", "", "", "closing time must be after the opening time" },
        { "09:07", "12:00", "", "", "5-minute marks" },
    };

    [Theory]
    [MemberData(nameof(BadDays))]
    public async Task Overlapping_inverted_or_odd_hours_are_a_message_on_that_day(string opens, string closes, string opens2, string closes2, string message)
    {
        var (result, form) = await SaveHoursAsync(form =>
        {
            var wednesday = Day(form, DayOfWeek.Wednesday);
            Set(wednesday, [(opens, closes), .. opens2 == "" ? Array.Empty<(string, string)>() : [(opens2, closes2)]]);
        });

        result.Outcome.ShouldBe(SettingsOutcome.Invalid);
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Field.Model.ShouldBeSameAs(Day(form, DayOfWeek.Wednesday));
        problem.Field.FieldName.ShouldBe(nameof(WeekdayForm.Intervals));
        problem.Message.ShouldContain(message);
        (await _app.StoredAsync()).OpeningHours.Count(i => i.Day == DayOfWeek.Wednesday).ShouldBe(1);
    }

    [Fact]
    public async Task A_time_that_is_not_a_time_is_a_message_on_its_input()
    {
        IntervalForm typed = null!;
        var (result, _) = await SaveHoursAsync(form => typed = Day(form, DayOfWeek.Monday).Intervals[0] = new IntervalForm { Opens = "nine", Closes = "17:00" });

        result.Problems.ShouldHaveSingleItem().Field.ShouldBe(new Microsoft.AspNetCore.Components.Forms.FieldIdentifier(typed, nameof(IntervalForm.Opens)));
    }

    [Fact]
    public async Task Date_overrides_close_a_day_or_give_it_special_hours_with_a_note()
    {
        var (result, _) = await SaveHoursAsync(form =>
        {
            form.Overrides.Add(new DateOverrideForm { Date = "2026-03-03", Closed = true, Note = "Staff training" });
            form.Overrides.Add(new DateOverrideForm { Date = "2026-03-04", Closed = false, Intervals = [new IntervalForm { Opens = "10:00", Closes = "14:00" }] });
        });

        result.Outcome.ShouldBe(SettingsOutcome.Saved);
        var haircut = await _app.ServiceAsync();
        (await _app.Desk.FreeSlotsAsync(DemoBusiness.Id, haircut.Id, CalendarApp.Tuesday, Token)).ShouldBeEmpty();
        var advice = await _app.Desk.ExplainAsync(DemoBusiness.Id, haircut.Id, CalendarApp.Tuesday, new TimeOnly(10, 0), 1, Token);
        advice!.Why.Message.ShouldContain("Staff training");
        var wednesday = await _app.Desk.FreeSlotsAsync(DemoBusiness.Id, haircut.Id, CalendarApp.Tuesday.AddDays(1), Token);
        wednesday.Min(s => s.LocalTime).ShouldBe(new TimeOnly(10, 0));
    }

    [Fact]
    public async Task Two_overrides_for_one_date_or_special_hours_without_hours_are_messages_on_the_override()
    {
        var (result, form) = await SaveHoursAsync(form =>
        {
            form.Overrides.Add(new DateOverrideForm { Date = "2026-12-24", Closed = true });
            form.Overrides.Add(new DateOverrideForm { Date = "2026-12-24", Closed = true });
            form.Overrides.Add(new DateOverrideForm { Date = "2026-12-31", Closed = false });
        });

        result.On(nameof(DateOverrideForm.Date)).ShouldHaveSingleItem().ShouldContain("Another override");
        result.Problems.ShouldContain(p => p.Field.Model == form.Overrides[2] && p.Message.Contains("special opening hours"));
    }

    public static TheoryData<string, int> BadRules => new()
    {
        { nameof(BookingRulesForm.SlotMinutes), 7 },
        { nameof(BookingRulesForm.Capacity), 0 },
        { nameof(BookingRulesForm.HorizonDays), 0 },
        { nameof(BookingRulesForm.MinimumNoticeMinutes), -5 },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task Bad_booking_rules_are_messages_on_their_field(string field, int value)
    {
        var business = await _app.StoredAsync();
        var form = BookingRulesForm.From(business);
        typeof(BookingRulesForm).GetProperty(field)!.SetValue(form, value);

        var result = await _app.AsAsync(_app.DemoOwner(), s => s.SaveBookingRulesAsync(DemoBusiness.Id, business.Version, form, Token));

        result.On(field).ShouldNotBeEmpty();
        (await _app.StoredAsync()).Version.ShouldBe(business.Version);
    }

    [Fact]
    public async Task Staff_with_their_own_services_and_a_daily_limit_are_saved_as_calendar_rules()
    {
        var business = await _app.StoredAsync();
        var form = BookingRulesForm.From(business);
        form.DailyLimit = 8;
        form.Resources.Add(new ResourceForm { Name = "Anna", Capacity = 1, ServiceIds = [business.Services[0].Id, "harbor-clinic-haircut"] });
        form.Resources.Add(new ResourceForm { Name = "Ben", Capacity = 1 });

        var result = await _app.AsAsync(_app.DemoOwner(), s => s.SaveBookingRulesAsync(DemoBusiness.Id, business.Version, form, Token));

        result.Outcome.ShouldBe(SettingsOutcome.Saved);
        var rules = (await _app.StoredAsync()).ToCalendarRules();
        rules.DailyLimit.ShouldBe(8);
        rules.Resources.Select(r => (r.Name, r.ServiceIds!.Count)).ShouldBe([("Anna", 1), ("Ben", 0)]);
        rules.Validate().ShouldBeEmpty();
    }
}
