using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Telephony;

public enum OutboxKind
{
    Call,
    Message,

    /// <summary>New instructions for a live call (the console's take over, hold, resume).</summary>
    Redirect,

    /// <summary>A live call hung up from the console.</summary>
    Hangup,
}

/// <summary>
/// A call placed or a text sent while the carrier is simulated: nothing leaves the machine, and the console shows
/// these rows instead.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public OutboxKind Kind { get; set; }

    /// <summary>The simulated carrier's id for it (CA… for calls, SM… for messages, RE… for requests on a live call).</summary>
    public required string CarrierSid { get; set; }

    /// <summary>The live call a redirect or hang-up was for.</summary>
    public string? CallSid { get; set; }

    public string? BusinessId { get; set; }

    public required string To { get; set; }

    public required string From { get; set; }

    /// <summary>The text of a message.</summary>
    public string? Body { get; set; }

    /// <summary>The TwiML URL of a call or a redirect.</summary>
    public string? Url { get; set; }

    /// <summary>The TwiML document of a redirect given inline.</summary>
    public string? Twiml { get; set; }

    /// <summary>queued, ringing, answered, completed, failed (calls); sent (messages, redirects, hang-ups).</summary>
    public string Status { get; set; } = "queued";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<OutboxMessage>
    {
        public void Configure(EntityTypeBuilder<OutboxMessage> builder)
        {
            builder.Property(m => m.Kind).HasMaxLength(16);
            builder.Property(m => m.CarrierSid).HasMaxLength(64);
            builder.HasIndex(m => m.CarrierSid).IsUnique();
            builder.Property(m => m.BusinessId).HasMaxLength(64);
            builder.Property(m => m.To).HasMaxLength(64);
            builder.Property(m => m.From).HasMaxLength(64);
            builder.Property(m => m.Body).HasMaxLength(1600);
            builder.Property(m => m.CallSid).HasMaxLength(64);
            builder.Property(m => m.Url).HasMaxLength(2000);
            builder.Property(m => m.Twiml).HasMaxLength(4000);
            builder.Property(m => m.Status).HasMaxLength(32);
            builder.HasIndex(m => new { m.BusinessId, m.CreatedAt });
        }
    }
}
