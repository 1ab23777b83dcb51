using System.ComponentModel.DataAnnotations;

namespace HepBuilder.Data.Entities;

// Display names: what people read in pickers and lists (Html.GetEnumSelectList and LibraryText.Words use them).
public enum BodyRegion { Lumbar, Thoracic, Cervical, Hip, Knee, Shoulder, Core, [Display(Name = "Whole body")] WholeBody }

public enum ExerciseCategory { Strengthening, Stretching, Mobility, Stability, Aerobic }

public enum BodyPosition { Supine, Prone, [Display(Name = "Side-lying")] SideLying, Quadruped, Sitting, Standing, Kneeling }

public enum Equipment { None, Mat, Chair, Wall, Band, Ball, Weight, Step, Dowel, Towel }

/// <summary>What an exercise asks of the spine and body; the builder checks these against a patient's precautions.</summary>
public enum MovementTag { LumbarFlexion, LumbarExtension, Rotation, Lifting, Impact, EndRange }

public enum ExerciseStatus { Active, Archived }

/// <summary>A library entry: shipped to every clinic (<see cref="ClinicId"/> null) or a clinic's own.</summary>
public sealed class Exercise : IClinicOrShared, ITimestamped
{
    public const int MaxSteps = 12;
    public const int MaxStepLength = 400;
    public const int MaxNameLength = 120;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? ClinicId { get; set; }

    /// <summary>Stable identity of a shipped exercise in db/seed, so re-seeding updates instead of duplicating.</summary>
    public string? ShippedKey { get; set; }
    public string? ShippedHash { get; set; }
    public Guid? CopiedFromId { get; set; }

    public required string Name { get; set; }
    public List<string> Aliases { get; set; } = [];
    public BodyRegion BodyRegion { get; set; }
    public ExerciseCategory Category { get; set; }
    public BodyPosition Position { get; set; }
    public List<Equipment> Equipment { get; set; } = [];
    public int Difficulty { get; set; } = 1;
    public List<string> Steps { get; set; } = [];
    public List<string> Cues { get; set; } = [];
    public List<string> Precautions { get; set; } = [];
    public List<MovementTag> MovementTags { get; set; } = [];
    public Dose DefaultDose { get; set; } = new();
    public string? VideoUrl { get; set; }
    public ExerciseStatus Status { get; set; } = ExerciseStatus.Active;
    public List<ExercisePicture> Pictures { get; set; } = [];

    /// <summary>Name, aliases, steps and tags as one text; the database derives the full-text vector from it.</summary>
    public string SearchText { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public uint Version { get; set; }

    public void RefreshSearchText() => SearchText = string.Join(' ',
        new[] { Name }.Concat(Aliases).Concat(Steps).Concat(MovementTags.Select(t => t.ToString()))
            .Append(BodyRegion.ToString()).Append(Category.ToString()).Append(Position.ToString()));
}

/// <summary>
/// A drawn pose (JSON of HepBuilder.Poses.PosePicture) or an uploaded photo, in display order. Photos live in
/// <see cref="StoredImage"/> by content hash, so an issued program can keep pointing at the exact bytes it printed.
/// </summary>
public sealed class ExercisePicture
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ExerciseId { get; set; }
    public int SortOrder { get; set; }
    public string? Caption { get; set; }
    public string? PoseJson { get; set; }
    public string? ImageSha256 { get; set; }
    public StoredImage? Image { get; set; }
}

/// <summary>Immutable, content-addressed image bytes (verified and re-encoded before they are stored).</summary>
public sealed class StoredImage
{
    public required string Sha256 { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Data { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum DoseSide { Both, Left, Right, Alternating, [Display(Name = "Each side")] EachSide }

/// <summary>How much and how often. Bounds are the product's clinical limits, enforced on every form and import.</summary>
public sealed class Dose
{
    public int Sets { get; set; } = 1;
    public int Reps { get; set; } = 10;
    public int HoldSeconds { get; set; }
    public DoseSide Side { get; set; } = DoseSide.Both;
    public int TimesPerDay { get; set; } = 1;
    public int DaysPerWeek { get; set; } = 7;
    public int RestSeconds { get; set; }

    /// <summary>Load or resistance in the clinician's words, e.g. "red band" or "5 lb".</summary>
    public string? Load { get; set; }

    /// <summary>The clinician's note to the patient for this exercise.</summary>
    public string? Note { get; set; }

    public const int MaxLoadLength = 80;
    public const int MaxNoteLength = 1000;

    public static class Bounds
    {
        public const int SetsMin = 1, SetsMax = 10, RepsMin = 1, RepsMax = 100, HoldMax = 600;
        public const int TimesPerDayMin = 1, TimesPerDayMax = 6, DaysPerWeekMin = 1, DaysPerWeekMax = 7, RestMax = 600;
    }

    public IEnumerable<string> Problems()
    {
        if (Sets is < Bounds.SetsMin or > Bounds.SetsMax) yield return $"Sets must be {Bounds.SetsMin} to {Bounds.SetsMax}.";
        if (Reps is < Bounds.RepsMin or > Bounds.RepsMax) yield return $"Reps must be {Bounds.RepsMin} to {Bounds.RepsMax}.";
        if (HoldSeconds is < 0 or > Bounds.HoldMax) yield return $"Hold must be 0 to {Bounds.HoldMax} seconds.";
        if (TimesPerDay is < Bounds.TimesPerDayMin or > Bounds.TimesPerDayMax) yield return $"Times per day must be {Bounds.TimesPerDayMin} to {Bounds.TimesPerDayMax}.";
        if (DaysPerWeek is < Bounds.DaysPerWeekMin or > Bounds.DaysPerWeekMax) yield return $"Days per week must be {Bounds.DaysPerWeekMin} to {Bounds.DaysPerWeekMax}.";
        if (RestSeconds is < 0 or > Bounds.RestMax) yield return $"Rest must be 0 to {Bounds.RestMax} seconds.";
        if (Load?.Length > MaxLoadLength) yield return $"Load must be at most {MaxLoadLength} characters.";
        if (Note?.Length > MaxNoteLength) yield return $"The note must be at most {MaxNoteLength} characters.";
    }

    public Dose Copy() => (Dose)MemberwiseClone();
}
