using CallFlow.Domain.Calls;
using CallFlow.Tests.Web.Conversation;
using CallFlow.Tests.Web.Telephony;
using CallFlow.Web.Calendar;
using CallFlow.Web.Conversation;
using CallFlow.Web.Recovery;
using CallFlow.Web.Telephony;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.Web.Recovery;

/// <summary>
/// calendar_unavailable end to end: the booking is taken as a request, shows as provisional, and is committed in the
/// background when the calendar answers again: confirmed by text, or the nearest free times texted when it was taken.
/// </summary>
public class CalendarUnavailableRecoveryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static TelephonyApp SalonWithFlakyCalendar() => new(clock: Conversations.WednesdayMorning()) { TestServices = FlakyDesk.Register };

    /// <summary>Dana books a haircut on Friday at 3 while the calendar is down, and hears it will be confirmed by text.</summary>
    private static async Task<string> BookWhileTheCalendarIsDownAsync(TelephonyApp app)
    {
        app.Service<FlakyDesk>().Down = true;
        var leg = await app.DialAsync();
        await leg.SpeakAsync("a haircut on Friday at 3, it's Dana Smith, 917 555 0123");
        await leg.SpeakAsync("yes");
        leg.LastPrompt.ShouldContain("we'll confirm it by text message shortly");
        return leg.CallSid;
    }

    private static async Task<List<Appointment>> AppointmentsAsync(TelephonyApp app)
    {
        await using var db = app.Db();
        return await db.Appointments.AsNoTracking().ToListAsync(Token);
    }

    [Fact]
    public async Task A_provisional_booking_commits_when_the_calendar_comes_back_and_the_confirmation_is_texted()
    {
        await using var app = SalonWithFlakyCalendar();
        var callSid = await BookWhileTheCalendarIsDownAsync(app);

        await app.RunDueJobsAsync();
        var provisional = (await AppointmentsAsync(app)).ShouldHaveSingleItem();
        (provisional.Status, provisional.CustomerName, provisional.CallId).ShouldBe((AppointmentStatus.Provisional, "Dana Smith", callSid));
        await using (var db = app.Db())
        {
            var waiting = await db.FollowUps.AsNoTracking().SingleAsync(Token);
            (waiting.Status, waiting.Attempts, waiting.DueAt).ShouldBe((FollowUpStatus.Pending, 1, app.Clock!.GetUtcNow().AddMinutes(1)));
        }

        app.Service<FlakyDesk>().Down = false;
        app.Clock!.Advance(TimeSpan.FromMinutes(1));
        await app.RunDueJobsAsync();

        var booked = (await AppointmentsAsync(app)).ShouldHaveSingleItem();
        (booked.Id, booked.Status).ShouldBe((provisional.Id, AppointmentStatus.Booked));
        var text = (await app.OutboxAsync(OutboxKind.Message)).ShouldHaveSingleItem();
        (text.To, text.Body).ShouldBe((Conversations.DanasNumber, "Demo Salon: your Haircut is booked for Friday, March 6 at 3:00 PM. To change or cancel, call +15005550006."));
        (await app.CallAsync(callSid))!.Outcome.ShouldBe(CallOutcome.MessageTaken);
        var audit = await app.AuditAsync(callSid);
        audit.Single(t => t.Trigger == CallTrigger.CallEnded).Detail.ShouldBe(
            $"recovery: calendar_unavailable → take the booking provisionally and confirm it by text once the calendar answers ({FlakyDesk.Reason})");
        audit.Where(t => t.Trigger == CallTrigger.RecoveryDecided).Select(t => t.Detail).ShouldBe([
            "recovery: calendar_unavailable → attempt 1 failed (the calendar database is not answering), commit again at 2026-03-04 15:01:00 UTC",
            $"recovery: calendar_unavailable → committed as appointment {booked.Id}, confirmation texted",
        ]);
    }

    [Fact]
    public async Task A_time_taken_meanwhile_is_cancelled_and_the_nearest_free_times_are_texted()
    {
        await using var app = SalonWithFlakyCalendar();
        await BookWhileTheCalendarIsDownAsync(app);
        await using (var db = app.Db())
        {
            await db.Businesses.ExecuteUpdateAsync(set => set.SetProperty(b => b.Capacity, 1), Token);
        }

        // Someone at the front desk books the same hour before the request reaches the calendar.
        var rival = await app.Service<BookingDesk>().BookAsync(new CallFlow.Domain.Booking.BookingRequest("demo-salon", "CA-rival",
            new CallFlow.Domain.Businesses.ServiceOffering("demo-salon-styling", "Styling", [], 60), new DateTimeOffset(2026, 3, 6, 20, 0, 0, TimeSpan.Zero),
            "Someone Else", "+12125550111", "rival"), Token);
        rival.ShouldBeOfType<CallFlow.Domain.Booking.BookingOutcome.Booked>();
        await app.RunDueJobsAsync();
        app.Service<FlakyDesk>().Down = false;
        app.Clock!.Advance(TimeSpan.FromMinutes(1));
        await app.RunDueJobsAsync();

        (await AppointmentsAsync(app)).Single(a => a.CustomerName == "Dana Smith").Status.ShouldBe(AppointmentStatus.Cancelled);
        var text = (await app.OutboxAsync(OutboxKind.Message)).Single(m => m.To == Conversations.DanasNumber);
        text.Body.ShouldStartWith("Demo Salon: sorry, your Haircut on Friday, March 6 at 3:00 PM was taken before we could confirm it. We can do ");
    }

    [Fact]
    public async Task When_the_calendar_never_comes_back_the_owner_is_asked_to_confirm_the_provisional_booking_by_hand()
    {
        await using var app = SalonWithFlakyCalendar();
        await BookWhileTheCalendarIsDownAsync(app);

        for (var attempt = 0; attempt < 8; attempt++)
        {
            await app.RunDueJobsAsync();
            app.Clock!.Advance(TimeSpan.FromHours(1));
        }

        (await AppointmentsAsync(app)).ShouldHaveSingleItem().Status.ShouldBe(AppointmentStatus.Provisional);
        await using var db = app.Db();
        (await db.FollowUps.AsNoTracking().SingleAsync(Token)).ShouldSatisfyAllConditions(
            f => f.Status.ShouldBe(FollowUpStatus.Abandoned),
            f => f.Attempts.ShouldBe(8));
        var told = (await app.OutboxAsync(OutboxKind.Message)).ShouldHaveSingleItem();
        told.To.ShouldBe("+12125550147");
        told.Body!.ShouldContain("It is on the Appointments page as provisional; please confirm it by hand.");
    }
}
