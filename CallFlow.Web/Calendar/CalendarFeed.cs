using System.Security.Cryptography;
using System.Text;
using CallFlow.Web.Businesses;
using CallFlow.Web.Data;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using IcalCalendar = Ical.Net.Calendar;

namespace CallFlow.Web.Calendar;

/// <summary>
/// <c>GET /calendar/{businessId}.ics?token=…</c>: the business's appointments as an iCalendar feed (RFC 5545) that
/// Google or Outlook subscribe to. No sign-in, but the business's secret token is required; a wrong or missing token
/// gets the same 404 as an unknown business, so the feed reveals nothing. Cancelled appointments leave the feed;
/// provisional ones are TENTATIVE. Times are UTC, which every client reads unambiguously, even in a repeated hour.
/// </summary>
public static class CalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{businessId}.ics", GetAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The feed's path and query for a business (for the settings page to show as a full URL).</summary>
    public static string PathFor(string businessId, string token) =>
        $"/calendar/{Uri.EscapeDataString(businessId)}.ics?token={Uri.EscapeDataString(token)}";

    /// <summary>A new secret for a business's feed (to set on <see cref="Business.CalendarFeedToken"/> or to rotate it).</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static async Task<IResult> GetAsync(
        string businessId, string? token, IDbContextFactory<CallFlowDb> dbFactory, TimeProvider clock, IOptions<CalendarOptions> options,
        HttpContext context, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken);
        if (business is null || !TokenMatches(business.CalendarFeedToken, token))
        {
            return Results.NotFound();
        }

        var since = clock.GetUtcNow().AddDays(-options.Value.FeedDaysBack);
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.BusinessId == businessId && a.Status != AppointmentStatus.Cancelled && a.EndUtc > since)
            .OrderBy(a => a.StartUtc)
            .ToListAsync(cancellationToken);

        // The token is in the URL: keep it and the customers' details out of shared caches.
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.Text(Serialize(business, appointments), ContentType, Encoding.UTF8);
    }

    public static string Serialize(Business business, IEnumerable<Appointment> appointments)
    {
        var calendar = new IcalCalendar { ProductId = "-//CallFlow//Appointments//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", business.Name);
        calendar.AddProperty("X-WR-TIMEZONE", business.TimeZoneId);
        foreach (var appointment in appointments)
        {
            calendar.Events.Add(Event(business, appointment));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>The UID stays the same for the appointment's whole life, so a moved appointment updates in place.</summary>
    public static string Uid(string appointmentId) => $"{appointmentId}@callflow";

    private static CalendarEvent Event(Business business, Appointment appointment)
    {
        var changed = appointment.RescheduledAt ?? appointment.CreatedAt;
        var provisional = appointment.Status == AppointmentStatus.Provisional;
        return new CalendarEvent
        {
            Uid = Uid(appointment.Id),
            Summary = $"{(provisional ? "[Provisional] " : "")}{appointment.ServiceName}: {appointment.CustomerName}",
            Description = $"{appointment.CustomerName}, {appointment.CustomerPhone}\nBooked by {appointment.CreatedBy}",
            Location = business.Address,
            Start = Utc(appointment.StartUtc),
            End = Utc(appointment.EndUtc),
            DtStamp = Utc(changed),
            Created = Utc(appointment.CreatedAt),
            LastModified = Utc(changed),
            Sequence = appointment.Version,
            Status = provisional ? Ical.Net.EventStatus.Tentative : Ical.Net.EventStatus.Confirmed,
        };
    }

    private static CalDateTime Utc(DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(instant.UtcDateTime.AddTicks(-(instant.UtcTicks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc));

    private static bool TokenMatches(string expected, string? given) =>
        !string.IsNullOrEmpty(expected) && given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
