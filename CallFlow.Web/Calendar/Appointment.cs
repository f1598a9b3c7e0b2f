using CallFlow.Domain.Businesses;
using CallFlow.Domain.Calendar;
using CallFlow.Web.Businesses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Calendar;

public enum AppointmentStatus
{
    /// <summary>Committed against the calendar: it holds its capacity claims.</summary>
    Booked,

    /// <summary>Cancelled by the caller or staff: no claims, not in the feed, kept for the record.</summary>
    Cancelled,

    /// <summary>
    /// Taken while the calendar could not confirm it (recovery): no claims yet, but it keeps its time from being
    /// offered to others until it is committed (<see cref="BookingDesk.CommitProvisionalAsync"/>) or cancelled.
    /// </summary>
    Provisional,
}

/// <summary>
/// A customer's appointment. Service name, duration and buffers are copied when it is booked, so later edits to the
/// service neither move nor resize it. Capacity is enforced by its <see cref="CalendarClaim"/> rows, not by this row.
/// </summary>
public sealed class Appointment
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString("N");

    public required string BusinessId { get; set; }

    public Business? Business { get; set; }

    public required string ServiceId { get; set; }

    public required string ServiceName { get; set; }

    public required string CustomerName { get; set; }

    /// <summary>E.164; a caller finds their upcoming appointment by it.</summary>
    public required string CustomerPhone { get; set; }

    public DateTimeOffset StartUtc { get; set; }

    public DateTimeOffset EndUtc { get; set; }

    public int BufferBeforeMinutes { get; set; }

    public int BufferAfterMinutes { get; set; }

    /// <summary>The staff member or room it is booked with, when the business lists resources.</summary>
    public string? ResourceId { get; set; }

    public AppointmentStatus Status { get; set; } = AppointmentStatus.Booked;

    /// <summary>The phone call that booked it (its CallSid); null when staff booked it in the console.</summary>
    public string? CallId { get; set; }

    /// <summary>Who booked it, as the audit trail names actors ("caller:+12125550100", "staff:Sam Lee").</summary>
    public required string CreatedBy { get; set; }

    /// <summary>Makes a repeated confirmation return this appointment instead of booking again; unique per business.</summary>
    public string? IdempotencyKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RescheduledAt { get; set; }

    public string? RescheduledBy { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public string? CancelledBy { get; set; }

    public string? CancellationReason { get; set; }

    /// <summary>The carrier's id of the confirmation text, once one was sent.</summary>
    public string? ConfirmationSid { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every change; the feed's SEQUENCE.</summary>
    public int Version { get; set; }

    public bool IsActive => Status != AppointmentStatus.Cancelled;

    /// <summary>The service as it was booked (duration and buffers of this appointment).</summary>
    public ServiceOffering AsBooked() =>
        new(ServiceId, ServiceName, [], (int)(EndUtc - StartUtc).TotalMinutes, BufferBeforeMinutes, BufferAfterMinutes);

    public BookedAppointment ToBooked() => new(StartUtc, EndUtc, BufferBeforeMinutes, BufferAfterMinutes, ResourceId);

    internal sealed class Configuration : IEntityTypeConfiguration<Appointment>
    {
        public void Configure(EntityTypeBuilder<Appointment> builder)
        {
            builder.Property(a => a.Id).HasMaxLength(32);
            builder.Property(a => a.BusinessId).HasMaxLength(64);
            builder.Property(a => a.ServiceId).HasMaxLength(64);
            builder.Property(a => a.ServiceName).HasMaxLength(100);
            builder.Property(a => a.CustomerName).HasMaxLength(BookingDesk.MaxNameLength);
            builder.Property(a => a.CustomerPhone).HasMaxLength(32);
            builder.Property(a => a.ResourceId).HasMaxLength(64);
            builder.Property(a => a.Status).HasMaxLength(16);
            builder.Property(a => a.CallId).HasMaxLength(64);
            builder.Property(a => a.CreatedBy).HasMaxLength(200);
            builder.Property(a => a.IdempotencyKey).HasMaxLength(BookingDesk.MaxKeyLength);
            builder.Property(a => a.RescheduledBy).HasMaxLength(200);
            builder.Property(a => a.CancelledBy).HasMaxLength(200);
            builder.Property(a => a.CancellationReason).HasMaxLength(500);
            builder.Property(a => a.ConfirmationSid).HasMaxLength(64);
            builder.Property(a => a.Version).IsConcurrencyToken();
            builder.HasOne(a => a.Business).WithMany().HasForeignKey(a => a.BusinessId);
            builder.ToTable(table =>
            {
                table.HasTrigger(CalendarRevision.OnAppointmentInsert);
                table.HasTrigger(CalendarRevision.OnAppointmentUpdate);
            });

            // NULL keys (staff bookings without one) never collide: SQL treats NULLs as distinct.
            builder.HasIndex(a => new { a.BusinessId, a.IdempotencyKey }).IsUnique();
            builder.HasIndex(a => new { a.BusinessId, a.StartUtc });
            builder.HasIndex(a => new { a.BusinessId, a.CustomerPhone, a.StartUtc });
        }
    }
}
