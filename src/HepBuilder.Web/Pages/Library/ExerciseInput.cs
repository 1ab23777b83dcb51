using System.ComponentModel.DataAnnotations;
using HepBuilder.Data.Entities;
using HepBuilder.Data.Seeding;
using HepBuilder.Web.Pages.Shared;

namespace HepBuilder.Web.Pages.Library;

/// <summary>The edit form's one bound model. Lists are text areas, one item per line, as people write them.</summary>
public sealed class ExerciseInput : DoseInput
{
    [Display(Name = "Name")] public string? Name { get; set; }
    [Display(Name = "Other names (one per line)")] public string? Aliases { get; set; }
    [Display(Name = "Body region")] public BodyRegion BodyRegion { get; set; }
    [Display(Name = "Category")] public ExerciseCategory Category { get; set; }
    [Display(Name = "Position")] public BodyPosition Position { get; set; }
    [Display(Name = "Equipment")] public List<Equipment> Equipment { get; set; } = [];
    [Display(Name = "Difficulty")] public int Difficulty { get; set; } = 1;
    [Display(Name = "Steps (one per line)")] public string? Steps { get; set; }
    [Display(Name = "Tips (one per line)")] public string? Cues { get; set; }
    [Display(Name = "Precautions (one per line)")] public string? Precautions { get; set; }
    [Display(Name = "Movement tags")] public List<MovementTag> MovementTags { get; set; } = [];
    [Display(Name = "Notes for clinicians (one per line, never printed)")] public string? ClinicianNotes { get; set; }
    [Display(Name = "Video link")] public string? VideoUrl { get; set; }

    /// <summary>The exercise's xmin when the form was opened; a save against a newer row is refused.</summary>
    public uint Version { get; set; }

    public static ExerciseInput From(Exercise e)
    {
        var input = new ExerciseInput
        {
        Name = e.Name,
        Aliases = string.Join('\n', e.Aliases),
        BodyRegion = e.BodyRegion,
        Category = e.Category,
        Position = e.Position,
        Equipment = [.. e.Equipment],
        Difficulty = e.Difficulty,
        Steps = string.Join('\n', e.Steps),
        Cues = string.Join('\n', e.Cues),
        Precautions = string.Join('\n', e.Precautions),
        ClinicianNotes = string.Join('\n', e.ClinicianNotes),
        MovementTags = [.. e.MovementTags],
        VideoUrl = e.VideoUrl,
        Version = e.Version,
        };
        input.SetDose(e.DefaultDose);
        return input;
    }

    /// <summary>The form in the import/export shape, so one set of rules checks both.</summary>
    public ExerciseSeed ToSeed() => new()
    {
        Name = Name?.Trim() ?? "",
        Aliases = ExerciseRules.Lines(Aliases),
        BodyRegion = BodyRegion,
        Category = Category,
        Position = Position,
        Equipment = Equipment.Distinct().ToList(),
        Difficulty = Difficulty,
        Steps = ExerciseRules.Lines(Steps),
        Cues = ExerciseRules.Lines(Cues),
        Precautions = ExerciseRules.Lines(Precautions),
        ClinicianNotes = ExerciseRules.Lines(ClinicianNotes),
        MovementTags = MovementTags.Distinct().ToList(),
        Dose = ToDose(),
        VideoUrl = string.IsNullOrWhiteSpace(VideoUrl) ? null : VideoUrl.Trim(),
    };

    /// <summary>The form key a rule's field is shown next to ("Dose.Sets" → "Input.Sets").</summary>
    public static string FormKey(string field) => "Input." + (field.StartsWith("Dose.", StringComparison.Ordinal) ? field[5..] : field);
}
