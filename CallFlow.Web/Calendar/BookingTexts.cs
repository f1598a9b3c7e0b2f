using System.Globalization;
using CallFlow.Web.Recovery;
using Microsoft.Extensions.Options;

namespace CallFlow.Web.Calendar;

public enum BookingText
{
    Confirmation,
    Moved,
}

/// <summary>
/// Texts the customer after a booking is committed or moved: the text (and a reminder before the appointment) is
/// queued for the message job, so the booking, and a caller waiting on the line for it, never waits for the carrier.
/// The booking is already saved: a text that cannot be queued is logged and never undoes it.
/// </summary>
public sealed class BookingTexts(OutgoingTexts texts, IOptions<CalendarOptions> options, ILogger<BookingTexts> logger)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Queues the text for a committed appointment. Not cancellable: the booking it reports is already made.</summary>
    public async Task SendAsync(string appointmentId, BookingText kind)
    {
        if (!options.Value.SendConfirmations)
        {
            return;
        }

        try
        {
            await texts.QueueForAppointmentAsync(appointmentId, kind == BookingText.Moved ? TextKind.Moved : TextKind.Confirmation, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Appointment {AppointmentId}: the {Kind} text could not be queued; the booking stands", appointmentId, kind);
        }
    }

    public static string Body(BookingText kind, string businessName, string businessPhone, string serviceName, DateTimeOffset localStart)
    {
        var when = localStart.ToString("dddd, MMMM d 'at' h:mm tt", English);
        var what = kind == BookingText.Moved ? "has been moved to" : "is booked for";
        return $"{businessName}: your {serviceName} {what} {when}. To change or cancel, call {businessPhone}.";
    }
}
