using HepBuilder.Clinical.Text;
using System.Text.Json;

namespace HepBuilder.Data.Entities;

/// <summary>A patient's home exercise program: one editable draft at most, and numbered issued versions.</summary>
public sealed class Program : IClinicOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClinicId { get; set; }
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public required string Title { get; set; }
    public string? CreatedById { get; set; }
    public List<ProgramVersion> Versions { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public uint Version { get; set; }
}

/// <summary>
/// One version of a program. A draft is editable; issuing numbers it, freezes every item's exercise text and
/// pictures, and stores the handout PDF and its SHA-256, so a reprint is the same bytes forever.
/// </summary>
public sealed class ProgramVersion : IClinicOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClinicId { get; set; }
    public Guid ProgramId { get; set; }
    public Program? Program { get; set; }

    /// <summary>1, 2, 3… once issued; null while a draft.</summary>
    public int? Number { get; set; }
    public VersionState State { get; set; } = VersionState.Draft;
    public required string Title { get; set; }
    public string? Instructions { get; set; }
    public DateOnly? StartDate { get; set; }
    public PaperSize PaperSize { get; set; } = PaperSize.Letter;
    public bool LargePrint { get; set; }
    public bool ShowPictures { get; set; } = true;
    public List<ProgramItem> Items { get; set; } = [];

    /// <summary>Who saved the draft last (with <see cref="ModifiedAt"/>, when): named to a clinician whose save collides.</summary>
    public string? SavedById { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }
    public string? IssuedById { get; set; }

    /// <summary>The issuing clinician as printed ("Dana Reyes, DPT"), frozen with the version.</summary>
    public string? IssuedByName { get; set; }
    public string? HandoutSha256 { get; set; }
    public byte[]? HandoutPdf { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public uint Version { get; set; }
}

/// <summary>An exercise in a version with its dose. The Frozen* fields are filled when the version is issued.</summary>
public sealed class ProgramItem : IClinicOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClinicId { get; set; }
    public Guid VersionId { get; set; }
    public int Position { get; set; }
    public Guid ExerciseId { get; set; }
    public Exercise? Exercise { get; set; }
    public Dose Dose { get; set; } = new();
    public List<PrecautionOverride> Overrides { get; set; } = [];

    public string? FrozenName { get; set; }
    public List<string>? FrozenSteps { get; set; }
    public List<string>? FrozenCues { get; set; }
    public List<string>? FrozenPrecautions { get; set; }

    /// <summary>JSON array of the pictures as issued: captions with pose JSON or a StoredImage hash.</summary>
    public string? FrozenPicturesJson { get; set; }

    /// <summary>Copies the exercise's text and pictures onto the item as they are now; later library edits never reach it.</summary>
    public void Freeze(Exercise exercise)
    {
        FrozenName = exercise.Name;
        FrozenSteps = [.. exercise.Steps];
        FrozenCues = [.. exercise.Cues];
        FrozenPrecautions = [.. exercise.Precautions];
        FrozenPicturesJson = JsonSerializer.Serialize(exercise.Pictures.OrderBy(p => p.SortOrder)
            .Select(p => new FrozenPicture(p.Caption, p.PoseJson, p.ImageSha256)).ToList());
    }

    // What the patient reads of the item, on paper and on the phone alike: the frozen text with the prescription's
    // numbers filled in where the text asks for them ({hold}, {minutes}).
    public IReadOnlyList<string> PatientSteps => PatientText.Fill(FrozenSteps ?? [], Dose);
    public IReadOnlyList<string> PatientCues => PatientText.Fill(FrozenCues ?? [], Dose);
    public IReadOnlyList<string> PatientStopLines => PatientText.Fill(FrozenPrecautions ?? [], Dose);

    public IReadOnlyList<FrozenPicture> FrozenPictures =>
        string.IsNullOrEmpty(FrozenPicturesJson) ? [] : JsonSerializer.Deserialize<List<FrozenPicture>>(FrozenPicturesJson) ?? [];
}

/// <summary>A picture as it was when a version was issued: a pose drawing or the hash of an immutable stored photo.</summary>
public sealed record FrozenPicture(string? Caption, string? PoseJson, string? ImageSha256);

/// <summary>The clinician's reason for prescribing an exercise despite a conflicting precaution.</summary>
public sealed class PrecautionOverride
{
    public required string Conflict { get; set; }
    public required string Reason { get; set; }
    public string? ById { get; set; }
    public DateTimeOffset At { get; set; }
}
