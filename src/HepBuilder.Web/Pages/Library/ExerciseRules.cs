using HepBuilder.Clinical.Text;
using HepBuilder.Data.Entities;
using HepBuilder.Data.Seeding;

namespace HepBuilder.Web.Pages.Library;

/// <summary>A problem with one field of one exercise; <see cref="Field"/> names the field as the import format does.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>
/// The library's content rules in one place, applied to the edit form and to every imported row alike, so a file
/// can never bring in what the form would refuse.
/// </summary>
public static class ExerciseRules
{
    public const int MaxPictures = 4;
    public const int MaxListItems = 12;
    public const int MaxItemLength = 400;
    public const int MaxAliasLength = 120;

    public static IEnumerable<FieldProblem> Check(ExerciseSeed e)
    {
        foreach (var field in ControlCharacters(e)) yield return new(field, "Remove the control characters (such as NUL) from this text.");

        if (string.IsNullOrWhiteSpace(e.Name)) yield return new("Name", "Enter a name.");
        else if (e.Name.Trim().Length > Exercise.MaxNameLength) yield return new("Name", $"The name must be at most {Exercise.MaxNameLength} characters.");

        if (e.Steps.Count == 0) yield return new("Steps", "Enter at least one step.");
        else if (e.Steps.Count > Exercise.MaxSteps) yield return new("Steps", $"Use at most {Exercise.MaxSteps} steps.");
        if (e.Steps.Any(s => s.Length > Exercise.MaxStepLength)) yield return new("Steps", $"Each step must be at most {Exercise.MaxStepLength} characters.");

        if (e.Aliases.Count > MaxListItems || e.Aliases.Any(a => a.Length > MaxAliasLength))
            yield return new("Aliases", $"Use at most {MaxListItems} other names of at most {MaxAliasLength} characters each.");
        if (e.Cues.Count > MaxListItems || e.Cues.Any(c => c.Length > MaxItemLength))
            yield return new("Cues", $"Use at most {MaxListItems} cues of at most {MaxItemLength} characters each.");
        if (e.Precautions.Count > MaxListItems || e.Precautions.Any(c => c.Length > MaxItemLength))
            yield return new("Precautions", $"Use at most {MaxListItems} precautions of at most {MaxItemLength} characters each.");

        if (e.Difficulty is < 1 or > 3) yield return new("Difficulty", "Difficulty must be 1, 2 or 3.");
        if (!Enum.IsDefined(e.BodyRegion)) yield return new("BodyRegion", "Choose a body region.");
        if (!Enum.IsDefined(e.Category)) yield return new("Category", "Choose a category.");
        if (!Enum.IsDefined(e.Position)) yield return new("Position", "Choose a position.");
        if (!e.Equipment.All(Enum.IsDefined)) yield return new("Equipment", "Unknown equipment.");
        if (!e.MovementTags.All(Enum.IsDefined)) yield return new("MovementTags", "Unknown movement tag.");

        if (!string.IsNullOrEmpty(e.VideoUrl)
            && (e.VideoUrl.Length > 500 || !Uri.TryCreate(e.VideoUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps))
            yield return new("VideoUrl", "The video link must be a full https:// address of at most 500 characters.");

        if (e.ClinicianNotes.Count > MaxListItems || e.ClinicianNotes.Any(c => c.Length > MaxItemLength))
            yield return new("ClinicianNotes", $"Use at most {MaxListItems} notes for clinicians of at most {MaxItemLength} characters each.");
        foreach (var (field, lines) in PatientFields(e))
        {
            if (lines.SelectMany(PatientText.UnknownPlaceholders).Distinct().ToList() is { Count: > 0 } unknown)
                yield return new(field, $"{string.Join(", ", unknown)} is not something the handout can fill in; use {PatientText.Hold} or {PatientText.Minutes}.");
        }

        if (e.Dose is null) { yield return new("Dose", "Enter a dose."); yield break; }
        foreach (var problem in DoseRules.Validate(e.Dose)) yield return new("Dose." + problem.Field, problem.Message);

        if (e.Pictures.Count > MaxPictures) yield return new("Pictures", $"An exercise has at most {MaxPictures} pictures.");
    }

    /// <summary>The fields the patient reads, by their import-format names.</summary>
    public static IEnumerable<(string Field, IReadOnlyList<string> Lines)> PatientFields(ExerciseSeed e) =>
        [("Steps", e.Steps), ("Cues", e.Cues), ("Precautions", e.Precautions)];

    /// <summary>
    /// Dose numbers in the patient's text, by field: not refused (a clinic's own wording is its call), but shown next to
    /// the field, because the handout would contradict any other prescription.
    /// </summary>
    public static IEnumerable<FieldProblem> DoseNumberWarnings(ExerciseSeed e) =>
        PatientFields(e).Select(f => (f.Field, Found: DoseNumbers.Find(f.Lines)))
            .Where(x => x.Found.Count > 0)
            .Select(x => new FieldProblem(x.Field,
                $"This text has dose numbers of its own ({string.Join(", ", x.Found.Distinct().Select(n => "“" + n + "”"))}). The handout prints the "
                + $"prescribed dose beside it, so they can contradict it: remove them, or write {PatientText.Hold} or {PatientText.Minutes} where the prescribed value belongs."));

    /// <summary>
    /// Text fields holding control characters other than line breaks and tabs: PostgreSQL cannot store NUL (the save
    /// failed with a 500), and the others are invisible on the page and dropped from the handout.
    /// </summary>
    private static IEnumerable<string> ControlCharacters(ExerciseSeed e)
    {
        static bool Bad(string? s) => s is not null && s.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
        if (Bad(e.Name)) yield return "Name";
        if (e.Aliases.Any(Bad)) yield return "Aliases";
        if (e.Steps.Any(Bad)) yield return "Steps";
        if (e.Cues.Any(Bad)) yield return "Cues";
        if (e.Precautions.Any(Bad)) yield return "Precautions";
        if (e.ClinicianNotes.Any(Bad)) yield return "ClinicianNotes";
        if (Bad(e.VideoUrl)) yield return "VideoUrl";
        if (Bad(e.Dose?.Load)) yield return "Dose.Load";
        if (Bad(e.Dose?.Note)) yield return "Dose.Note";
        if (e.Pictures.Any(p => Bad(p.Caption))) yield return "Pictures";
    }

    /// <summary>Lines of a text area as list items: trimmed, blank lines dropped.</summary>
    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>The exercise as the import/export format (pictures are added by the exporter, which has the bytes).</summary>
    public static ExerciseSeed ToSeed(Exercise e) => new()
    {
        Key = e.ShippedKey,
        Name = e.Name,
        Aliases = [.. e.Aliases],
        BodyRegion = e.BodyRegion,
        Category = e.Category,
        Position = e.Position,
        Equipment = [.. e.Equipment],
        Difficulty = e.Difficulty,
        Steps = [.. e.Steps],
        Cues = [.. e.Cues],
        Precautions = [.. e.Precautions],
        ClinicianNotes = [.. e.ClinicianNotes],
        MovementTags = [.. e.MovementTags],
        Dose = e.DefaultDose.Copy(),
        VideoUrl = e.VideoUrl,
        Status = e.Status,
    };

    /// <summary>
    /// Copies everything but pictures and status onto the exercise (the seed's own ApplyTo replaces pictures, which
    /// an edit must keep).
    /// </summary>
    public static void ApplyText(ExerciseSeed s, Exercise e)
    {
        e.Name = s.Name.Trim();
        e.Aliases = [.. s.Aliases];
        e.BodyRegion = s.BodyRegion;
        e.Category = s.Category;
        e.Position = s.Position;
        e.Equipment = [.. s.Equipment];
        e.Difficulty = s.Difficulty;
        e.Steps = [.. s.Steps];
        e.Cues = [.. s.Cues];
        e.Precautions = [.. s.Precautions];
        e.ClinicianNotes = [.. s.ClinicianNotes];
        e.MovementTags = [.. s.MovementTags];
        e.DefaultDose = s.Dose.Copy();
        e.VideoUrl = s.VideoUrl;
        e.RefreshSearchText();
    }

    /// <summary>What an audit row records: the fields an admin can change, as plain values for old → new.</summary>
    public static Dictionary<string, object?> Snapshot(Exercise e) => new()
    {
        ["Name"] = e.Name,
        ["Aliases"] = string.Join("; ", e.Aliases),
        ["BodyRegion"] = e.BodyRegion.ToString(),
        ["Category"] = e.Category.ToString(),
        ["Position"] = e.Position.ToString(),
        ["Equipment"] = string.Join(", ", e.Equipment),
        ["Difficulty"] = e.Difficulty,
        ["Steps"] = string.Join(" | ", e.Steps),
        ["Cues"] = string.Join(" | ", e.Cues),
        ["Precautions"] = string.Join(" | ", e.Precautions),
        ["ClinicianNotes"] = string.Join(" | ", e.ClinicianNotes),
        ["MovementTags"] = string.Join(", ", e.MovementTags),
        ["Dose"] = DoseSentence.Describe(e.DefaultDose),
        ["VideoUrl"] = e.VideoUrl,
        ["Status"] = e.Status.ToString(),
        ["Pictures"] = e.Pictures.Count,
    };

    /// <summary>Only what changed, as { field: { old, new } }.</summary>
    public static Dictionary<string, object?> Changes(Dictionary<string, object?> before, Dictionary<string, object?> after) =>
        after.Where(kv => !Equals(before.GetValueOrDefault(kv.Key), kv.Value))
            .ToDictionary(kv => kv.Key, kv => (object?)new { old = before.GetValueOrDefault(kv.Key), @new = kv.Value });
}
