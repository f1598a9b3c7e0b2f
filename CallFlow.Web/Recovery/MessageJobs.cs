using CallFlow.Web.Calendar;
using CallFlow.Web.Data;
using CallFlow.Web.Telephony;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Recovery;

/// <summary>
/// Sends one queued text (<see cref="OutgoingText"/>) through the carrier: a confirmation, a reminder, alternatives,
/// a message for the owner. Claims the row first, so two runs send it once; a carrier failure is tried again later,
/// up to <see cref="OutgoingText.MaxAttempts"/> times. Appointment texts are worded from the appointment as it is now,
/// and dropped when it was cancelled (or, for a reminder, moved) meanwhile.
/// </summary>
public sealed class MessageJobs(IDbContextFactory<CallFlowDb> dbFactory, ICarrierClient carrier, TimeProvider clock, ILogger<MessageJobs> logger)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Send text #{0}")]
    public async Task SendAsync(long textId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.OutgoingTexts.Where(t => t.Id == textId && t.Status == TextStatus.Pending && t.DueAt <= now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.Status, TextStatus.Sending)
                .SetProperty(t => t.ClaimedAt, now)
                .SetProperty(t => t.Attempts, t => t.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var text = await db.OutgoingTexts.SingleAsync(t => t.Id == textId, cancellationToken);
        var business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == text.BusinessId, cancellationToken);
        var (to, body, why) = business is null ? (null, null, "the business no longer exists") : await WordAsync(db, text, business, now, cancellationToken);
        if (to is null || body is null)
        {
            Finish(text, text.Kind == TextKind.Owner ? TextStatus.Failed : TextStatus.Cancelled, why);
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        // A text about a test call from the console stays on the simulated carrier, whatever the carrier mode.
        var test = text.CallId is { } callId && await db.Calls.AnyAsync(c => (c.Id == callId || c.CallSid == callId) && c.IsTest, cancellationToken);
        try
        {
            var sent = await carrier.SendMessageAsync(new OutboundMessage(to, business!.PhoneNumber, body, business.Id, test), cancellationToken);
            text.To = to;
            text.Body ??= body;
            text.CarrierSid = sent.MessageSid;
            text.SentAt = clock.GetUtcNow();
            Finish(text, TextStatus.Sent, null);
            if (text.Kind == TextKind.Confirmation && text.AppointmentId is { } appointmentId)
            {
                await db.Appointments.Where(a => a.Id == appointmentId)
                    .ExecuteUpdateAsync(set => set.SetProperty(a => a.ConfirmationSid, sent.MessageSid), CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the text goes back in the queue as it was.
            text.Status = TextStatus.Pending;
            text.Attempts--;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Text {TextId} ({Kind}) to {To} failed (attempt {Attempt})", text.Id, text.Kind, to, text.Attempts);
            if (text.Attempts >= OutgoingText.MaxAttempts)
            {
                Finish(text, TextStatus.Failed, $"the carrier refused it {text.Attempts} times: {e.Message}");
            }
            else
            {
                text.Status = TextStatus.Pending;
                text.DueAt = now + TimeSpan.FromMinutes(text.Attempts);
                text.Note = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static async Task<(string? To, string? Body, string? Why)> WordAsync(
        CallFlowDb db, OutgoingText text, Businesses.Business business, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (text.Kind == TextKind.Owner)
        {
            return business.OwnerNumber is { Length: > 0 } owner ? (owner, text.Body, null) : (null, null, "the business has no notification or transfer number");
        }

        if (text.AppointmentId is null || text.Body is not null)
        {
            return (text.To, text.Body, text.Body is null ? "nothing to say" : null);
        }

        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == text.AppointmentId, cancellationToken);
        if (appointment is null || appointment.Status != AppointmentStatus.Booked)
        {
            return (null, null, "the appointment was cancelled");
        }

        var local = TimeZoneInfo.ConvertTime(appointment.StartUtc, TimeZoneInfo.FindSystemTimeZoneById(business.TimeZoneId));
        return text.Kind switch
        {
            TextKind.Reminder when appointment.StartUtc != text.AppointmentStartUtc || appointment.StartUtc <= now => (null, null, "the appointment moved or has started"),
            TextKind.Reminder => (appointment.CustomerPhone, OutgoingTexts.Reminder(business.Name, business.PhoneNumber, appointment.ServiceName, local), null),
            TextKind.Moved => (appointment.CustomerPhone, BookingTexts.Body(BookingText.Moved, business.Name, business.PhoneNumber, appointment.ServiceName, local), null),
            _ => (appointment.CustomerPhone, BookingTexts.Body(BookingText.Confirmation, business.Name, business.PhoneNumber, appointment.ServiceName, local), null),
        };
    }

    private static void Finish(OutgoingText text, TextStatus status, string? note)
    {
        text.Status = status;
        text.Note = note;
    }
}
