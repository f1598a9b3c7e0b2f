using System.Net;
using CallFlow.Domain.Booking;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calendar;
using Ical.Net.CalendarComponents;
using IcalCalendar = Ical.Net.Calendar;

namespace CallFlow.Tests.Web.Calendar;

/// <summary>The iCalendar feed a salon's Google or Outlook calendar subscribes to.</summary>
public class CalendarFeedTests : IAsyncLifetime
{
    private readonly CalendarApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Token => CalendarApp.Token;

    private string DemoToken => _app.DemoSettings().CalendarFeedToken;

    private async Task<IcalCalendar> FeedAsync()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(CalendarFeed.PathFor(DemoBusiness.Id, DemoToken), Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        return IcalCalendar.Load(await response.Content.ReadAsStringAsync(Token))!;
    }

    private static CalendarEvent EventOf(IcalCalendar feed, string appointmentId) =>
        feed.Events.Single(e => e.Uid == CalendarFeed.Uid(appointmentId));

    [Fact]
    public async Task The_feed_parses_back_and_matches_the_appointments()
    {
        var ten = await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Ada Lovelace", "+16465550101");
        var two = await _app.BookedIdAsync(CalendarApp.OnTuesday(14), "Bea Arthur", "+16465550102");
        var provisional = await _app.AddProvisionalAsync(CalendarApp.OnTuesday(16), "Grace Hopper");

        var feed = await FeedAsync();

        feed.Events.Count.ShouldBe(3);
        foreach (var appointment in await _app.AppointmentsAsync())
        {
            var e = EventOf(feed, appointment.Id);
            e.Start!.AsUtc.ShouldBe(appointment.StartUtc.UtcDateTime);
            e.End!.AsUtc.ShouldBe(appointment.EndUtc.UtcDateTime);
            e.Summary!.ShouldContain(appointment.CustomerName);
            e.Summary!.ShouldContain("Haircut");
            e.Description!.ShouldContain(appointment.CustomerPhone);
        }

        (EventOf(feed, ten).Status, EventOf(feed, two).Status).ShouldBe(("CONFIRMED", "CONFIRMED"));
        EventOf(feed, provisional.Id).Status.ShouldBe("TENTATIVE");
        feed.Properties.Get<string>("X-WR-CALNAME").ShouldBe("Demo Salon");
    }

    [Fact]
    public async Task Cancelled_appointments_leave_the_feed()
    {
        var kept = await _app.BookedIdAsync(CalendarApp.OnTuesday(10));
        var cancelled = await _app.BookedIdAsync(CalendarApp.OnTuesday(11));
        await _app.Desk.CancelAsync(DemoBusiness.Id, cancelled, "no longer needed", Token);

        var feed = await FeedAsync();

        feed.Events.Select(e => e.Uid).ShouldBe([CalendarFeed.Uid(kept)]);
    }

    [Fact]
    public async Task A_moved_appointment_keeps_its_uid_with_a_higher_sequence()
    {
        var id = await _app.BookedIdAsync(CalendarApp.OnTuesday(10));
        var before = EventOf(await FeedAsync(), id);

        await _app.Desk.RescheduleAsync(new RescheduleRequest(DemoBusiness.Id, id, "CA-2", CalendarApp.OnTuesday(15)), Token);
        var after = EventOf(await FeedAsync(), id);

        after.Start!.AsUtc.ShouldBe(CalendarApp.OnTuesday(15).UtcDateTime);
        after.Sequence.ShouldBeGreaterThan(before.Sequence);
    }

    public static TheoryData<string> WrongAddresses => new()
    {
        $"/calendar/{DemoBusiness.Id}.ics",
        $"/calendar/{DemoBusiness.Id}.ics?token=",
        $"/calendar/{DemoBusiness.Id}.ics?token=demo-feed-guess",
        $"/calendar/{DemoBusiness.Id}.ics?token=harbor-feed-3b8e1d",
        "/calendar/no-such-business.ics?token=demo-feed-7f3c9a1e5b2d4c8f",
    };

    [Theory]
    [MemberData(nameof(WrongAddresses))]
    public async Task A_wrong_or_missing_token_gets_a_plain_404_that_reveals_nothing(string address)
    {
        await _app.AddSecondBusinessAsync();
        await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Ada Lovelace");
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(address, Token);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var body = await response.Content.ReadAsStringAsync(Token);
        body.ShouldNotContain("Demo Salon");
        body.ShouldNotContain("Ada Lovelace");
    }

    [Fact]
    public async Task Each_business_s_token_opens_only_its_own_feed()
    {
        var harbor = await _app.AddSecondBusinessAsync();
        await _app.BookedIdAsync(CalendarApp.OnTuesday(10), "Ada Lovelace");
        using var client = _app.CreateClient();

        var harborFeed = await client.GetStringAsync(CalendarFeed.PathFor(harbor.Id, "harbor-feed-3b8e1d"), Token);

        IcalCalendar.Load(harborFeed)!.Events.ShouldBeEmpty();
        harborFeed.ShouldNotContain("Ada Lovelace");
    }
}
