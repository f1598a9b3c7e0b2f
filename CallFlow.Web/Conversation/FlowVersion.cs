using CallFlow.Domain.Flows;
using CallFlow.Web.Businesses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Conversation;

public enum FlowStatus
{
    /// <summary>Being edited; never run.</summary>
    Draft,

    /// <summary>What new calls run; one per business and flow type.</summary>
    Published,

    /// <summary>Was published once; calls that started on it still run it.</summary>
    Archived,
}

/// <summary>
/// One version of a business's flow, as the owner saved it. Versions are numbered per business and flow type; a
/// published version's definition never changes again, so a call can keep running the version it started with.
/// </summary>
public sealed class FlowVersion
{
    public long Id { get; set; }

    public required string BusinessId { get; set; }

    public string FlowType { get; set; } = FlowTypes.Booking;

    /// <summary>1, 2, 3… per business and flow type.</summary>
    public int Number { get; set; }

    public FlowStatus Status { get; set; }

    /// <summary>The <see cref="FlowDefinition"/> as <see cref="FlowJson"/>.</summary>
    public string Definition { get; set; } = "";

    /// <summary>What the owner said about it, or "Rolled back to version 2".</summary>
    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    /// <summary>Version 1 of a new business: the default booking flow for its services, published.</summary>
    public static FlowVersion Initial(Business business, DateTimeOffset now, string by = "seed") => new()
    {
        BusinessId = business.Id,
        FlowType = FlowTypes.Booking,
        Number = 1,
        Status = FlowStatus.Published,
        Definition = FlowJson.Serialize(DefaultFlows.Booking(business.ToProfile())),
        Note = "The default booking flow",
        CreatedAt = now,
        CreatedBy = by,
        PublishedAt = now,
        PublishedBy = by,
    };

    internal sealed class Configuration : IEntityTypeConfiguration<FlowVersion>
    {
        public void Configure(EntityTypeBuilder<FlowVersion> builder)
        {
            builder.Property(v => v.BusinessId).HasMaxLength(64);
            builder.Property(v => v.FlowType).HasMaxLength(32);
            builder.Property(v => v.Status).HasMaxLength(16);
            builder.Property(v => v.Note).HasMaxLength(500);
            builder.Property(v => v.CreatedBy).HasMaxLength(200);
            builder.Property(v => v.PublishedBy).HasMaxLength(200);
            builder.HasOne<Business>().WithMany().HasForeignKey(v => v.BusinessId).OnDelete(DeleteBehavior.Cascade);
            builder.HasIndex(v => new { v.BusinessId, v.FlowType, v.Number }).IsUnique();

            // The database keeps "one published version per business and flow type" even if two owners publish at once.
            builder.HasIndex(v => new { v.BusinessId, v.FlowType }).IsUnique().HasFilter("\"Status\" = 'Published'").HasDatabaseName("IX_FlowVersions_OnePublished");
        }
    }
}
