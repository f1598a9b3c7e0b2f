using CallFlow.Domain.Calls;
using CallFlow.Web.Businesses;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Calls;

public enum CallDirection
{
    Inbound,
    Outbound,
}

/// <summary>One phone call: its state (the state machine's external storage), context and carrier bookkeeping.</summary>
public sealed class Call
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString("N");

    /// <summary>The carrier's id for the call (Twilio CallSid); webhooks name the call by it.</summary>
    public required string CallSid { get; set; }

    public required string BusinessId { get; set; }

    public Business? Business { get; set; }

    public CallDirection Direction { get; set; }

    public required string From { get; set; }

    public required string To { get; set; }

    /// <summary>
    /// Placed from the console's test-call page: a real call through the real webhooks, shown and audited like any
    /// other, but left out of the owners' metrics so a flow being tried does not count as callers lost or won.
    /// </summary>
    public bool IsTest { get; set; }

    public CallState State { get; set; } = CallState.Idle;

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>The last call status the carrier reported, with its sequence number, so late or repeated callbacks are recognised.</summary>
    public string? CarrierStatus { get; set; }

    public int? CarrierSequence { get; set; }

    public CallOutcome? Outcome { get; set; }

    /// <summary>The flow step being asked for (denormalised from the context for queries).</summary>
    public string? CurrentStepId { get; set; }

    /// <summary>
    /// The flow version the call runs (denormalised from the context for metrics): a stored version's id,
    /// 0 for the built-in default flow, null before the conversation started.
    /// </summary>
    public long? FlowVersionId { get; set; }

    public CallContext Context { get; set; } = new();

    /// <summary>Optimistic concurrency token, bumped on every save.</summary>
    public int Version { get; set; }

    public List<CallTransition> Transitions { get; set; } = [];

    public List<ConversationTurn> Turns { get; set; } = [];

    /// <summary>How long the call has lasted (so far, if it is still going).</summary>
    public TimeSpan Duration(DateTimeOffset now) => (EndedAt ?? now) - StartedAt;

    internal sealed class Configuration : IEntityTypeConfiguration<Call>
    {
        public void Configure(EntityTypeBuilder<Call> builder)
        {
            builder.Property(c => c.Id).HasMaxLength(32);
            builder.Property(c => c.CallSid).HasMaxLength(64);
            builder.HasIndex(c => c.CallSid).IsUnique();
            builder.Property(c => c.From).HasMaxLength(64);
            builder.Property(c => c.To).HasMaxLength(64);
            builder.Property(c => c.State).HasMaxLength(32);
            builder.Property(c => c.Context).HasJsonConversion();
            builder.Property(c => c.Version).IsConcurrencyToken();
            builder.HasOne(c => c.Business).WithMany().HasForeignKey(c => c.BusinessId);
            builder.HasIndex(c => new { c.BusinessId, c.StartedAt });
            builder.HasIndex(c => new { c.State, c.LastActivityAt });
            builder.HasIndex(c => new { c.BusinessId, c.From, c.StartedAt });
            builder.HasIndex(c => new { c.BusinessId, c.FlowVersionId, c.StartedAt });
            builder.HasMany(c => c.Transitions).WithOne().HasForeignKey(t => t.CallId).OnDelete(DeleteBehavior.Cascade);
            builder.HasMany(c => c.Turns).WithOne().HasForeignKey(t => t.CallId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
