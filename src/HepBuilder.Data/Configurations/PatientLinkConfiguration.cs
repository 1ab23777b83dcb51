using HepBuilder.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HepBuilder.Data.Configurations;

public sealed class PatientLinkConfiguration : IEntityTypeConfiguration<PatientLink>
{
    public void Configure(EntityTypeBuilder<PatientLink> b)
    {
        b.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
        b.Property(l => l.ProtectedToken).HasMaxLength(1000).IsRequired();
        b.Property(l => l.RevokedById).HasMaxLength(450);
        b.Property(l => l.Version).IsRowVersion();
        b.HasOne(l => l.Program).WithMany().HasForeignKey(l => l.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Patient>().WithMany().HasForeignKey(l => l.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Clinic>().WithMany().HasForeignKey(l => l.ClinicId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => l.TokenHash).IsUnique();
        // At most one live (not revoked) link per program, enforced by the database.
        b.HasIndex(l => l.ProgramId).IsUnique().HasFilter("revoked_at IS NULL").HasDatabaseName("ix_patient_links_one_active");
    }
}

public sealed class PatientLogEntryConfiguration : IEntityTypeConfiguration<PatientLogEntry>
{
    public void Configure(EntityTypeBuilder<PatientLogEntry> b)
    {
        b.Property(e => e.Comment).HasMaxLength(PatientLogEntry.MaxCommentLength);
        b.Property(e => e.Version).IsRowVersion();
        b.ToTable(t => t.HasCheckConstraint("ck_patient_log_entries_pain", "pain IS NULL OR pain BETWEEN 0 AND 10"));
        b.HasOne<Program>().WithMany().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProgramVersion>().WithMany().HasForeignKey(e => e.VersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PatientLink>().WithMany().HasForeignKey(e => e.LinkId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ProgramId, e.Day }).IsUnique();
        b.HasIndex(e => new { e.ClinicId, e.PatientId, e.Day });
    }
}
