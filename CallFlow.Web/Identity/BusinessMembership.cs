using CallFlow.Web.Businesses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Identity;

/// <summary>A staff member's access to one business, and their role there. No membership, no access.</summary>
public sealed class BusinessMembership
{
    public required string UserId { get; set; }

    public required string BusinessId { get; set; }

    public Business? Business { get; set; }

    public StaffRole Role { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<BusinessMembership>
    {
        public void Configure(EntityTypeBuilder<BusinessMembership> builder)
        {
            builder.ToTable("BusinessMemberships");
            builder.HasKey(m => new { m.UserId, m.BusinessId });
            builder.HasIndex(m => m.BusinessId);
            builder.Property(m => m.Role).HasMaxLength(16);
            builder.HasOne(m => m.Business).WithMany().HasForeignKey(m => m.BusinessId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
