using CallFlow.Domain.Booking;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calendar;
using CallFlow.Web.Telephony;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Calendar;

/// <summary>A caller who rings again finds their appointment by phone number, and moves or cancels it.</summary>
public class RescheduleAndCancelTests : IAsyncLifetime
{
    private const string Phone = "+16465550123";

    private readonly CalendarApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => CalendarApp.Token;

    [Fact]
    public async Task The_caller_s_next_appointment_is_found_by_phone_number_with_its_local_time()
    {
        await _app.BookedIdAsync(CalendarApp.OnTuesday(15), "Ada", Phone);
        var next = await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Ada", Phone);
        await _app.BookedIdAsync(CalendarApp.OnTuesday(9), "Someone else", "+16465550999");

        var found = (await _app.Desk.FindUpcomingAsync(DemoBusiness.Id, Phone, Token)).ShouldNotBeNull();

        (found.AppointmentId, found.ServiceName, found.CustomerName).ShouldBe((next, "Haircut", "Ada"));
        found.LocalStart.ShouldBe(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.FromHours(-5)));
        (await _app.Desk.FindUpcomingAsync(DemoBusiness.Id, "+16465550000", Token)).ShouldBeNull();
    }

    [Fact]
    public async Task Rescheduling_moves_the_appointment_and_its_claims_in_one_go_and_texts_the_new_time()
    {
        var id = await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Ada", Phone);
        var found = (await _app.Desk.FindUpcomingAsync(DemoBusiness.Id, Phone, Token))!;

        var outcome = await _app.Desk.RescheduleAsync(new RescheduleRequest(DemoBusiness.Id, found.AppointmentId, "CA-again", CalendarApp.OnTuesday(14)), Token);

        outcome.ShouldBeOfType<BookingOutcome.Booked>().Slot.StartUtc.ShouldBe(CalendarApp.OnTuesday(14));
        var moved = (await _app.AppointmentsAsync()).ShouldHaveSingleItem();
        (moved.Id, moved.StartUtc, moved.RescheduledBy).ShouldBe((id, CalendarApp.OnTuesday(14), $"caller:{Phone}"));
        (await _app.ClaimsAsync(id)).Min(c => c.Unit).ShouldBe(CallFlow.Domain.Calendar.CapacityClaims.UnitAt(CalendarApp.OnTuesday(14)));
        await _app.RunDueJobsAsync();
        await using var db = _app.Db();
        (await db.OutboxMessages.OrderBy(m => m.Id).LastAsync(Token)).Body!.ShouldContain("has been moved to Tuesday, March 3 at 2:00 PM");
    }

    [Fact]
    public async Task Moving_within_the_same_seat_does_not_collide_with_itself()
    {
        await _app.SetCapacityAsync(1);
        var id = await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Ada", Phone);

        var outcome = await _app.Desk.RescheduleAsync(new RescheduleRequest(DemoBusiness.Id, id, "CA-again", CalendarApp.OnTuesday(10, 15)), Token);

        outcome.ShouldBeOfType<BookingOutcome.Booked>();
    }

    [Fact]
    public async Task Rescheduling_onto_a_full_time_is_refused_and_changes_nothing()
    {
        await _app.SetCapacityAsync(1);
        var id = await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Ada", Phone);
        await _app.BookedIdAsync(CalendarApp.OnTuesday(14), "Bea", "+16465550999");

        var outcome = await _app.Desk.RescheduleAsync(new RescheduleRequest(DemoBusiness.Id, id, "CA-again", CalendarApp.OnTuesday(14)), Token);

        outcome.ShouldBeOfType<BookingOutcome.SlotTaken>().Alternatives.ShouldNotBeEmpty();
        (await _app.AppointmentsAsync()).Single(a => a.Id == id).StartUtc.ShouldBe(CalendarApp.OnTuesday(10));
        (await _app.ClaimsAsync(id)).Min(c => c.Unit).ShouldBe(CallFlow.Domain.Calendar.CapacityClaims.UnitAt(CalendarApp.OnTuesday(10)));
    }

    [Fact]
    public async Task Cancelling_frees_the_seat_and_the_caller_then_has_nothing_upcoming()
    {
        await _app.SetCapacityAsync(1);
        var id = await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Ada", Phone);

        (await _app.Desk.CancelAsync(DemoBusiness.Id, id, "caller cannot make it", Token)).ShouldBeTrue();

        var cancelled = (await _app.AppointmentsAsync()).Single();
        (cancelled.Status, cancelled.CancelledBy, cancelled.CancellationReason).ShouldBe((AppointmentStatus.Cancelled, $"caller:{Phone}", "caller cannot make it"));
        (await _app.ClaimsAsync(id)).ShouldBeEmpty();
        (await _app.Desk.FindUpcomingAsync(DemoBusiness.Id, Phone, Token)).ShouldBeNull();
        (await _app.BookAsync(CalendarApp.OnTuesday(10), "Bea", "+16465550999")).ShouldBeOfType<BookingOutcome.Booked>();
    }

    [Fact]
    public async Task Cancelling_twice_or_another_business_s_appointment_does_nothing()
    {
        var id = await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Ada", Phone);

        (await _app.Desk.CancelAsync("other-business", id, "", Token)).ShouldBeFalse();
        (await _app.Desk.CancelAsync(DemoBusiness.Id, id, "", Token)).ShouldBeTrue();
        (await _app.Desk.CancelAsync(DemoBusiness.Id, id, "", Token)).ShouldBeFalse();
        (await _app.Desk.CancelAsync(DemoBusiness.Id, "no-such-id", "", Token)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_appointment_that_has_started_can_no_longer_be_moved()
    {
        var id = await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Ada", Phone);
        _app.Time.SetUtcNow(CalendarApp.OnTuesday(10, 5));

        var outcome = await _app.Desk.RescheduleAsync(new RescheduleRequest(DemoBusiness.Id, id, "CA-again", CalendarApp.OnTuesday(15)), Token);

        outcome.ShouldBeOfType<BookingOutcome.Rejected>().Reason.ShouldContain("already started");
    }
}
