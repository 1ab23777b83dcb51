using HepBuilder.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HepBuilder.Data.Configurations;

public sealed class ProgramConfiguration : IEntityTypeConfiguration<Program>
{
    public void Configure(EntityTypeBuilder<Program> b)
    {
        b.ToTable("programs");
        b.Property(p => p.Title).HasMaxLength(120).IsRequired();
        b.Property(p => p.CreatedById).HasMaxLength(450);
        b.Property(p => p.Version).IsRowVersion();
        b.HasOne(p => p.Patient).WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Versions).WithOne(v => v.Program).HasForeignKey(v => v.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ClinicId, p.PatientId });
        b.HasIndex(p => new { p.ClinicId, p.ModifiedAt });
    }
}

public sealed class ProgramVersionConfiguration : IEntityTypeConfiguration<ProgramVersion>
{
    public void Configure(EntityTypeBuilder<ProgramVersion> b)
    {
        b.Property(v => v.Title).HasMaxLength(120).IsRequired();
        b.Property(v => v.Instructions).HasMaxLength(2000);
        b.Property(v => v.State).HasConversion<string>().HasMaxLength(12);
        b.Property(v => v.PaperSize).HasConversion<string>().HasMaxLength(10);
        b.Property(v => v.IssuedById).HasMaxLength(450);
        b.Property(v => v.SavedById).HasMaxLength(450);
        b.Property(v => v.IssuedByName).HasMaxLength(170);
        b.Property(v => v.HandoutSha256).HasMaxLength(64);
        b.Property(v => v.Version).IsRowVersion();
        b.HasMany(v => v.Items).WithOne().HasForeignKey(i => i.VersionId).OnDelete(DeleteBehavior.Cascade);

        // Numbers are unique per program, and the database itself allows at most one draft per program.
        b.HasIndex(v => new { v.ProgramId, v.Number }).IsUnique().HasFilter("number IS NOT NULL");
        b.HasIndex(v => v.ProgramId).IsUnique().HasFilter("state = 'Draft'").HasDatabaseName("ix_program_versions_one_draft");
        b.HasIndex(v => new { v.ClinicId, v.IssuedAt });
        // Both indexes above on program_id are partial; every "versions of this program" query (program page, patient
        // page, program list) needs a full one: without it, measured on 500,000 versions, PostgreSQL walked all of the
        // clinic's versions for each program (program page 6 ms, program list over 30 s).
        b.HasIndex(v => v.ProgramId, "ix_program_versions_program_id");
    }
}

public sealed class ProgramItemConfiguration : IEntityTypeConfiguration<ProgramItem>
{
    public void Configure(EntityTypeBuilder<ProgramItem> b)
    {
        b.ComplexProperty(i => i.Dose, DoseMapping.Configure);
        b.OwnsMany(i => i.Overrides, o =>
        {
            o.ToJson();
            o.Property(x => x.Conflict).HasMaxLength(120);
            o.Property(x => x.Reason).HasMaxLength(500);
        });
        b.Property(i => i.FrozenName).HasMaxLength(Exercise.MaxNameLength);
        b.Property(i => i.FrozenPicturesJson).HasColumnType("jsonb");
        // Read from the frozen columns, never stored twice.
        b.Ignore(i => i.FrozenPictures);
        b.Ignore(i => i.PatientSteps);
        b.Ignore(i => i.PatientCues);
        b.Ignore(i => i.PatientStopLines);
        // An exercise used by any prescription cannot be deleted, only archived.
        b.HasOne(i => i.Exercise).WithMany().HasForeignKey(i => i.ExerciseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.VersionId, i.Position });
        b.HasIndex(i => i.ExerciseId);
    }
}
