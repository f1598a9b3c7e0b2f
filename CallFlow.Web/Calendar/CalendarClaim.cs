using CallFlow.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Calendar;

/// <summary>
/// One seat an appointment occupies in one 5-minute unit of a pool (<see cref="CapacityClaims"/>). The unique index
/// on (BusinessId, Pool, Unit, Seat) is what makes over-booking impossible: of two commits that both saw the last
/// seat free, the database lets one insert it.
/// </summary>
public sealed class CalendarClaim
{
    public long Id { get; set; }

    public required string BusinessId { get; set; }

    public required string Pool { get; set; }

    public long Unit { get; set; }

    public int Seat { get; set; }

    public required string AppointmentId { get; set; }

    internal static CalendarClaim From(string businessId, string appointmentId, CapacityClaim claim) => new()
    {
        BusinessId = businessId,
        Pool = claim.Pool,
        Unit = claim.Unit,
        Seat = claim.Seat,
        AppointmentId = appointmentId,
    };

    internal sealed class Configuration : IEntityTypeConfiguration<CalendarClaim>
    {
        public const string UniqueSeat = "IX_CalendarClaims_Seat";

        public void Configure(EntityTypeBuilder<CalendarClaim> builder)
        {
            builder.Property(c => c.BusinessId).HasMaxLength(64);
            builder.Property(c => c.Pool).HasMaxLength(100);
            builder.Property(c => c.AppointmentId).HasMaxLength(32);
            builder.HasIndex(c => new { c.BusinessId, c.Pool, c.Unit, c.Seat }).IsUnique().HasDatabaseName(UniqueSeat);
            builder.HasIndex(c => c.AppointmentId);
            builder.HasOne<Appointment>().WithMany().HasForeignKey(c => c.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
