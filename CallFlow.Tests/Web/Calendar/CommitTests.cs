using CallFlow.Domain.Booking;
using CallFlow.Domain.Calendar;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calendar;
using CallFlow.Web.Recovery;
using CallFlow.Web.Telephony;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Tests.Web.Calendar;

/// <summary>Committing bookings on a real SQLite file: one seat never goes to two customers, whatever the timing.</summary>
public class CommitTests : IAsyncLifetime
{
    private readonly CalendarApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => CalendarApp.Token;

    [Fact]
    public async Task Fifty_parallel_commits_for_the_last_free_seat_make_exactly_one_appointment()
    {
        var ten = CalendarApp.OnTuesday(10);
        await _app.BookedIdAsync(ten, "First Chair");
        var haircut = await _app.ServiceAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => _app.Desk.BookAsync(
            new BookingRequest(DemoBusiness.Id, $"CA-{i}", haircut, ten, $"Caller {i}", $"+1212555{i:D4}", $"key-{i}"), Token))));

        outcomes.OfType<BookingOutcome.Booked>().Count().ShouldBe(1);
        var losers = outcomes.OfType<BookingOutcome.SlotTaken>().ToList();
        losers.Count.ShouldBe(49);
        losers.ShouldAllBe(l => l.Alternatives.Count > 0 && l.Alternatives.All(a => a.StartUtc != ten));
        losers.ShouldAllBe(l => l.Why.Verdict == SlotVerdict.Taken);
        (await _app.AppointmentsAsync()).Count(a => a.StartUtc == ten).ShouldBe(2);
    }

    [Fact]
    public async Task The_unique_claim_index_refuses_a_conflicting_insert_made_directly()
    {
        var id = await _app.BookedIdAsync(CalendarApp.OnTuesday(10));
        var taken = (await _app.ClaimsAsync(id)).First();

        await using var db = _app.Db();
        var intruder = new Appointment
        {
            BusinessId = DemoBusiness.Id, ServiceId = "x", ServiceName = "x", CustomerName = "Intruder", CustomerPhone = "+12125550999",
            StartUtc = CalendarApp.OnTuesday(10), EndUtc = CalendarApp.OnTuesday(11), CreatedBy = "test",
        };
        db.Appointments.Add(intruder);
        db.CalendarClaims.Add(new CalendarClaim { BusinessId = taken.BusinessId, Pool = taken.Pool, Unit = taken.Unit, Seat = taken.Seat, AppointmentId = intruder.Id });

        var refused = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Token));
        CalendarFailures.IsUniqueViolation(refused).ShouldBeTrue();
    }

    [Fact]
    public async Task A_booking_claims_a_seat_in_every_five_minutes_it_occupies_with_its_buffer()
    {
        var id = await _app.BookedIdAsync(CalendarApp.OnTuesday(10));

        var claims = await _app.ClaimsAsync(id);

        // Haircut: 45 minutes plus 5 minutes' clean-up = ten 5-minute units of the business pool, seat 0.
        claims.Count.ShouldBe(10);
        claims.ShouldAllBe(c => c.Pool == CapacityClaims.BusinessPool && c.Seat == 0);
        claims.Min(c => c.Unit).ShouldBe(CapacityClaims.UnitAt(CalendarApp.OnTuesday(10)));
    }

    [Fact]
    public async Task A_repeated_confirmation_returns_the_same_appointment_and_texts_once()
    {
        var first = (await _app.BookAsync(CalendarApp.OnTuesday(11), key: "CA-retry")).ShouldBeOfType<BookingOutcome.Booked>();

        var again = (await _app.BookAsync(CalendarApp.OnTuesday(11), key: "CA-retry")).ShouldBeOfType<BookingOutcome.Booked>();

        (first.AlreadyBooked, again.AlreadyBooked).ShouldBe((false, true));
        again.AppointmentId.ShouldBe(first.AppointmentId);
        again.Slot.StartUtc.ShouldBe(CalendarApp.OnTuesday(11));
        (await _app.AppointmentsAsync()).ShouldHaveSingleItem();
        await _app.RunDueJobsAsync();
        await using var db = _app.Db();
        (await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKind.Message, Token)).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_for_a_different_time_is_rejected_rather_than_silently_ignored()
    {
        await _app.BookAsync(CalendarApp.OnTuesday(11), key: "CA-reused");

        var outcome = await _app.BookAsync(CalendarApp.OnTuesday(14), key: "CA-reused");

        outcome.ShouldBeOfType<BookingOutcome.Rejected>().Reason.ShouldContain("different appointment");
        (await _app.AppointmentsAsync()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_confirmation_text_lands_in_the_outbox_with_the_local_time()
    {
        var booked = (await _app.BookAsync(CalendarApp.OnTuesday(15, 30), phone: "+16465550142")).ShouldBeOfType<BookingOutcome.Booked>();

        await _app.RunDueJobsAsync();
        await using var db = _app.Db();
        var text = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Kind == OutboxKind.Message, Token);
        (text.To, text.From, text.BusinessId).ShouldBe(("+16465550142", DemoBusiness.DefaultPhoneNumber, DemoBusiness.Id));
        text.Body.ShouldBe("Demo Salon: your Haircut is booked for Tuesday, March 3 at 3:30 PM. To change or cancel, call +15005550006.");
        (await db.Appointments.SingleAsync(a => a.Id == booked.AppointmentId, Token)).ConfirmationSid.ShouldBe(text.CarrierSid);
    }

    [Fact]
    public async Task A_booking_does_not_wait_for_the_carrier_its_text_is_queued_for_the_message_job()
    {
        var booked = (await _app.BookAsync(CalendarApp.OnTuesday(10))).ShouldBeOfType<BookingOutcome.Booked>();

        await using var db = _app.Db();
        (await db.OutboxMessages.CountAsync(Token)).ShouldBe(0, "nothing reaches the carrier on the booking's own path");
        var queued = await db.OutgoingTexts.AsNoTracking().SingleAsync(t => t.Kind == TextKind.Confirmation, Token);
        (queued.AppointmentId, queued.To, queued.Status).ShouldBe((booked.AppointmentId, CalendarApp.Caller, TextStatus.Pending));
    }

    [Fact]
    public async Task A_booking_and_its_texts_are_saved_in_one_transaction_so_neither_stands_without_the_other()
    {
        BookingOutcome? outcome = null;

        var transactions = await _app.TransactionsDuringAsync(async () => outcome = await _app.BookAsync(CalendarApp.OnTuesday(10)));

        transactions.ShouldBe(1);
        var booked = outcome.ShouldBeOfType<BookingOutcome.Booked>();
        await using var db = _app.Db();
        var texts = await db.OutgoingTexts.AsNoTracking().Where(t => t.AppointmentId == booked.AppointmentId).Select(t => t.Kind).ToListAsync(Token);
        texts.ShouldBe([TextKind.Confirmation, TextKind.Reminder], ignoreOrder: true);
    }

    [Fact]
    public async Task A_time_held_for_another_caller_between_the_booking_s_read_and_its_write_is_not_booked_over()
    {
        await _app.SetCapacityAsync(1);
        // The booking reads the calendar outside the write lock; another caller is offered ten o'clock right after.
        _app.Commands.After("FROM \"SlotHolds\"", async () => (await _app.OfferAsync("CA-quicker", CalendarApp.Tuesday, new TimeOnly(10, 0))).ShouldBeOfType<SlotOffer.Held>());

        var outcome = await _app.BookAsync(CalendarApp.OnTuesday(10));

        _app.Commands.Interleaved.ShouldBeTrue();
        outcome.ShouldBeOfType<BookingOutcome.SlotTaken>().Why.Verdict.ShouldBe(SlotVerdict.HeldByAnotherCaller);
        (await _app.AppointmentsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_time_booked_between_the_booking_s_read_and_its_seat_count_is_not_offered_back_as_an_alternative()
    {
        await _app.SetCapacityAsync(1);
        // The booking reads ten o'clock as free; another caller books it before the booking counts the seats left.
        _app.Commands.After("FROM \"SlotHolds\"", async () => (await _app.BookAsync(CalendarApp.OnTuesday(10), "Grace Hopper", callId: "CA-quicker")).ShouldBeOfType<BookingOutcome.Booked>());

        var outcome = await _app.BookAsync(CalendarApp.OnTuesday(10));

        _app.Commands.Interleaved.ShouldBeTrue();
        var taken = outcome.ShouldBeOfType<BookingOutcome.SlotTaken>();
        taken.Alternatives.ShouldNotBeEmpty();
        taken.Alternatives.ShouldAllBe(a => a.StartUtc != CalendarApp.OnTuesday(10));
    }

    [Fact]
    public async Task A_booking_of_a_taken_time_never_takes_the_write_lock()
    {
        await _app.SetCapacityAsync(1);
        await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "First Chair");
        BookingOutcome? outcome = null;

        var begun = await _app.TransactionsBegunDuringAsync(async () => outcome = await _app.BookAsync(CalendarApp.OnTuesday(10), callId: "CA-late"));

        begun.ShouldBe(0);
        outcome.ShouldBeOfType<BookingOutcome.SlotTaken>().Alternatives.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_new_booking_inside_the_write_lock_deletes_only_the_call_s_holds()
    {
        var statements = await _app.CommandsDuringAsync(async () => (await _app.BookAsync(CalendarApp.OnTuesday(10))).ShouldBeOfType<BookingOutcome.Booked>());

        // A new appointment has no claims or reminders to drop; only the call's hold on the time goes.
        statements.Where(sql => sql.TrimStart().StartsWith("DELETE", StringComparison.OrdinalIgnoreCase))
            .ShouldHaveSingleItem().ShouldContain("\"SlotHolds\"");
        statements.Count(sql => sql.Contains("INSERT INTO \"CalendarClaims\"", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task A_move_and_its_texts_are_saved_in_one_transaction_and_the_old_reminder_is_dropped()
    {
        var id = await _app.BookedIdAsync(CalendarApp.OnTuesday(10));
        BookingOutcome? outcome = null;

        var transactions = await _app.TransactionsDuringAsync(async () =>
            outcome = await _app.Desk.RescheduleAsync(new RescheduleRequest(DemoBusiness.Id, id, "CA-booking", CalendarApp.OnTuesday(14)), Token));

        transactions.ShouldBe(1);
        outcome.ShouldBeOfType<BookingOutcome.Booked>();
        await using var db = _app.Db();
        var reminders = await db.OutgoingTexts.AsNoTracking().Where(t => t.AppointmentId == id && t.Kind == TextKind.Reminder).ToListAsync(Token);
        reminders.Single(r => r.Status == TextStatus.Pending).AppointmentStartUtc.ShouldBe(CalendarApp.OnTuesday(14));
        reminders.Single(r => r.Status == TextStatus.Cancelled).AppointmentStartUtc.ShouldBe(CalendarApp.OnTuesday(10));
        (await db.OutgoingTexts.AsNoTracking().CountAsync(t => t.AppointmentId == id && t.Kind == TextKind.Moved, Token)).ShouldBe(1);
    }

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "", "+12125550100", "name" },
        { "Ada", "212-555-0100", "international form" },
        { "Ada", "+0", "international form" },
        { new string('x', 101), "+12125550100", "name" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Data_that_cannot_be_booked_is_rejected_with_the_reason(string name, string phone, string reason)
    {
        var outcome = await _app.BookAsync(CalendarApp.OnTuesday(10), name: name, phone: phone);

        outcome.ShouldBeOfType<BookingOutcome.Rejected>().Reason.ShouldContain(reason);
        (await _app.AppointmentsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_service_is_rejected()
    {
        var outcome = await _app.Desk.BookAsync(new BookingRequest(DemoBusiness.Id, "CA-1",
            new CallFlow.Domain.Businesses.ServiceOffering("nails", "Nails", [], 30), CalendarApp.OnTuesday(10), "Ada", CalendarApp.Caller, "k"), Token);

        outcome.ShouldBeOfType<BookingOutcome.Rejected>().Reason.ShouldContain("does not offer Nails");
    }

    [Fact]
    public async Task A_time_the_rules_refuse_is_answered_with_the_explainer_s_reason_and_alternatives()
    {
        var outcome = await _app.BookAsync(CalendarApp.OnTuesday(17, 30));

        var taken = outcome.ShouldBeOfType<BookingOutcome.SlotTaken>();
        taken.Why.Verdict.ShouldBe(SlotVerdict.RunsPastClosing);
        taken.Why.Message.ShouldContain("after closing at 18:00");
        taken.Alternatives.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_provisional_booking_is_committed_later_with_claims_and_a_confirmation()
    {
        var provisional = await _app.AddProvisionalAsync(CalendarApp.OnTuesday(12));

        var outcome = await _app.Desk.CommitProvisionalAsync(DemoBusiness.Id, provisional.Id, CallFlow.Web.Calls.Actor.Job("recovery"), Token);

        outcome.ShouldBeOfType<BookingOutcome.Booked>().AppointmentId.ShouldBe(provisional.Id);
        (await _app.AppointmentsAsync()).Single().Status.ShouldBe(AppointmentStatus.Booked);
        (await _app.ClaimsAsync(provisional.Id)).ShouldNotBeEmpty();
        await _app.RunDueJobsAsync();
        await using var db = _app.Db();
        (await db.OutboxMessages.CountAsync(Token)).ShouldBe(1);
    }

    [Fact]
    public async Task Booking_again_with_a_provisional_booking_s_key_commits_that_booking()
    {
        var provisional = await _app.AddProvisionalAsync(CalendarApp.OnTuesday(12), key: "CA-cut-off");

        var outcome = await _app.BookAsync(CalendarApp.OnTuesday(12), key: "CA-cut-off");

        var booked = outcome.ShouldBeOfType<BookingOutcome.Booked>();
        (booked.AppointmentId, booked.AlreadyBooked).ShouldBe((provisional.Id, false));
        (await _app.AppointmentsAsync()).ShouldHaveSingleItem().Status.ShouldBe(AppointmentStatus.Booked);
        (await _app.ClaimsAsync(provisional.Id)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_provisional_booking_keeps_its_time_from_others_until_it_is_committed()
    {
        await _app.SetCapacityAsync(1);
        await _app.AddProvisionalAsync(CalendarApp.OnTuesday(12));

        var outcome = await _app.BookAsync(CalendarApp.OnTuesday(12));

        outcome.ShouldBeOfType<BookingOutcome.SlotTaken>().Why.Verdict.ShouldBe(SlotVerdict.Taken);
    }
}
