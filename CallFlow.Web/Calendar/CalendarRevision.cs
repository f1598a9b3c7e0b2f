using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Calendar;

/// <summary>
/// A counter per business that database triggers bump whenever a write may take time from its calendar: an
/// appointment inserted or updated (booked, moved, confirmed, cancelled) and a hold inserted or updated. A deleted row
/// only frees time, so deletes leave it alone (as does a call ending, which frees its holds): a reader still counting
/// such a row refuses more than it must, never less. So a calendar read at revision N and found unchanged under the
/// write lock has lost no free time since, and a hold or a booking can be decided on rows read outside the write lock
/// and written under it after one indexed lookup (<see cref="CalendarSnapshot.UnchangedAsync"/>) instead of reading the
/// days again while every other writer waits. A separate table, not a column of <c>Businesses</c>, so a booking does not
/// invalidate the cached business. Another provider needs the same triggers in its own dialect.
/// </summary>
public sealed class CalendarRevision
{
    public const string OnAppointmentInsert = "Appointments_CalendarRevision_Insert";
    public const string OnAppointmentUpdate = "Appointments_CalendarRevision_Update";
    public const string OnHoldInsert = "SlotHolds_CalendarRevision_Insert";
    public const string OnHoldUpdate = "SlotHolds_CalendarRevision_Update";

    public required string BusinessId { get; set; }

    public long Revision { get; set; }

    private static readonly CompiledQuery<string, long> RevisionOf = new((db, businessId, _) =>
        db.CalendarRevisions.Where(r => r.BusinessId == businessId).Select(r => r.Revision).FirstOrDefault());

    /// <summary>The business's calendar revision now (0 before its first appointment or hold).</summary>
    public static Task<long> ReadAsync(CallFlowDb db, string businessId, CancellationToken cancellationToken) =>
        RevisionOf.RunAsync(db, businessId, cancellationToken);

    internal sealed class Configuration : IEntityTypeConfiguration<CalendarRevision>
    {
        public void Configure(EntityTypeBuilder<CalendarRevision> builder)
        {
            builder.HasKey(r => r.BusinessId);
            builder.Property(r => r.BusinessId).HasMaxLength(64);
        }
    }
}
