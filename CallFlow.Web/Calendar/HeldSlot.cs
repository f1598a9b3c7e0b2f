using CallFlow.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Calendar;

/// <summary>
/// A slot held for a caller who is still deciding (the Domain's <see cref="SlotHold"/> as a row). Holds are advisory:
/// they stop the slot being offered to other callers but claim nothing. A hold counts only while
/// <see cref="ExpiresAt"/> is ahead and its call has not ended; expired rows are left for a clean-up job.
/// </summary>
public sealed class HeldSlot
{
    public long Id { get; set; }

    public required string BusinessId { get; set; }

    /// <summary>The call that holds it (its CallSid).</summary>
    public required string CallId { get; set; }

    public required string ServiceId { get; set; }

    public DateTimeOffset StartUtc { get; set; }

    public DateTimeOffset EndUtc { get; set; }

    public int BufferBeforeMinutes { get; set; }

    public int BufferAfterMinutes { get; set; }

    public string? ResourceId { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public SlotHold ToHold() => new(CallId, StartUtc, EndUtc, ExpiresAt, BufferBeforeMinutes, BufferAfterMinutes, ResourceId);

    internal static HeldSlot From(string businessId, string serviceId, SlotHold hold, DateTimeOffset now) => new()
    {
        BusinessId = businessId,
        CallId = hold.CallId,
        ServiceId = serviceId,
        StartUtc = hold.Start,
        EndUtc = hold.End,
        BufferBeforeMinutes = hold.BufferBeforeMinutes,
        BufferAfterMinutes = hold.BufferAfterMinutes,
        ResourceId = hold.ResourceId,
        ExpiresAt = hold.ExpiresAt,
        CreatedAt = now,
    };

    internal sealed class Configuration : IEntityTypeConfiguration<HeldSlot>
    {
        public void Configure(EntityTypeBuilder<HeldSlot> builder)
        {
            builder.ToTable("SlotHolds", table =>
            {
                table.HasTrigger(CalendarRevision.OnHoldInsert);
                table.HasTrigger(CalendarRevision.OnHoldUpdate);
            });
            builder.Property(h => h.BusinessId).HasMaxLength(64);
            builder.Property(h => h.CallId).HasMaxLength(64);
            builder.Property(h => h.ServiceId).HasMaxLength(64);
            builder.Property(h => h.ResourceId).HasMaxLength(64);
            builder.HasIndex(h => new { h.BusinessId, h.ExpiresAt });
            builder.HasIndex(h => h.CallId);
        }
    }
}
