using CallFlow.Domain.Businesses;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Businesses;

/// <summary>Something a caller can book (a haircut), with how long it takes and what it costs.</summary>
public sealed class Service
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString("N");

    public required string BusinessId { get; set; }

    public required string Name { get; set; }

    /// <summary>Other words callers use for it ("a trim" for a haircut).</summary>
    public List<string> Synonyms { get; set; } = [];

    public int DurationMinutes { get; set; }

    public int BufferBeforeMinutes { get; set; }

    public int BufferAfterMinutes { get; set; }

    public decimal Price { get; set; }

    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }

    public ServiceOffering ToOffering() =>
        new(Id, Name, [.. Synonyms], DurationMinutes, BufferBeforeMinutes, BufferAfterMinutes, Price);

    internal sealed class Configuration : IEntityTypeConfiguration<Service>
    {
        public void Configure(EntityTypeBuilder<Service> builder)
        {
            builder.Property(s => s.Id).HasMaxLength(64);
            builder.Property(s => s.Name).HasMaxLength(100);
            builder.Property(s => s.Synonyms).HasJsonConversion();
            builder.HasIndex(s => new { s.BusinessId, s.Name }).IsUnique();
            builder.ToTable(table =>
            {
                table.HasTrigger(RevisionTriggers.OnServiceInsert);
                table.HasTrigger(RevisionTriggers.OnServiceUpdate);
                table.HasTrigger(RevisionTriggers.OnServiceDelete);
            });
        }
    }
}
