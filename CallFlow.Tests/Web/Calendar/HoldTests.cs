using CallFlow.Domain.Booking;
using CallFlow.Domain.Calendar;
using CallFlow.Domain.Calls;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calendar;
using CallFlow.Web.Telephony;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Calendar;

/// <summary>A slot a caller picked is held for their call, so nobody else is offered it while they decide.</summary>
public class HoldTests : IAsyncLifetime
{
    private static readonly TimeOnly Ten = new(10, 0);

    private readonly CalendarApp _app = new();

    public async ValueTask InitializeAsync() => await _app.SetCapacityAsync(1);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<SlotOffer.Held> HoldTenAsync(string callId) =>
        (await _app.OfferAsync(callId, CalendarApp.Tuesday, Ten)).ShouldBeOfType<SlotOffer.Held>();

    private async Task<SlotOffer> OfferTenToAnotherCallerAsync() => await _app.OfferAsync("CA-second", CalendarApp.Tuesday, Ten);

    private async Task<int> HoldRowsAsync()
    {
        await using var db = _app.Db();
        return await db.SlotHolds.CountAsync(CalendarApp.Token);
    }

    [Fact]
    public async Task An_exact_free_time_is_held_for_the_call_for_five_minutes()
    {
        var held = await HoldTenAsync("CA-first");

        held.Slot.StartUtc.ShouldBe(CalendarApp.OnTuesday(10));
        held.Slot.LocalStart.Offset.ShouldBe(TimeSpan.FromHours(-5));
        held.HeldUntil.ShouldBe(CalendarApp.Monday8am.AddMinutes(5));
    }

    [Fact]
    public async Task An_offer_reads_and_holds_on_one_connection_whether_the_time_is_free_or_not()
    {
        var haircut = await _app.ServiceAsync();
        SlotRequest TenFor(string callId) => new(DemoBusiness.Id, callId, haircut, CalendarApp.Tuesday, Ten);

        var first = default(SlotOffer);
        (await _app.ConnectionsUsedDuringAsync(async () => first = await _app.Desk.OfferAsync(TenFor("CA-first"), CalendarApp.Token))).ShouldBe(1);
        first.ShouldBeOfType<SlotOffer.Held>();

        // Taken: its days, then the whole window for alternatives, on the same connection.
        var second = default(SlotOffer);
        (await _app.ConnectionsUsedDuringAsync(async () => second = await _app.Desk.OfferAsync(TenFor("CA-second"), CalendarApp.Token))).ShouldBe(1);
        second.ShouldBeOfType<SlotOffer.Choices>().Slots.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_time_booked_between_the_offer_s_read_and_its_hold_is_not_held()
    {
        // The offer reads the calendar outside the write lock; another caller books ten o'clock right after.
        _app.Commands.After("FROM \"SlotHolds\"", () => _app.BookAsync(CalendarApp.OnTuesday(10), "Grace Hopper", callId: "CA-quicker"));

        var choices = (await _app.OfferAsync("CA-first", CalendarApp.Tuesday, Ten)).ShouldBeOfType<SlotOffer.Choices>();

        _app.Commands.Interleaved.ShouldBeTrue();
        choices.WhyNotRequested!.Verdict.ShouldBe(SlotVerdict.Taken);
        choices.Slots.ShouldAllBe(s => s.StartUtc != CalendarApp.OnTuesday(10));
        (await HoldRowsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_free_time_written_by_nobody_else_meanwhile_is_held_without_reading_its_days_again()
    {
        var commands = await _app.CommandsDuringAsync(() => HoldTenAsync("CA-first"));

        AppointmentReads(commands).ShouldBe(1);
    }

    [Fact]
    public async Task An_offer_of_a_taken_time_finds_its_alternatives_on_the_day_it_already_read()
    {
        await HoldTenAsync("CA-first");

        var (choices, reads) = await OfferTenToAnotherCallerCountingReadsAsync();

        choices.Slots.Count.ShouldBe(3);
        choices.Slots.ShouldAllBe(s => s.LocalDate == CalendarApp.Tuesday);
        reads.ShouldBe(1);
    }

    [Fact]
    public async Task When_the_asked_day_is_full_the_alternatives_come_from_the_week_after_it()
    {
        await LimitToOneAppointmentADayAsync();
        await _app.BookedIdAsync(CalendarApp.OnTuesday(10));

        var (choices, reads) = await OfferTenToAnotherCallerCountingReadsAsync();

        choices.WhyNotRequested!.Verdict.ShouldBe(SlotVerdict.DailyLimitReached);
        choices.Slots.Count.ShouldBe(3);
        choices.Slots.ShouldAllBe(s => s.LocalDate == CalendarApp.Tuesday.AddDays(1));
        reads.ShouldBe(2, "the asked day, then the week after it");
    }

    [Fact]
    public async Task When_the_week_after_a_taken_time_is_full_too_its_alternatives_come_from_the_weeks_after()
    {
        await LimitToOneAppointmentADayAsync();
        for (var day = 0; day <= CalendarSnapshot.AlternativeWeek; day++)
        {
            if (CalendarApp.Tuesday.AddDays(day).DayOfWeek != DayOfWeek.Sunday)
            {
                await _app.BookedIdAsync(CalendarApp.OnTuesday(10).AddDays(day), phone: $"+1212555010{day}");
            }
        }

        var (choices, reads) = await OfferTenToAnotherCallerCountingReadsAsync();

        choices.WhyNotRequested!.Verdict.ShouldBe(SlotVerdict.DailyLimitReached);
        choices.Slots.Count.ShouldBe(3);
        choices.Slots.ShouldAllBe(s => s.LocalDate == CalendarApp.Tuesday.AddDays(7));
        reads.ShouldBe(3, "the asked day, the week after it, then the whole bookable window");
    }

    private async Task LimitToOneAppointmentADayAsync()
    {
        await using var db = _app.Db();
        await db.Businesses.Where(b => b.Id == DemoBusiness.Id).ExecuteUpdateAsync(set => set.SetProperty(b => b.DailyLimit, 1), CalendarApp.Token);
    }

    /// <summary>Another caller's offer of ten o'clock, which is not free, and how many times it read appointments.</summary>
    private async Task<(SlotOffer.Choices Choices, int Reads)> OfferTenToAnotherCallerCountingReadsAsync()
    {
        var offer = default(SlotOffer);
        var commands = await _app.CommandsDuringAsync(async () => offer = await OfferTenToAnotherCallerAsync());
        return (offer.ShouldBeOfType<SlotOffer.Choices>(), AppointmentReads(commands));
    }

    private static int AppointmentReads(IEnumerable<string> commands) => commands.Count(c => c.Contains("FROM \"Appointments\"", StringComparison.Ordinal));

    [Fact]
    public async Task An_offer_of_a_taken_time_never_takes_the_write_lock()
    {
        await HoldTenAsync("CA-first");

        (await _app.TransactionsBegunDuringAsync(OfferTenToAnotherCallerAsync)).ShouldBe(0);
    }

    [Fact]
    public async Task A_held_slot_is_not_offered_to_another_caller()
    {
        await HoldTenAsync("CA-first");

        var choices = (await OfferTenToAnotherCallerAsync()).ShouldBeOfType<SlotOffer.Choices>();

        choices.WhyNotRequested!.Verdict.ShouldBe(SlotVerdict.HeldByAnotherCaller);
        choices.Slots.ShouldNotBeEmpty();
        choices.Slots.ShouldAllBe(s => s.StartUtc != CalendarApp.OnTuesday(10));
    }

    [Fact]
    public async Task The_caller_s_own_hold_never_blocks_them()
    {
        await HoldTenAsync("CA-first");

        (await _app.OfferAsync("CA-first", CalendarApp.Tuesday, Ten)).ShouldBeOfType<SlotOffer.Held>();
        (await _app.BookAsync(CalendarApp.OnTuesday(10), callId: "CA-first")).ShouldBeOfType<BookingOutcome.Booked>();
        (await HoldRowsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_new_pick_replaces_the_call_s_earlier_hold()
    {
        await HoldTenAsync("CA-first");

        await _app.OfferAsync("CA-first", CalendarApp.Tuesday, new TimeOnly(11, 0));

        (await OfferTenToAnotherCallerAsync()).ShouldBeOfType<SlotOffer.Held>();
    }

    [Fact]
    public async Task A_hold_expires_after_five_minutes()
    {
        await HoldTenAsync("CA-first");

        _app.Time.Advance(TimeSpan.FromMinutes(5));

        (await OfferTenToAnotherCallerAsync()).ShouldBeOfType<SlotOffer.Held>();
    }

    [Fact]
    public async Task Extending_keeps_the_hold_while_the_call_goes_on()
    {
        await HoldTenAsync("CA-first");

        _app.Time.Advance(TimeSpan.FromMinutes(4));
        await _app.Desk.ExtendHoldsAsync(DemoBusiness.Id, "CA-first", CalendarApp.Token);
        _app.Time.Advance(TimeSpan.FromMinutes(4));

        (await OfferTenToAnotherCallerAsync()).ShouldBeOfType<SlotOffer.Choices>().WhyNotRequested!.Verdict.ShouldBe(SlotVerdict.HeldByAnotherCaller);
    }

    [Fact]
    public async Task A_hold_is_extended_only_once_half_its_time_is_gone()
    {
        await HoldTenAsync("CA-first");

        _app.Time.Advance(TimeSpan.FromMinutes(1));
        (await _app.Desk.ExtendHoldsAsync(DemoBusiness.Id, "CA-first", CalendarApp.Token)).ShouldBeNull();
        (await HoldExpiryAsync()).ShouldBe(CalendarApp.Monday8am.AddMinutes(5));

        _app.Time.Advance(TimeSpan.FromMinutes(2));
        (await _app.Desk.ExtendHoldsAsync(DemoBusiness.Id, "CA-first", CalendarApp.Token)).ShouldBe(CalendarApp.Monday8am.AddMinutes(8));
        (await HoldExpiryAsync()).ShouldBe(CalendarApp.Monday8am.AddMinutes(8));
    }

    private async Task<DateTimeOffset> HoldExpiryAsync()
    {
        await using var db = _app.Db();
        return (await db.SlotHolds.SingleAsync(CalendarApp.Token)).ExpiresAt;
    }

    [Fact]
    public async Task A_lapsed_hold_is_not_revived_by_extending()
    {
        await HoldTenAsync("CA-first");
        _app.Time.Advance(TimeSpan.FromMinutes(6));

        (await _app.Desk.ExtendHoldsAsync(DemoBusiness.Id, "CA-first", CalendarApp.Token)).ShouldBeNull();

        (await OfferTenToAnotherCallerAsync()).ShouldBeOfType<SlotOffer.Held>();
    }

    [Fact]
    public async Task Releasing_frees_the_slot_at_once()
    {
        await HoldTenAsync("CA-first");

        await _app.Desk.ReleaseHoldsAsync(DemoBusiness.Id, "CA-first", CalendarApp.Token);

        (await OfferTenToAnotherCallerAsync()).ShouldBeOfType<SlotOffer.Held>();
    }

    [Fact]
    public async Task Hanging_up_releases_the_call_s_holds()
    {
        var call = await _app.StartAsync();
        await HoldTenAsync(call.CallSid);

        await _app.Service<StatusCallbackHandler>().HandleAsync(new StatusCallback(call.CallSid, "completed", 1, null, 30), CalendarApp.Token);

        (await HoldRowsAsync()).ShouldBe(0);
        (await OfferTenToAnotherCallerAsync()).ShouldBeOfType<SlotOffer.Held>();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_call_the_assistant_ended_holds_nothing_even_before_its_rows_are_cleaned_up(bool heldByRowId)
    {
        var call = await _app.StartAsync();
        await HoldTenAsync(heldByRowId ? call.Id : call.CallSid);

        await _app.FireAsync(call, CallTrigger.CallEnded);

        (await HoldRowsAsync()).ShouldBe(1);
        (await OfferTenToAnotherCallerAsync()).ShouldBeOfType<SlotOffer.Held>();
    }

    [Fact]
    public async Task A_request_without_an_exact_time_gets_choices_and_holds_nothing()
    {
        var offer = await _app.Desk.OfferAsync(
            new SlotRequest(DemoBusiness.Id, "CA-first", await _app.ServiceAsync(), CalendarApp.Tuesday, Within: TimeRange.Afternoon), CalendarApp.Token);

        var choices = offer.ShouldBeOfType<SlotOffer.Choices>();
        choices.Slots.Select(s => s.LocalTime).ShouldBe([new TimeOnly(12, 0), new TimeOnly(12, 15), new TimeOnly(12, 30)]);
        choices.WhyNotRequested.ShouldBeNull();
        (await HoldRowsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_earliest_available_is_found_from_now()
    {
        var offer = await _app.Desk.OfferAsync(new SlotRequest(DemoBusiness.Id, "CA-first", await _app.ServiceAsync(), null, Earliest: true, ChoiceCount: 1), CalendarApp.Token);

        // Monday 08:00 with an hour's notice: the first slot is at 9:00 today.
        offer.ShouldBeOfType<SlotOffer.Choices>().Slots.ShouldHaveSingleItem().StartUtc.ShouldBe(CalendarApp.Monday8am.AddHours(1));
    }

    [Fact]
    public async Task Asking_for_a_closed_day_offers_the_next_open_day()
    {
        var sunday = new DateOnly(2026, 3, 8);

        var choices = (await _app.OfferAsync("CA-first", sunday)).ShouldBeOfType<SlotOffer.Choices>();

        choices.WhyNotRequested.ShouldBeNull();
        choices.Slots.Select(s => s.LocalStart.DateTime).ShouldBe([new DateTime(2026, 3, 9, 9, 0, 0), new DateTime(2026, 3, 9, 9, 15, 0), new DateTime(2026, 3, 9, 9, 30, 0)]);
    }

    [Fact]
    public async Task An_exact_time_on_a_closed_day_says_why()
    {
        var choices = (await _app.OfferAsync("CA-first", new DateOnly(2026, 3, 8), Ten)).ShouldBeOfType<SlotOffer.Choices>();

        choices.WhyNotRequested!.Verdict.ShouldBe(SlotVerdict.Closed);
        choices.WhyNotRequested.Message.ShouldContain("Closed on Sundays");
    }
}
