using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Recovery;

public enum TextKind
{
    /// <summary>A booking was made: the customer gets its day and time.</summary>
    Confirmation,

    /// <summary>A booking was moved.</summary>
    Moved,

    /// <summary>The day before the appointment.</summary>
    Reminder,

    /// <summary>A provisional booking could not be confirmed: the nearest free times instead.</summary>
    Alternatives,

    /// <summary>A message for the business's owner (a caller's message, callbacks that ran out, a booking to confirm by hand).</summary>
    Owner,
}

public enum TextStatus
{
    Pending,

    /// <summary>Claimed by the message job, which is handing it to the carrier.</summary>
    Sending,

    Sent,

    /// <summary>Not needed any more (the appointment was cancelled or moved before a reminder).</summary>
    Cancelled,

    /// <summary>The carrier refused it every time, or there is nobody to send it to.</summary>
    Failed,
}

/// <summary>
/// A text message to send, kept as a row with its due time so that a slow or failing carrier never delays a caller's
/// reply and a restart never loses one: the message job sends it when due, once (it claims the row first). Texts
/// about an appointment are worded when sent, from the appointment as it is then.
/// </summary>
public sealed class OutgoingText
{
    public const int MaxAttempts = 5;

    public long Id { get; set; }

    public required string BusinessId { get; set; }

    public TextKind Kind { get; set; }

    /// <summary>Who gets it (E.164); empty for an owner text, which goes to the business's notification number when sent.</summary>
    public string To { get; set; } = "";

    /// <summary>The words, when they are fixed at creation (owner texts, alternatives).</summary>
    public string? Body { get; set; }

    /// <summary>The appointment it is about; a reminder is dropped if it no longer starts at <see cref="AppointmentStartUtc"/>.</summary>
    public string? AppointmentId { get; set; }

    public DateTimeOffset? AppointmentStartUtc { get; set; }

    /// <summary>The call it follows up, if any (for the audit trail).</summary>
    public string? CallId { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public TextStatus Status { get; set; } = TextStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public string? CarrierSid { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<OutgoingText>
    {
        public void Configure(EntityTypeBuilder<OutgoingText> builder)
        {
            builder.ToTable("OutgoingTexts");
            builder.Property(t => t.BusinessId).HasMaxLength(64);
            builder.Property(t => t.Kind).HasMaxLength(16);
            builder.Property(t => t.To).HasMaxLength(32);
            builder.Property(t => t.Body).HasMaxLength(1600);
            builder.Property(t => t.AppointmentId).HasMaxLength(32);
            builder.Property(t => t.CallId).HasMaxLength(32);
            builder.Property(t => t.Status).HasMaxLength(16);
            builder.Property(t => t.CarrierSid).HasMaxLength(64);
            builder.Property(t => t.Note).HasMaxLength(1000);
            builder.HasIndex(t => new { t.Status, t.DueAt });
            builder.HasIndex(t => t.AppointmentId);
        }
    }
}
