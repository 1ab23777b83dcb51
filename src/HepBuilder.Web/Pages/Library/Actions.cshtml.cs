using HepBuilder.Clinical.Audit;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Library;

/// <summary>
/// One-click library changes posted from an exercise's page: copy a shipped exercise to the clinic, duplicate a
/// clinic exercise, archive and unarchive. Each is one SaveChanges with its audit row.
/// </summary>
public sealed class ActionsModel(HepDbContext db, AuditLog audit) : LibraryAdminPage
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostCopyAsync(Guid id, CancellationToken ct)
    {
        var source = await db.Exercises.AsNoTracking().Include(e => e.Pictures)
            .FirstOrDefaultAsync(e => e.Id == id && e.ClinicId == null, ct);
        if (source is null) return NotFound();
        var copy = await CloneAsync(source, source.Name, ct);
        audit.Record(AuditActions.ExerciseCopied, nameof(Exercise), copy.Id.ToString(), new { fromId = source.Id, from = source.Name, name = copy.Name });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{source.Name} was copied to your clinic as “{copy.Name}”. You can edit the copy.";
        return Redirect($"/Library/Details/{copy.Id}");
    }

    public async Task<IActionResult> OnPostDuplicateAsync(Guid id, CancellationToken ct)
    {
        var source = await OwnAsync(id, ct, tracking: false);
        if (source is null) return NotFound();
        var copy = await CloneAsync(source, source.Name + " (copy)", ct);
        audit.Record(AuditActions.ExerciseDuplicated, nameof(Exercise), copy.Id.ToString(), new { fromId = source.Id, from = source.Name, name = copy.Name });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Duplicated as “{copy.Name}”.";
        return Redirect($"/Library/Details/{copy.Id}");
    }

    public Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken ct) => SetStatusAsync(id, ExerciseStatus.Archived, ct);

    public Task<IActionResult> OnPostUnarchiveAsync(Guid id, CancellationToken ct) => SetStatusAsync(id, ExerciseStatus.Active, ct);

    private async Task<IActionResult> SetStatusAsync(Guid id, ExerciseStatus status, CancellationToken ct)
    {
        var exercise = await OwnAsync(id, ct, tracking: true);
        if (exercise is null) return NotFound();
        if (exercise.Status != status)
        {
            audit.Record(status == ExerciseStatus.Archived ? AuditActions.ExerciseArchived : AuditActions.ExerciseUnarchived, nameof(Exercise),
                exercise.Id.ToString(), new { name = exercise.Name, Status = new { old = exercise.Status.ToString(), @new = status.ToString() } });
            exercise.Status = status;
            await db.SaveChangesAsync(ct);
        }
        TempData["Success"] = status == ExerciseStatus.Archived
            ? $"{exercise.Name} is archived: it no longer appears in pickers, and issued programs keep it."
            : $"{exercise.Name} is back in the library.";
        return Redirect($"/Library/Details/{exercise.Id}");
    }

    /// <summary>A clinic's own exercise; shipped ones and other clinics' are "not found" here (shipped are read-only).</summary>
    private Task<Exercise?> OwnAsync(Guid id, CancellationToken ct, bool tracking)
    {
        var query = db.Exercises.Include(e => e.Pictures).Where(e => e.Id == id && e.ClinicId == db.CurrentClinicId);
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    private async Task<Exercise> CloneAsync(Exercise source, string wantedName, CancellationToken ct)
    {
        var copy = new Exercise
        {
            Name = await LibraryNames.FreeNameAsync(db, wantedName, ct),
            ClinicId = db.CurrentClinicId,
            CopiedFromId = source.Id,
            Aliases = [.. source.Aliases],
            BodyRegion = source.BodyRegion,
            Category = source.Category,
            Position = source.Position,
            Equipment = [.. source.Equipment],
            Difficulty = source.Difficulty,
            Steps = [.. source.Steps],
            Cues = [.. source.Cues],
            Precautions = [.. source.Precautions],
            MovementTags = [.. source.MovementTags],
            DefaultDose = source.DefaultDose.Copy(),
            VideoUrl = source.VideoUrl,
            // Photos are shared by content hash: the copy points at the same immutable bytes.
            Pictures = source.Pictures.OrderBy(p => p.SortOrder).Select((p, i) => new ExercisePicture
            {
                SortOrder = i, Caption = p.Caption, PoseJson = p.PoseJson, ImageSha256 = p.ImageSha256,
            }).ToList(),
        };
        copy.RefreshSearchText();
        db.Exercises.Add(copy);
        return copy;
    }
}
