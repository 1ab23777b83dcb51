using HepBuilder.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HepBuilder.Data.Configurations;

public sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> b)
    {
        b.Property(p => p.FirstName).HasMaxLength(80).IsRequired();
        b.Property(p => p.LastName).HasMaxLength(80).IsRequired();
        b.Property(p => p.Mrn).HasMaxLength(40);
        b.Property(p => p.Diagnosis).HasMaxLength(200);
        b.Property(p => p.Notes).HasMaxLength(2000);
        b.Property(p => p.Version).IsRowVersion();
        b.HasOne<Clinic>().WithMany().HasForeignKey(p => p.ClinicId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Precautions).WithOne().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Cascade);

        b.HasIndex(p => new { p.ClinicId, p.Mrn }).IsUnique().HasFilter("mrn IS NOT NULL");
        b.HasIndex(p => new { p.ClinicId, p.IsArchived, p.LastName, p.FirstName });
        b.HasIndex(p => new { p.ClinicId, p.DateOfBirth });
        // Name search tolerates typos and partial names through trigrams over "first last".
        b.Property<string>("SearchName").HasMaxLength(161)
            .HasComputedColumnSql("lower(first_name || ' ' || last_name)", stored: true);
        b.HasIndex("SearchName").HasMethod("GIN").HasOperators("gin_trgm_ops");
    }
}

public sealed class PatientPrecautionConfiguration : IEntityTypeConfiguration<PatientPrecaution>
{
    public void Configure(EntityTypeBuilder<PatientPrecaution> b)
    {
        b.ToTable("patient_precautions");
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Text).HasMaxLength(200);
    }
}
