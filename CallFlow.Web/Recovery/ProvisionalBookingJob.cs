using System.Globalization;
using CallFlow.Domain.Booking;
using CallFlow.Domain.Calls;
using CallFlow.Domain.Conversation;
using CallFlow.Domain.Recovery;
using CallFlow.Web.Businesses;
using CallFlow.Web.Calendar;
using CallFlow.Web.Calls;
using CallFlow.Web.Conversation;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Recovery;

/// <summary>
/// A booking taken while the calendar could not be reached: first it becomes a Provisional appointment (owners see it,
/// and its time is kept from other callers), then each run commits it through the booking desk with the conversation's
/// own idempotency key. Booked: the desk texts the confirmation. Taken meanwhile: it is cancelled and the customer is
/// texted the nearest free times. Calendar still down: due again with the policy's back-off, and after the last attempt
/// the owner is asked to confirm it by hand.
/// </summary>
public sealed class ProvisionalBookingJob(IServiceScopeFactory scopes, OutgoingTexts texts, TimeProvider clock, ILogger<ProvisionalBookingJob> logger)
{
    internal async Task<FollowUpOutcome> RunAsync(
        CallFlowDb db, CallFollowUp row, Call call, Business business, FollowUp.TakeProvisionalBooking booking, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var service = business.Services.FirstOrDefault(s => s.Id == booking.ServiceId);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(business.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(booking.StartUtc, zone);
        var what = string.Create(CultureInfo.InvariantCulture, $"{service?.Name ?? booking.ServiceId} for {booking.CustomerName} ({booking.CustomerPhone}) on {local:ddd d MMM 'at' h:mm tt}");
        if (service is null)
        {
            texts.ForOwner(db, business.Id, $"{business.Name}: a booking taken while the calendar was down can no longer be made (the service is gone): {what}. Please call the customer.", call.Id);
            return new FollowUpOutcome.GiveUp("the service is no longer offered");
        }

        await using var scope = scopes.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<IBookingDesk>();
        var key = BookingKey(call, booking);
        string? provisionalId = null;
        BookingOutcome outcome;
        if (booking.RescheduleOf is { } moving)
        {
            outcome = await desk.RescheduleAsync(new RescheduleRequest(business.Id, moving, call.Id, booking.StartUtc), cancellationToken);
        }
        else
        {
            provisionalId = await EnsureProvisionalAsync(db, call, service, booking, key, now, cancellationToken);
            outcome = await desk.BookAsync(new BookingRequest(business.Id, call.Id, service.ToOffering(), booking.StartUtc,
                booking.CustomerName, booking.CustomerPhone, key), cancellationToken);
        }

        FollowUpOutcome result;
        switch (outcome)
        {
            case BookingOutcome.Booked booked:
                logger.LogInformation("Provisional booking of call {CallId} committed as {AppointmentId}", call.Id, booked.AppointmentId);
                result = new FollowUpOutcome.Done($"committed as appointment {booked.AppointmentId}, confirmation texted");
                break;

            case BookingOutcome.SlotTaken taken:
                await CancelAsync(desk, business.Id, provisionalId, "the time was taken before it could be confirmed", cancellationToken);
                texts.ForCustomer(db, business.Id, TextKind.Alternatives, booking.CustomerPhone,
                    OutgoingTexts.Alternatives(business.Name, business.PhoneNumber, service.Name, local, taken.Alternatives), call.Id);
                result = new FollowUpOutcome.Done($"the time was taken; {taken.Alternatives.Count} alternatives texted");
                break;

            case BookingOutcome.Rejected rejected:
                await CancelAsync(desk, business.Id, provisionalId, rejected.Reason, cancellationToken);
                texts.ForOwner(db, business.Id, $"{business.Name}: a booking taken while the calendar was down could not be made ({rejected.Reason}): {what}. Please call the customer.", call.Id);
                result = new FollowUpOutcome.GiveUp($"refused: {rejected.Reason}; the owner is told");
                break;

            default:
                var reason = outcome is BookingOutcome.CalendarUnavailable unavailable ? unavailable.Reason : outcome.ToString();
                if (RecoveryManager.NextCommitAt(business.Recovery, row.Attempts, now) is { } next)
                {
                    result = new FollowUpOutcome.Later(next, string.Create(CultureInfo.InvariantCulture,
                        $"attempt {row.Attempts} failed ({reason}), commit again at {next.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC"));
                    break;
                }

                texts.ForOwner(db, business.Id, $"{business.Name}: the calendar refused a booking {row.Attempts} times ({reason}): {what}. It is on the Appointments page as provisional; please confirm it by hand.", call.Id);
                result = new FollowUpOutcome.GiveUp($"{row.Attempts} attempts failed ({reason}); the owner is asked to confirm it by hand");
                break;
        }

        RecoveryAudit.Note(db, call.Id, call.State, CallTrigger.RecoveryDecided, $"recovery: {FailureType.CalendarUnavailable.ToWireName()} → {result.Note}", RecoveryAudit.Recovery, now);
        return result;
    }

    /// <summary>The key the conversation booked with, so a commit that did reach the calendar is found instead of repeated.</summary>
    internal static string BookingKey(Call call, FollowUp.TakeProvisionalBooking booking) =>
        string.Create(CultureInfo.InvariantCulture, $"{call.Id}:{booking.ServiceId}:{booking.StartUtc.UtcTicks}");

    /// <summary>The Provisional appointment for the booking (created on the first run), claiming no capacity yet.</summary>
    private static async Task<string> EnsureProvisionalAsync(
        CallFlowDb db, Call call, Service service, FollowUp.TakeProvisionalBooking booking, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.Appointments.AsNoTracking()
            .Where(a => a.BusinessId == call.BusinessId && a.IdempotencyKey == key).Select(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var appointment = new Appointment
        {
            BusinessId = call.BusinessId,
            ServiceId = service.Id,
            ServiceName = service.Name,
            CustomerName = booking.CustomerName.Length > BookingDesk.MaxNameLength ? booking.CustomerName[..BookingDesk.MaxNameLength] : booking.CustomerName,
            CustomerPhone = booking.CustomerPhone,
            StartUtc = booking.StartUtc,
            EndUtc = booking.StartUtc.AddMinutes(service.DurationMinutes),
            BufferBeforeMinutes = service.BufferBeforeMinutes,
            BufferAfterMinutes = service.BufferAfterMinutes,
            Status = AppointmentStatus.Provisional,
            CallId = call.CallSid,
            CreatedBy = Actor.Caller(booking.CustomerPhone).ToString(),
            IdempotencyKey = key,
            CreatedAt = now,
        };
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(cancellationToken);
        return appointment.Id;
    }

    private static async Task CancelAsync(IBookingDesk desk, string businessId, string? appointmentId, string reason, CancellationToken cancellationToken)
    {
        if (appointmentId is not null)
        {
            await desk.CancelAsync(businessId, appointmentId, reason, cancellationToken);
        }
    }
}
