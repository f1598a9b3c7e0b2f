using System.Globalization;
using CallFlow.Domain.Calendar;
using CallFlow.Web.Calendar;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallFlow.Web.Recovery;

/// <summary>
/// Queues text messages as <see cref="OutgoingText"/> rows for <see cref="MessageJobs"/> to send, and words them.
/// A text is added to the unit of work of what it reports (a booking, a call), so both are saved together, and the
/// booking (and the caller waiting on it) never waits for the carrier.
/// </summary>
public sealed class OutgoingTexts(TimeProvider clock, IOptions<CalendarOptions> calendar, JobQueue? queue = null)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>
    /// Adds the texts of a committed or moved appointment to <paramref name="db"/>'s open unit of work, so they are saved
    /// in the booking's own transaction: the confirmation (or the new time) now, and a reminder <c>Calendar:ReminderLead</c>
    /// before it starts (a pending reminder for a moved appointment's old time is dropped). Returns the text to send now;
    /// once saved, <see cref="Send"/> asks for it.
    /// </summary>
    public async Task<OutgoingText> AddForAppointmentAsync(CallFlowDb db, Appointment appointment, TextKind kind, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (kind == TextKind.Moved)
        {
            await db.OutgoingTexts.Where(t => t.AppointmentId == appointment.Id && t.Kind == TextKind.Reminder && t.Status == TextStatus.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Status, TextStatus.Cancelled).SetProperty(t => t.Note, "the appointment changed"), cancellationToken);
        }

        var text = Add(db, appointment.BusinessId, kind, appointment.CustomerPhone, null, now);
        text.AppointmentId = appointment.Id;
        text.AppointmentStartUtc = appointment.StartUtc;
        text.CallId = appointment.CallId;

        var lead = calendar.Value.ReminderLead;
        if (lead > TimeSpan.Zero && appointment.StartUtc - lead > now)
        {
            var reminder = Add(db, appointment.BusinessId, TextKind.Reminder, appointment.CustomerPhone, null, appointment.StartUtc - lead);
            reminder.AppointmentId = appointment.Id;
            reminder.AppointmentStartUtc = appointment.StartUtc;
            reminder.CallId = appointment.CallId;
        }

        return text;
    }

    /// <summary>Asks the message job to send a text already saved (the dispatcher finds it anyway if the queue is down).</summary>
    public void Send(OutgoingText text) => queue?.Text(text.Id);

    /// <summary>A text for the business's owner, added to <paramref name="db"/>'s unit of work (sent to the notification number once saved).</summary>
    public OutgoingText ForOwner(CallFlowDb db, string businessId, string body, string? callId = null)
    {
        var text = Add(db, businessId, TextKind.Owner, "", Clip(body), clock.GetUtcNow());
        text.CallId = callId;
        return text;
    }

    /// <summary>A text for a customer with fixed words, added to <paramref name="db"/>'s unit of work.</summary>
    public OutgoingText ForCustomer(CallFlowDb db, string businessId, TextKind kind, string to, string body, string? callId = null)
    {
        var text = Add(db, businessId, kind, to, Clip(body), clock.GetUtcNow());
        text.CallId = callId;
        return text;
    }

    /// <summary>Asks for the texts just saved to be sent now rather than at the dispatcher's next look.</summary>
    public void SendSoon() => queue?.DispatchNow();

    public static string Reminder(string businessName, string businessPhone, string serviceName, DateTimeOffset localStart) =>
        $"{businessName}: a reminder of your {serviceName} on {localStart.ToString("dddd, MMMM d 'at' h:mm tt", English)}. To change or cancel, call {businessPhone}.";

    /// <summary>"Sorry, 3:00 PM on Friday, March 6 was taken before we could confirm it. We can do ... Call ... to book one."</summary>
    public static string Alternatives(string businessName, string businessPhone, string serviceName, DateTimeOffset localStart, IReadOnlyList<AvailableSlot> alternatives)
    {
        var asked = localStart.ToString("dddd, MMMM d 'at' h:mm tt", English);
        var offers = alternatives.Take(3).Select(s => s.LocalStart.ToString("ddd MMM d h:mm tt", English)).ToList();
        var instead = offers.Count == 0 ? "" : $" We can do {string.Join(", ", offers)}.";
        return $"{businessName}: sorry, your {serviceName} on {asked} was taken before we could confirm it.{instead} Call {businessPhone} to book a time.";
    }

    private OutgoingText Add(CallFlowDb db, string businessId, TextKind kind, string to, string? body, DateTimeOffset dueAt)
    {
        var text = new OutgoingText { BusinessId = businessId, Kind = kind, To = to, Body = body, DueAt = dueAt, CreatedAt = clock.GetUtcNow() };
        db.OutgoingTexts.Add(text);
        return text;
    }

    private static string Clip(string body) => body.Length > 1600 ? body[..1597] + "..." : body;
}
