using System.Globalization;
using CallFlow.Web.Data;
using CallFlow.Web.Telephony;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallFlow.Web.Calendar;

public enum BookingText
{
    Confirmation,
    Moved,
}

/// <summary>
/// Texts the customer after a booking is committed or moved, through the carrier's Messages API (an outbox row when
/// simulated). The booking is already saved: a text that cannot be sent is logged and never undoes it.
/// </summary>
public sealed class BookingTexts(
    IDbContextFactory<CallFlowDb> dbFactory,
    ICarrierClient carrier,
    IOptions<CalendarOptions> options,
    ILogger<BookingTexts> logger)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Sends the text for a committed appointment. Not cancellable: the booking it reports is already made.</summary>
    public async Task SendAsync(string appointmentId, BookingText kind)
    {
        if (!options.Value.SendConfirmations)
        {
            return;
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var appointment = await db.Appointments.Include(a => a.Business).FirstOrDefaultAsync(a => a.Id == appointmentId);
            if (appointment?.Business is not { } business)
            {
                return;
            }

            var body = Body(kind, business.Name, business.PhoneNumber, appointment.ServiceName,
                TimeZoneInfo.ConvertTime(appointment.StartUtc, TimeZoneInfo.FindSystemTimeZoneById(business.TimeZoneId)));
            var sent = await carrier.SendMessageAsync(new OutboundMessage(appointment.CustomerPhone, business.PhoneNumber, body, business.Id), CancellationToken.None);
            appointment.ConfirmationSid = sent.MessageSid;
            await db.SaveChangesAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Appointment {AppointmentId}: the {Kind} text could not be sent; the booking stands", appointmentId, kind);
        }
    }

    public static string Body(BookingText kind, string businessName, string businessPhone, string serviceName, DateTimeOffset localStart)
    {
        var when = localStart.ToString("dddd, MMMM d 'at' h:mm tt", English);
        var what = kind == BookingText.Moved ? "has been moved to" : "is booked for";
        return $"{businessName}: your {serviceName} {what} {when}. To change or cancel, call {businessPhone}.";
    }
}
