using CallFlow.Domain.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Conversation;

/// <summary>
/// One <see cref="StepEvent"/> of a call's turn, saved with the turn: the raw material of the step funnel (how many
/// callers reached, completed, retried or dropped each step of each flow version, and why). Steps are named by the
/// flow's step ids; <see cref="FlowVersionId"/> is null for calls on the built-in default flow.
/// </summary>
public sealed class CallStepEvent
{
    public long Id { get; set; }

    public required string CallId { get; set; }

    public required string BusinessId { get; set; }

    public long? FlowVersionId { get; set; }

    /// <summary>The turn (<see cref="CallFlow.Web.Calls.ConversationTurn.Sequence"/>) it happened in; 0 for a hang-up between turns.</summary>
    public int TurnSequence { get; set; }

    public required string StepId { get; set; }

    public StepEventKind Kind { get; set; }

    public StepFailureReason? Reason { get; set; }

    public int Attempt { get; set; }

    /// <summary>A completion the caller gave before the step was asked.</summary>
    public bool Unprompted { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>For a completion or failure: how long since the step was last asked, in milliseconds (null when it never was).</summary>
    public double? DurationMs { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<CallStepEvent>
    {
        public void Configure(EntityTypeBuilder<CallStepEvent> builder)
        {
            builder.Property(e => e.CallId).HasMaxLength(32);
            builder.Property(e => e.BusinessId).HasMaxLength(64);
            builder.Property(e => e.StepId).HasMaxLength(64);
            builder.Property(e => e.Kind).HasMaxLength(16);
            builder.Property(e => e.Reason).HasMaxLength(32);
            builder.HasOne<CallFlow.Web.Calls.Call>().WithMany().HasForeignKey(e => e.CallId).OnDelete(DeleteBehavior.Cascade);
            builder.HasIndex(e => new { e.BusinessId, e.At });
            builder.HasIndex(e => new { e.CallId, e.Id });
        }
    }
}
