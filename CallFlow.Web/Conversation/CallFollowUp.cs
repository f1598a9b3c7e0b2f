using CallFlow.Domain.Conversation;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Conversation;

public enum FollowUpStatus
{
    /// <summary>Saved with the turn and waiting for its time (<see cref="CallFollowUp.DueAt"/>); the recovery jobs act on it.</summary>
    Pending,

    /// <summary>Claimed by a recovery job that is acting on it right now.</summary>
    Working,

    /// <summary>Carried out (a callback placed, a message read, a provisional booking confirmed).</summary>
    Done,

    /// <summary>Given up on, with the reason in <see cref="CallFollowUp.Note"/>.</summary>
    Abandoned,
}

/// <summary>
/// A <see cref="FollowUp"/> a turn decided on (schedule a callback, deliver a message, take a booking provisionally),
/// saved in the same transaction as the turn so nothing promised to a caller is lost. The recovery jobs pick up
/// pending rows when due, claim them (so each is acted on once), deserialise <see cref="Payload"/> with
/// <see cref="Read"/>, act, and mark them done, or due again later (a provisional booking the calendar still refuses).
/// </summary>
public sealed class CallFollowUp
{
    public long Id { get; set; }

    public required string CallId { get; set; }

    public required string BusinessId { get; set; }

    /// <summary>schedule_callback, deliver_message or take_provisional_booking (<see cref="FollowUp.Kind"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>The follow-up as JSON, with its kind as the <c>kind</c> discriminator.</summary>
    public required string Payload { get; set; }

    public FollowUpStatus Status { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>When a job should act on it next (at once when saved; later after a failed attempt).</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>How many times a job has tried to act on it.</summary>
    public int Attempts { get; set; }

    /// <summary>When a job claimed it; a claim much older than that was lost with its process and is retried.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    public static CallFollowUp Of(string callId, string businessId, FollowUp followUp, DateTimeOffset now) => new()
    {
        CallId = callId,
        BusinessId = businessId,
        Kind = followUp.Kind,
        Payload = System.Text.Json.JsonSerializer.Serialize(followUp, JsonConversion.Options),
        CreatedAt = now,
        DueAt = now,
    };

    public FollowUp Read() =>
        System.Text.Json.JsonSerializer.Deserialize<FollowUp>(Payload, JsonConversion.Options) ?? throw new InvalidOperationException($"Follow-up {Id} has no payload.");

    internal sealed class Configuration : IEntityTypeConfiguration<CallFollowUp>
    {
        public void Configure(EntityTypeBuilder<CallFollowUp> builder)
        {
            builder.Property(f => f.CallId).HasMaxLength(32);
            builder.Property(f => f.BusinessId).HasMaxLength(64);
            builder.Property(f => f.Kind).HasMaxLength(32);
            builder.Property(f => f.Status).HasMaxLength(16);
            builder.Property(f => f.Note).HasMaxLength(1000);
            builder.HasOne<CallFlow.Web.Calls.Call>().WithMany().HasForeignKey(f => f.CallId).OnDelete(DeleteBehavior.Cascade);
            builder.HasIndex(f => new { f.Status, f.Kind, f.CreatedAt });
            builder.HasIndex(f => new { f.Status, f.DueAt });
            builder.HasIndex(f => f.CallId);
        }
    }
}
