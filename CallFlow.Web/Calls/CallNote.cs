using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Calls;

/// <summary>A remark a staff member left on a call ("asked for Maria next time"), shown on the call's page.</summary>
public sealed class CallNote
{
    public const int MaxLength = 1000;

    public long Id { get; set; }

    public required string CallId { get; set; }

    /// <summary>The staff member's name as the audit trail shows it.</summary>
    public required string Author { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset At { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<CallNote>
    {
        public void Configure(EntityTypeBuilder<CallNote> builder)
        {
            builder.Property(n => n.CallId).HasMaxLength(32);
            builder.Property(n => n.Author).HasMaxLength(200);
            builder.Property(n => n.Text).HasMaxLength(MaxLength);
            builder.HasOne<Call>().WithMany().HasForeignKey(n => n.CallId).OnDelete(DeleteBehavior.Cascade);
            builder.HasIndex(n => new { n.CallId, n.Id });
        }
    }
}
