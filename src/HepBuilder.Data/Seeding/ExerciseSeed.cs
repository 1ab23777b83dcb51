using System.Text.Json;
using HepBuilder.Data.Entities;

namespace HepBuilder.Data.Seeding;

/// <summary>The shape of one exercise in db/seed/exercises.json (also the JSON import/export format).</summary>
public sealed class ExerciseSeed
{
    public string? Key { get; set; }
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    public BodyRegion BodyRegion { get; set; }
    public ExerciseCategory Category { get; set; }
    public BodyPosition Position { get; set; }
    public List<Equipment> Equipment { get; set; } = [];
    public int Difficulty { get; set; } = 1;
    public List<string> Steps { get; set; } = [];
    public List<string> Cues { get; set; } = [];
    public List<string> Precautions { get; set; } = [];
    public List<string> ClinicianNotes { get; set; } = [];
    public List<MovementTag> MovementTags { get; set; } = [];
    public Dose Dose { get; set; } = new();
    public string? VideoUrl { get; set; }
    public List<PictureSeed> Pictures { get; set; } = [];

    /// <summary>Import/export only: the seed ships active exercises, so the seeder ignores it.</summary>
    public ExerciseStatus Status { get; set; } = ExerciseStatus.Active;

    public void ApplyTo(Exercise e)
    {
        e.Name = Name;
        e.Aliases = [.. Aliases];
        e.BodyRegion = BodyRegion;
        e.Category = Category;
        e.Position = Position;
        e.Equipment = [.. Equipment];
        e.Difficulty = Difficulty;
        e.Steps = [.. Steps];
        e.Cues = [.. Cues];
        e.Precautions = [.. Precautions];
        e.ClinicianNotes = [.. ClinicianNotes];
        e.MovementTags = [.. MovementTags];
        e.DefaultDose = Dose.Copy();
        e.VideoUrl = VideoUrl;
        // Photos (import/export only) are stored by the importer, which verifies them first; the seed ships poses.
        e.Pictures = Pictures.Where(p => p.Pose is not null).Select((p, i) => new ExercisePicture
        {
            SortOrder = i,
            Caption = p.Caption,
            PoseJson = p.Pose!.Value.GetRawText(),
        }).ToList();
        e.RefreshSearchText();
    }
}

public sealed class PictureSeed
{
    public string? Caption { get; set; }
    public JsonElement? Pose { get; set; }

    /// <summary>Base64 image bytes (export/import of uploaded photos).</summary>
    public string? Image { get; set; }
    public string? ContentType { get; set; }
}

public sealed class ExerciseSeedFile
{
    public int Version { get; set; } = 1;
    public List<ExerciseSeed> Exercises { get; set; } = [];
}
