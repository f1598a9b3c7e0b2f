using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calendar;

namespace CallFlow.Tests.Web.Calendar;

/// <summary>The triggers that count the writes which may take time from a business's calendar, and only those.</summary>
public class CalendarRevisionTests : IAsyncLifetime
{
    private readonly CalendarApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<long> RevisionAsync(string businessId = DemoBusiness.Id)
    {
        await using var db = _app.Db();
        return await CalendarRevision.ReadAsync(db, businessId, CalendarApp.Token);
    }

    [Fact]
    public async Task A_calendar_nobody_wrote_to_is_at_revision_zero()
    {
        (await RevisionAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_hold_and_a_booking_each_move_the_revision()
    {
        await _app.OfferAsync("CA-first", CalendarApp.Tuesday, new TimeOnly(10, 0));
        var held = await RevisionAsync();

        await _app.BookedIdAsync(CalendarApp.OnTuesday(11));

        held.ShouldBeGreaterThan(0);
        (await RevisionAsync()).ShouldBeGreaterThan(held);
    }

    [Fact]
    public async Task Cancelling_a_booking_and_extending_a_hold_move_it_too()
    {
        var id = await _app.BookedIdAsync(CalendarApp.OnTuesday(10));
        var booked = await RevisionAsync();

        await _app.Desk.CancelAsync(DemoBusiness.Id, id, "changed plans", CalendarApp.Token);
        var cancelled = await RevisionAsync();
        await _app.OfferAsync("CA-first", CalendarApp.Tuesday, new TimeOnly(10, 0));
        _app.Time.Advance(TimeSpan.FromMinutes(3));
        var held = await RevisionAsync();
        await _app.Desk.ExtendHoldsAsync(DemoBusiness.Id, "CA-first", CalendarApp.Token);

        cancelled.ShouldBeGreaterThan(booked);
        (await RevisionAsync()).ShouldBeGreaterThan(held);
    }

    [Fact]
    public async Task Releasing_a_hold_frees_time_and_leaves_the_revision_alone()
    {
        await _app.OfferAsync("CA-first", CalendarApp.Tuesday, new TimeOnly(10, 0));
        var held = await RevisionAsync();

        await _app.Desk.ReleaseHoldsAsync(DemoBusiness.Id, "CA-first", CalendarApp.Token);

        (await RevisionAsync()).ShouldBe(held);
    }

    [Fact]
    public async Task Each_business_has_its_own_revision()
    {
        var other = await _app.AddSecondBusinessAsync();

        await _app.BookedIdAsync(CalendarApp.OnTuesday(10));

        (await RevisionAsync()).ShouldBeGreaterThan(0);
        (await RevisionAsync(other.Id)).ShouldBe(0);
    }
}
