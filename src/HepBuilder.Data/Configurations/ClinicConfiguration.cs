using HepBuilder.Clinical.Safety;
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
        // The safety tiers: written defaults for every clinic, editable on the clinic profile.
        b.Property(c => c.EmergencyNumber).HasMaxLength(SafetyDefaults.MaxEmergencyNumberLength)
            .HasDefaultValue(SafetyDefaults.EmergencyNumber).IsRequired();
        b.Property(c => c.EmergencyText).HasMaxLength(1000)
            .HasDefaultValue(string.Join('\n', SafetyDefaults.EmergencyLines)).IsRequired();
        b.Property(c => c.CallUsText).HasMaxLength(1000)
            .HasDefaultValue(string.Join('\n', SafetyDefaults.CallUsLines)).IsRequired();
        b.Property(c => c.TimeZone).HasMaxLength(64).HasDefaultValue("UTC").IsRequired();
        b.Property(c => c.PatientLinkDays).HasDefaultValue(Clinic.DefaultPatientLinkDays);
        b.ToTable(t => t.HasCheckConstraint("ck_clinics_patient_link_days",
            $"patient_link_days BETWEEN {Clinic.MinPatientLinkDays} AND {Clinic.MaxPatientLinkDays}"));
        b.Property(c => c.PaperSize).HasConversion<string>().HasMaxLength(10);
        b.Property<uint>("xmin").IsRowVersion();
    }
}
