using HepBuilder.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace HepBuilder.Data.Configurations;

public sealed class ExerciseConfiguration : IEntityTypeConfiguration<Exercise>
{
    public void Configure(EntityTypeBuilder<Exercise> b)
    {
        b.Property(e => e.Name).HasMaxLength(Exercise.MaxNameLength).IsRequired();
        b.Property(e => e.ShippedKey).HasMaxLength(80);
        b.Property(e => e.ShippedHash).HasMaxLength(64);
        b.Property(e => e.BodyRegion).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Position).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(10);
        b.PrimitiveCollection(e => e.Equipment).ElementType().HasConversion<string>();
        b.PrimitiveCollection(e => e.MovementTags).ElementType().HasConversion<string>();
        b.Property(e => e.VideoUrl).HasMaxLength(500);
        b.Property(e => e.Version).IsRowVersion();
        b.ComplexProperty(e => e.DefaultDose, DoseMapping.Configure);
        b.HasOne<Clinic>().WithMany().HasForeignKey(e => e.ClinicId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Pictures).WithOne().HasForeignKey(p => p.ExerciseId).OnDelete(DeleteBehavior.Cascade);

        // Unique within the owner: shipped names unique among shipped rows, a clinic's among its own.
        b.HasIndex(e => new { e.ClinicId, e.Name }).IsUnique().AreNullsDistinct(false);
        b.HasIndex(e => e.ShippedKey).IsUnique().HasFilter("shipped_key IS NOT NULL");

        // Search: full text over the search text, and trigrams on the name for typo tolerance ("brige" → Bridge).
        b.Property(e => e.SearchText).IsRequired();
        b.Property<NpgsqlTsVector>("SearchVector")
            .HasComputedColumnSql("to_tsvector('english', search_text)", stored: true);
        b.HasIndex("SearchVector").HasMethod("GIN");
        b.HasIndex(e => e.Name).HasMethod("GIN").HasOperators("gin_trgm_ops").HasDatabaseName("ix_exercises_name_trgm");
        b.HasIndex(e => e.SearchText).HasMethod("GIN").HasOperators("gin_trgm_ops").HasDatabaseName("ix_exercises_search_text_trgm");

        // Browsing without search text: pages in name order straight off an index, and the total counted from one
        // that carries every filter column, so neither reads the wide rows (the builder shows this list on every view).
        b.HasIndex(e => new { e.Name, e.Id }).HasDatabaseName("ix_exercises_name_id");
        b.HasIndex(e => new { e.Status, e.ClinicId }).HasDatabaseName("ix_exercises_status_clinic_id")
            .IncludeProperties(e => new { e.BodyRegion, e.Category, e.Position, e.Difficulty });
    }
}

public sealed class ExercisePictureConfiguration : IEntityTypeConfiguration<ExercisePicture>
{
    public void Configure(EntityTypeBuilder<ExercisePicture> b)
    {
        b.ToTable("exercise_pictures");
        b.Property(p => p.Caption).HasMaxLength(80);
        b.Property(p => p.PoseJson).HasColumnType("jsonb");
        b.Property(p => p.ImageSha256).HasMaxLength(64);
        b.HasOne(p => p.Image).WithMany().HasForeignKey(p => p.ImageSha256).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ExerciseId, p.SortOrder });
    }
}

public sealed class StoredImageConfiguration : IEntityTypeConfiguration<StoredImage>
{
    public void Configure(EntityTypeBuilder<StoredImage> b)
    {
        b.HasKey(i => i.Sha256);
        b.Property(i => i.Sha256).HasMaxLength(64);
        b.Property(i => i.ContentType).HasMaxLength(40).IsRequired();
    }
}

/// <summary>The dose columns, shared by exercises (default dose), program items and template items.</summary>
public static class DoseMapping
{
    public static void Configure(ComplexPropertyBuilder<Dose> d)
    {
        d.Property(x => x.Side).HasConversion<string>().HasMaxLength(12);
        d.Property(x => x.Load).HasMaxLength(DoseRules.MaxLoadLength);
        d.Property(x => x.Note).HasMaxLength(DoseRules.MaxNoteLength);
    }
}
