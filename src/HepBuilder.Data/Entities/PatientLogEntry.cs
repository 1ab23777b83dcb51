namespace HepBuilder.Data.Entities;

/// <summary>
/// What a patient recorded on their phone for one day of one program: the exercises ticked as done, a pain rating
/// and a short comment. One row per program and day; a correction within the window rewrites it.
/// </summary>
public sealed class PatientLogEntry : IClinicOwned, ITimestamped
{
    public const int MaxCommentLength = 280;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClinicId { get; set; }
    public Guid ProgramId { get; set; }
    public Guid PatientId { get; set; }
    public Guid LinkId { get; set; }

    /// <summary>The issued version the patient was looking at when they saved.</summary>
    public Guid VersionId { get; set; }
    public DateOnly Day { get; set; }

    /// <summary>Exercise ids ticked as done that day (ids, not items, so a tick still lines up after a new version).</summary>
    public List<Guid> DoneExerciseIds { get; set; } = [];

    /// <summary>0 (none) to 10 (worst); null when the patient gave none.</summary>
    public int? Pain { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public uint Version { get; set; }
}
