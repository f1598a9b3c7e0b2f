using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Calls;

public enum CallbackStatus
{
    /// <summary>Waiting for its time; the recovery jobs place it.</summary>
    Pending,

    /// <summary>The callback call was placed.</summary>
    Placed,

    Failed,

    Cancelled,
}

/// <summary>
/// A call back to a caller, asked for by staff from the console. Only the request is recorded here; placing the call
/// when it is due is the recovery jobs' work.
/// </summary>
public sealed class CallbackRequest
{
    public long Id { get; set; }

    /// <summary>The call it follows up.</summary>
    public required string CallId { get; set; }

    public required string BusinessId { get; set; }

    /// <summary>The number to dial (E.164), usually the caller's.</summary>
    public required string PhoneNumber { get; set; }

    /// <summary>When to call.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Who asked for it (a staff member's name).</summary>
    public required string RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public CallbackStatus Status { get; set; } = CallbackStatus.Pending;

    internal sealed class Configuration : IEntityTypeConfiguration<CallbackRequest>
    {
        public void Configure(EntityTypeBuilder<CallbackRequest> builder)
        {
            builder.Property(r => r.CallId).HasMaxLength(32);
            builder.Property(r => r.BusinessId).HasMaxLength(64);
            builder.Property(r => r.PhoneNumber).HasMaxLength(32);
            builder.Property(r => r.RequestedBy).HasMaxLength(200);
            builder.Property(r => r.Status).HasMaxLength(16);
            builder.HasOne<Call>().WithMany().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Cascade);
            builder.HasIndex(r => new { r.Status, r.DueAt });
            builder.HasIndex(r => r.CallId);
        }
    }
}
