using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallFlow.Web.Identity;

/// <summary>A person who signs in to the console. The user name is the email address.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>How the console and the audit trail name the person ("Maya Lopez").</summary>
    public string DisplayName { get; set; } = "";

    public List<BusinessMembership> Memberships { get; set; } = [];

    internal sealed class Configuration : IEntityTypeConfiguration<StaffUser>
    {
        public void Configure(EntityTypeBuilder<StaffUser> builder)
        {
            builder.Property(u => u.DisplayName).HasMaxLength(100);
            builder.HasMany(u => u.Memberships).WithOne().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
