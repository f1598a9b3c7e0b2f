using CallFlow.Domain.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Calls;

/// <summary>One exchange of the transcript: what the caller said (if anything) and what the assistant replied.</summary>
public sealed class ConversationTurn
{
    public long Id { get; set; }

    public required string CallId { get; set; }

    public int Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public string? CallerText { get; set; }

    public string? Digits { get; set; }

    public double? Confidence { get; set; }

    public Intent? Intent { get; set; }

    /// <summary>The interpreter's reading of the utterance (entities found), as JSON.</summary>
    public string? Interpretation { get; set; }

    public string? StepId { get; set; }

    public string Reply { get; set; } = "";

    /// <summary>Server-side time spent producing the reply.</summary>
    public double ProcessingMs { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ConversationTurn>
    {
        public void Configure(EntityTypeBuilder<ConversationTurn> builder)
        {
            builder.Property(t => t.CallerText).HasMaxLength(2000);
            builder.Property(t => t.Digits).HasMaxLength(64);
            builder.Property(t => t.Intent).HasMaxLength(32);
            builder.Property(t => t.StepId).HasMaxLength(64);
            builder.Property(t => t.Reply).HasMaxLength(4000);
            builder.HasIndex(t => new { t.CallId, t.Sequence });
        }
    }
}
