using CallFlow.Domain.Booking;
using CallFlow.Tests.Web.Calendar;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calendar;
using CallFlow.Web.Data;
using CallFlow.Web.Recovery;
using CallFlow.Web.Telephony;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallFlow.Tests.Web.Recovery;

/// <summary>Confirmations and reminders leave through the message job, worded from the appointment as it is when they go.</summary>
public class TextTests : IAsyncLifetime
{
    private readonly CalendarApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => CalendarApp.Token;

    /// <summary>Tuesday 3 March at 15:00 in New York.</summary>
    private static readonly DateTimeOffset TuesdayAt3 = CalendarApp.OnTuesday(15);

    private async Task<List<string>> SentAsync()
    {
        await using var db = _app.Db();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKind.Message).OrderBy(m => m.Id).Select(m => m.Body!).ToListAsync(Token);
    }

    [Fact]
    public async Task A_booking_is_confirmed_at_once_and_reminded_a_day_before()
    {
        await _app.BookedIdAsync(TuesdayAt3);

        await _app.RunDueJobsAsync();
        (await SentAsync()).ShouldBe(["Demo Salon: your Haircut is booked for Tuesday, March 3 at 3:00 PM. To change or cancel, call +15005550006."]);
        _app.Time.SetUtcNow(TuesdayAt3.AddDays(-1));
        await _app.RunDueJobsAsync();

        (await SentAsync())[^1].ShouldBe("Demo Salon: a reminder of your Haircut on Tuesday, March 3 at 3:00 PM. To change or cancel, call +15005550006.");
    }

    [Fact]
    public async Task A_moved_appointment_is_reminded_of_its_new_time_only()
    {
        var id = await _app.BookedIdAsync(TuesdayAt3);
        await _app.Desk.RescheduleAsync(new RescheduleRequest(DemoBusiness.Id, id, "CA-move", CalendarApp.OnTuesday(16)), Token);

        _app.Time.SetUtcNow(CalendarApp.OnTuesday(16).AddDays(-1));
        await _app.RunDueJobsAsync();

        var reminders = (await _app.TextsAsync()).Where(t => t.Kind == TextKind.Reminder).Select(t => (t.AppointmentStartUtc, t.Status)).ToList();
        reminders.ShouldBe([(TuesdayAt3, TextStatus.Cancelled), (CalendarApp.OnTuesday(16), TextStatus.Sent)]);
        (await SentAsync())[^1].ShouldContain("a reminder of your Haircut on Tuesday, March 3 at 4:00 PM");
    }

    [Fact]
    public async Task A_cancelled_appointment_gets_no_reminder()
    {
        var id = await _app.BookedIdAsync(TuesdayAt3);
        await _app.Desk.CancelAsync(DemoBusiness.Id, id, "changed plans", Token);

        _app.Time.SetUtcNow(TuesdayAt3.AddDays(-1));
        await _app.RunDueJobsAsync();

        (await _app.TextsAsync()).Single(t => t.Kind == TextKind.Reminder).Status.ShouldBe(TextStatus.Cancelled);
        (await SentAsync()).ShouldAllBe(body => !body.Contains("reminder"));
    }

    [Fact]
    public async Task A_text_the_carrier_refuses_is_tried_again_later_and_then_given_up_while_the_booking_stands()
    {
        await _app.BookedIdAsync(TuesdayAt3);
        var text = (await _app.TextsAsync()).Single(t => t.Kind == TextKind.Confirmation).Id;
        var refusing = new MessageJobs(_app.Service<IDbContextFactory<CallFlowDb>>(), new CalendarUnavailableTests.NoCarrier(), _app.Time, NullLogger<MessageJobs>.Instance);

        await refusing.SendAsync(text, Token);
        var retried = (await _app.TextsAsync()).Single(t => t.Id == text);
        (retried.Status, retried.Attempts, retried.DueAt).ShouldBe((TextStatus.Pending, 1, _app.Time.GetUtcNow().AddMinutes(1)));
        for (var attempt = 2; attempt <= OutgoingText.MaxAttempts; attempt++)
        {
            _app.Time.Advance(TimeSpan.FromMinutes(attempt));
            await refusing.SendAsync(text, Token);
        }

        (await _app.TextsAsync()).Single(t => t.Id == text).Status.ShouldBe(TextStatus.Failed);
        (await _app.AppointmentsAsync()).ShouldHaveSingleItem().Status.ShouldBe(AppointmentStatus.Booked);
    }
}
