using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Calls;

public enum CallbackStatus
{
    /// <summary>Waiting for its time (again, after an attempt nobody answered); the callback job places it when due.</summary>
    Pending,

    /// <summary>Claimed by the callback job, which is placing the call right now.</summary>
    Dialing,

    /// <summary>The callback call was placed and is ringing.</summary>
    Placed,

    /// <summary>The callee picked up: the callback is done.</summary>
    Answered,

    /// <summary>Every attempt went unanswered (or could not be placed); the owner was told.</summary>
    Failed,

    /// <summary>Not needed any more (the caller called back first) or withdrawn.</summary>
    Cancelled,
}

/// <summary>
/// A call back to a caller: asked for by staff from the console, or scheduled by recovery after a lost call or a
/// promise made on the phone. The row is the source of truth: the callback job places it when due (claiming it
/// first, so it is placed once), counts the attempts and reschedules unanswered ones.
/// </summary>
public sealed class CallbackRequest
{
    public const string ByRecovery = "recovery";

    public long Id { get; set; }

    /// <summary>The call it follows up.</summary>
    public required string CallId { get; set; }

    public required string BusinessId { get; set; }

    /// <summary>The number to dial (E.164), usually the caller's.</summary>
    public required string PhoneNumber { get; set; }

    /// <summary>When to call (the next attempt's time after an unanswered one).</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Who asked for it (a staff member's name, or <see cref="ByRecovery"/>).</summary>
    public required string RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public CallbackStatus Status { get; set; } = CallbackStatus.Pending;

    /// <summary>Why the caller is called back (connection_lost, "the caller asked to be called back", ...).</summary>
    public string? Reason { get; set; }

    /// <summary>Calls placed so far.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>The outbound call of the latest attempt (<see cref="Call.Id"/>).</summary>
    public string? OutboundCallId { get; set; }

    /// <summary>What happened last (why an attempt failed, who cancelled it).</summary>
    public string? Note { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public bool IsOpen => Status is CallbackStatus.Pending or CallbackStatus.Dialing or CallbackStatus.Placed;

    internal sealed class Configuration : IEntityTypeConfiguration<CallbackRequest>
    {
        public void Configure(EntityTypeBuilder<CallbackRequest> builder)
        {
            builder.Property(r => r.CallId).HasMaxLength(32);
            builder.Property(r => r.BusinessId).HasMaxLength(64);
            builder.Property(r => r.PhoneNumber).HasMaxLength(32);
            builder.Property(r => r.RequestedBy).HasMaxLength(200);
            builder.Property(r => r.Status).HasMaxLength(16);
            builder.Property(r => r.Reason).HasMaxLength(500);
            builder.Property(r => r.OutboundCallId).HasMaxLength(32);
            builder.Property(r => r.Note).HasMaxLength(1000);
            builder.HasOne<Call>().WithMany().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Cascade);
            builder.HasIndex(r => new { r.Status, r.DueAt });
            builder.HasIndex(r => r.CallId);
            builder.HasIndex(r => r.OutboundCallId);
        }
    }
}
