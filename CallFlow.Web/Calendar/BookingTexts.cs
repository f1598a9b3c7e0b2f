using System.Globalization;
using CallFlow.Web.Data;
using CallFlow.Web.Recovery;
using Microsoft.Extensions.Options;

namespace CallFlow.Web.Calendar;

public enum BookingText
{
    Confirmation,
    Moved,
}

/// <summary>
/// Texts the customer after a booking is committed or moved. The texts (and a reminder before the appointment) are
/// saved in the booking's own transaction, so a booking never stands without its confirmation, and sent by the
/// message job once committed, so the booking, and a caller waiting on the line for it, never waits for the carrier.
/// </summary>
public sealed class BookingTexts(OutgoingTexts texts, IOptions<CalendarOptions> options)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Adds the texts of <paramref name="appointment"/> to the open unit of work; null when confirmations are off.</summary>
    public async Task<OutgoingText?> AddAsync(CallFlowDb db, Appointment appointment, BookingText kind, CancellationToken cancellationToken) =>
        options.Value.SendConfirmations
            ? await texts.AddForAppointmentAsync(db, appointment, kind == BookingText.Moved ? TextKind.Moved : TextKind.Confirmation, cancellationToken)
            : null;

    /// <summary>After the commit: asks for the text to be sent now.</summary>
    public void Send(OutgoingText? text)
    {
        if (text is not null)
        {
            texts.Send(text);
        }
    }

    public static string Body(BookingText kind, string businessName, string businessPhone, string serviceName, DateTimeOffset localStart)
    {
        var when = localStart.ToString("dddd, MMMM d 'at' h:mm tt", English);
        var what = kind == BookingText.Moved ? "has been moved to" : "is booked for";
        return $"{businessName}: your {serviceName} {what} {when}. To change or cancel, call {businessPhone}.";
    }
}
