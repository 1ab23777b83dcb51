using HepBuilder.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HepBuilder.Data.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(60).IsRequired();
        b.Property(a => a.EntityType).HasMaxLength(60).IsRequired();
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.Details).HasColumnType("jsonb");
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.HasOne<Clinic>().WithMany().HasForeignKey(a => a.ClinicId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.ClinicId, a.At });
        b.HasIndex(a => new { a.ClinicId, a.PatientId, a.At });
    }
}
