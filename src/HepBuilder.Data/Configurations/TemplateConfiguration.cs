using HepBuilder.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HepBuilder.Data.Configurations;

public sealed class TemplateConfiguration : IEntityTypeConfiguration<Template>
{
    public void Configure(EntityTypeBuilder<Template> b)
    {
        b.Property(t => t.Title).HasMaxLength(120).IsRequired();
        b.Property(t => t.Description).HasMaxLength(500);
        b.Property(t => t.Instructions).HasMaxLength(2000);
        b.Property(t => t.ShippedKey).HasMaxLength(80);
        b.Property(t => t.OwnerId).HasMaxLength(450);
        b.Property(t => t.Version).IsRowVersion();
        b.HasOne<Clinic>().WithMany().HasForeignKey(t => t.ClinicId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.ShippedKey).IsUnique().HasFilter("shipped_key IS NOT NULL");
        b.HasIndex(t => new { t.ClinicId, t.OwnerId });
    }
}

public sealed class TemplateItemConfiguration : IEntityTypeConfiguration<TemplateItem>
{
    public void Configure(EntityTypeBuilder<TemplateItem> b)
    {
        b.ToTable("template_items");
        b.ComplexProperty(i => i.Dose, DoseMapping.Configure);
        b.HasOne(i => i.Exercise).WithMany().HasForeignKey(i => i.ExerciseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.TemplateId, i.Position });
    }
}
