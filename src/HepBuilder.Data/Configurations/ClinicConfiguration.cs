using HepBuilder.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HepBuilder.Data.Configurations;

public sealed class ClinicConfiguration : IEntityTypeConfiguration<Clinic>
{
    public void Configure(EntityTypeBuilder<Clinic> b)
    {
        b.Property(c => c.Name).HasMaxLength(120).IsRequired();
        b.HasIndex(c => c.Name).IsUnique();
        b.Property(c => c.Phone).HasMaxLength(40);
        b.Property(c => c.Address).HasMaxLength(300);
        b.Property(c => c.LogoContentType).HasMaxLength(40);
        b.Property(c => c.HandoutFooter).HasMaxLength(300);
        b.Property(c => c.SafetyText).HasMaxLength(600).IsRequired();
        b.Property(c => c.TimeZone).HasMaxLength(64).HasDefaultValue("UTC").IsRequired();
        b.Property(c => c.PatientLinkDays).HasDefaultValue(Clinic.DefaultPatientLinkDays);
        b.ToTable(t => t.HasCheckConstraint("ck_clinics_patient_link_days",
            $"patient_link_days BETWEEN {Clinic.MinPatientLinkDays} AND {Clinic.MaxPatientLinkDays}"));
        b.Property(c => c.PaperSize).HasConversion<string>().HasMaxLength(10);
        b.Property<uint>("xmin").IsRowVersion();
    }
}
