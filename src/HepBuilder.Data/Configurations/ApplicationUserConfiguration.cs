using HepBuilder.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HepBuilder.Data.Configurations;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(120).IsRequired();
        b.Property(u => u.Credentials).HasMaxLength(40);
        b.HasOne(u => u.Clinic).WithMany().HasForeignKey(u => u.ClinicId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.ClinicId);
    }
}
