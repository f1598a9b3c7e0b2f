using CallFlow.Domain.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Calls;

/// <summary>
/// The audit trail: one row per transition (or refused trigger), written in the same transaction as the
/// state change it records.
/// </summary>
public sealed class CallTransition
{
    public long Id { get; set; }

    public required string CallId { get; set; }

    public CallState From { get; set; }

    public CallState To { get; set; }

    public CallTrigger Trigger { get; set; }

    /// <summary>False when the trigger was refused in that state: recorded, but nothing changed.</summary>
    public bool Accepted { get; set; } = true;

    public DateTimeOffset At { get; set; }

    public ActorKind ActorKind { get; set; }

    /// <summary>Who or what caused it: "twilio", the caller's number, a staff user's name, a job's name.</summary>
    public string ActorName { get; set; } = "";

    public string? Detail { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<CallTransition>
    {
        public void Configure(EntityTypeBuilder<CallTransition> builder)
        {
            builder.Property(t => t.From).HasMaxLength(32);
            builder.Property(t => t.To).HasMaxLength(32);
            builder.Property(t => t.Trigger).HasMaxLength(32);
            builder.Property(t => t.ActorKind).HasMaxLength(16);
            builder.Property(t => t.ActorName).HasMaxLength(200);
            builder.Property(t => t.Detail).HasMaxLength(1000);
            builder.HasIndex(t => new { t.CallId, t.Id });
        }
    }
}
