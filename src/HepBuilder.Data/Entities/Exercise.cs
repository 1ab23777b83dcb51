using System.ComponentModel.DataAnnotations;
using HepBuilder.Clinical.Text;

namespace HepBuilder.Data.Entities;

// Display names: what people read in pickers and lists (Html.GetEnumSelectList and LibraryText.Words use them).
public enum BodyRegion { Lumbar, Thoracic, Cervical, Hip, Knee, Shoulder, Core, [Display(Name = "Whole body")] WholeBody }

public enum ExerciseCategory { Strengthening, Stretching, Mobility, Stability, Aerobic }

public enum BodyPosition { Supine, Prone, [Display(Name = "Side-lying")] SideLying, Quadruped, Sitting, Standing, Kneeling }

public enum Equipment { None, Mat, Chair, Wall, Band, Ball, Weight, Step, Dowel, Towel }

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

    /// <summary>Lines for the prescribing clinician (contraindications, when to choose it): shown in the library and the builder, never printed.</summary>
    public List<string> ClinicianNotes { get; set; } = [];
    public List<MovementTag> MovementTags { get; set; } = [];
    public Dose DefaultDose { get; set; } = new();
    public string? VideoUrl { get; set; }
    public ExerciseStatus Status { get; set; } = ExerciseStatus.Active;
    public List<ExercisePicture> Pictures { get; set; } = [];

    /// <summary>
    /// Whether the patient's text carries dose numbers of its own ("about 10 times"), which would contradict any other
    /// prescription: the library marks such exercises. Null until computed (rows from before the column existed).
    /// </summary>
    public bool? HasDoseNumbers { get; set; }

    /// <summary>Name, aliases, steps and tags as one text; the database derives the full-text vector from it.</summary>
    public string SearchText { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public uint Version { get; set; }

    /// <summary>Recomputes what is derived from the text (search text, dose-number mark); every write of an exercise calls it.</summary>
    public void RefreshSearchText()
    {
        SearchText = string.Join(' ', new[] { Name }.Concat(Aliases).Concat(Steps).Concat(MovementTags.Select(t => t.ToString()))
            .Append(BodyRegion.ToString()).Append(Category.ToString()).Append(Position.ToString()));
        HasDoseNumbers = PatientTextHasDoseNumbers(Steps, Cues, Precautions);
    }

    public static bool PatientTextHasDoseNumbers(IEnumerable<string> steps, IEnumerable<string> cues, IEnumerable<string> precautions) =>
        DoseNumbers.Find(steps.Concat(cues).Concat(precautions)).Count > 0;
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
