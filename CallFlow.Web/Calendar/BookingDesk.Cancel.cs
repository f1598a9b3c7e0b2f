using CallFlow.Web.Calls;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Calendar;

/// <summary>Cancelling: the appointment is kept for the record, its claims go in the same transaction.</summary>
public sealed partial class BookingDesk
{
    public async Task<bool> CancelAsync(string businessId, string appointmentId, string reason, CancellationToken cancellationToken) =>
        await CancelAsync(businessId, appointmentId, reason, actor: null, cancellationToken) == CancelResult.Cancelled;

    /// <summary>Cancels for <paramref name="actor"/> (null: the customer on the phone), recorded as CancelledBy.</summary>
    public async Task<CancelResult> CancelAsync(string businessId, string appointmentId, string reason, Actor? actor, CancellationToken cancellationToken) =>
        await GuardAsync(nameof(CancelAsync), businessId, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.BusinessId == businessId && a.Id == appointmentId, cancellationToken);
            if (appointment is null)
            {
                return CancelResult.NotFound;
            }

            if (appointment.Status == AppointmentStatus.Cancelled)
            {
                return CancelResult.AlreadyCancelled;
            }

            appointment.Status = AppointmentStatus.Cancelled;
            appointment.CancelledAt = Now;
            appointment.CancelledBy = (actor ?? Actor.Caller(appointment.CustomerPhone)).ToString();
            appointment.CancellationReason = Clip(reason, 500);
            appointment.Version++;
            await db.CalendarClaims.Where(c => c.AppointmentId == appointment.Id).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Appointment {AppointmentId} of {BusinessId} cancelled by {Actor}", appointment.Id, businessId, appointment.CancelledBy);
            return CancelResult.Cancelled;
        }, _ => CancelResult.CalendarUnavailable, cancellationToken);

    private static string Clip(string text, int length)
    {
        var trimmed = text.Trim();
        return trimmed.Length > length ? trimmed[..length] : trimmed;
    }
}

public enum CancelResult
{
    Cancelled,
    NotFound,
    AlreadyCancelled,
    CalendarUnavailable,
}
