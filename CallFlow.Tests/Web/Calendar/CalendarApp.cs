using CallFlow.Domain.Booking;
using CallFlow.Domain.Businesses;
using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calendar;
using CallFlow.Web.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CallFlow.Tests.Web.Calendar;

/// <summary>
/// The real app on a temporary SQLite file, its clock stopped at Monday 2 March 2026, 08:00 in New York (EST, a week
/// before the clocks change), with shortcuts for the demo salon's calendar: open Monday to Saturday 9–18, two chairs,
/// an hour's notice, slots every 15 minutes.
/// </summary>
public sealed class CalendarApp() : CallFlowApp(clock: new FakeTimeProvider(Monday8am))
{
    public static readonly DateTimeOffset Monday8am = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Tuesday = new(2026, 3, 3);

    public const string Caller = "+12125550100";

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public FakeTimeProvider Time => Clock!;

    public new BookingDesk Desk => Service<BookingDesk>();

    /// <summary>A local time on Tuesday 3 March in New York (UTC−5) as an instant.</summary>
    public static DateTimeOffset OnTuesday(int hour, int minute = 0) => new(2026, 3, 3, hour, minute, 0, TimeSpan.FromHours(-5));

    public async Task<ServiceOffering> ServiceAsync(string name = "Haircut")
    {
        await using var db = Db();
        var service = await db.Services.AsNoTracking().SingleAsync(s => s.BusinessId == DemoBusiness.Id && s.Name == name, Token);
        return service.ToOffering();
    }

    public async Task SetCapacityAsync(int capacity)
    {
        await using var db = Db();
        await db.Businesses.Where(b => b.Id == DemoBusiness.Id).ExecuteUpdateAsync(set => set.SetProperty(b => b.Capacity, capacity), Token);
    }

    public async Task<BookingOutcome> BookAsync(DateTimeOffset start, string name = "Ada Lovelace", string phone = Caller, string? key = null, string callId = "CA-booking", string service = "Haircut") =>
        await Desk.BookAsync(new BookingRequest(DemoBusiness.Id, callId, await ServiceAsync(service), start, name, phone, key ?? Guid.NewGuid().ToString("N")), Token);

    public async Task<string> BookedIdAsync(DateTimeOffset start, string name = "Ada Lovelace", string phone = Caller) =>
        (await BookAsync(start, name, phone)).ShouldBeOfType<BookingOutcome.Booked>().AppointmentId;

    public async Task<SlotOffer> OfferAsync(string callId, DateOnly? date, TimeOnly? time = null, string service = "Haircut") =>
        await Desk.OfferAsync(new SlotRequest(DemoBusiness.Id, callId, await ServiceAsync(service), date, time), Token);

    public async Task<List<Appointment>> AppointmentsAsync()
    {
        await using var db = Db();
        return await db.Appointments.AsNoTracking().OrderBy(a => a.StartUtc).ToListAsync(Token);
    }

    public async Task<List<CalendarClaim>> ClaimsAsync(string? appointmentId = null)
    {
        await using var db = Db();
        return await db.CalendarClaims.AsNoTracking().Where(c => appointmentId == null || c.AppointmentId == appointmentId).ToListAsync(Token);
    }

    public async Task<Appointment> AddProvisionalAsync(DateTimeOffset start, string name = "Grace Hopper", string? key = null)
    {
        var haircut = await ServiceAsync();
        var appointment = new Appointment
        {
            BusinessId = DemoBusiness.Id,
            ServiceId = haircut.Id,
            ServiceName = haircut.Name,
            CustomerName = name,
            CustomerPhone = "+12125550177",
            StartUtc = start,
            EndUtc = start.AddMinutes(haircut.DurationMinutes),
            BufferAfterMinutes = haircut.BufferAfterMinutes,
            Status = AppointmentStatus.Provisional,
            CreatedBy = Actor.Job("recovery").ToString(),
            IdempotencyKey = key,
            CreatedAt = Time.GetUtcNow(),
        };
        await using var db = Db();
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(Token);
        return appointment;
    }
}
