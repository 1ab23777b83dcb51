using HepBuilder.Clinical.Audit;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Data.Seeding;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Library;

/// <summary>
/// Export the clinic's own exercises (JSON with pictures, or CSV text) and import a file back: everything is checked
/// first and either all of it is saved in one transaction or none of it, with every bad row and field listed.
/// An imported exercise whose name the clinic already uses updates that exercise, so a re-import is a no-op.
/// </summary>
[IgnoreAntiforgeryToken]
[RequestSizeLimit(MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxImportBytes)]
public sealed class TransferModel(HepDbContext db, AuditLog audit, IAntiforgery antiforgery, TimeProvider clock) : LibraryAdminPage
{
    public const long MaxImportBytes = 50 * 1024 * 1024;

    public int OwnCount { get; private set; }
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public string? FileError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => OwnCount = await Own().CountAsync(ct);

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct)
    {
        var exercises = await Own().AsNoTracking().Include(e => e.Pictures).ThenInclude(p => p.Image)
            .OrderBy(e => e.Name).AsSplitQuery().ToListAsync(ct);
        var seeds = exercises.Select(e =>
        {
            var seed = ExerciseRules.ToSeed(e);
            seed.Pictures = e.Pictures.OrderBy(p => p.SortOrder).Select(LibraryImport.ToPictureSeed).ToList();
            return seed;
        });
        return await DownloadAsync(LibraryFile.ToJson(seeds), "application/json", "json", exercises.Count, ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var exercises = await Own().AsNoTracking().OrderBy(e => e.Name).ToListAsync(ct);
        return await DownloadAsync(LibraryFile.ToCsv(exercises.Select(ExerciseRules.ToSeed)), "text/csv", "csv", exercises.Count, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        OwnCount = await Own().CountAsync(ct);
        var read = await LimitedForm.ReadAsync(HttpContext, antiforgery, MaxImportBytes, ct);
        if (read.Status == StatusCodes.Status413PayloadTooLarge) return Refuse("The file is larger than 50 MB. Split it into smaller files.", StatusCodes.Status413PayloadTooLarge);
        if (read.Form is not { } form) return BadRequest();
        var file = form.Files.GetFile("File");
        if (file is null || file.Length == 0) return Refuse("Choose a JSON or CSV file exported from HepBuilder.");

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        // One import at a time in this instance: each may hold a 50 MB file and decode hundreds of photos.
        await Imports.WaitAsync(ct);
        try
        {
            return await ImportAsync(file, buffer.ToArray(), ct);
        }
        finally
        {
            Imports.Release();
        }
    }

    private static readonly SemaphoreSlim Imports = new(1, 1);

    private async Task<IActionResult> ImportAsync(IFormFile file, byte[] content, CancellationToken ct)
    {
        var import = new LibraryImport(db);
        var outcome = await import.PrepareAsync(content, ct);
        if (outcome.Problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            Problems = outcome.Problems;
            return Refuse($"Nothing was imported: {outcome.Problems.Count} {(outcome.Problems.Count == 1 ? "problem" : "problems")} to fix first.");
        }
        foreach (var change in outcome.Changes)
        {
            audit.Record(change.Added ? AuditActions.ExerciseImported : AuditActions.ExerciseImportUpdated, nameof(Exercise), change.Id.ToString(),
                new { name = change.Name, file = FileName(file), changes = change.Changes });
        }
        audit.Record(AuditActions.LibraryImported, "Library", null, new { file = FileName(file), added = outcome.Added, updated = outcome.Updated, unchanged = outcome.Unchanged });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Imported {FileName(file)}: {outcome.Added} added, {outcome.Updated} updated, {outcome.Unchanged} unchanged.";
        return Redirect("/Library/Transfer");
    }

    /// <summary>
    /// The uploaded file's name as the audit trail and the message show it: the browser's name is untrusted text, and
    /// a NUL in it made the audit row unsavable (PostgreSQL's jsonb refuses \u0000), so control characters go and
    /// the length is bounded.
    /// </summary>
    private static string FileName(IFormFile file)
    {
        var name = new string(file.FileName.Where(c => !char.IsControl(c)).ToArray());
        return name.Length > 200 ? name[..200] + "…" : name;
    }

    private IActionResult Refuse(string message, int status = StatusCodes.Status400BadRequest)
    {
        FileError = message;
        ModelState.AddModelError("File", message);
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private async Task<IActionResult> DownloadAsync(byte[] content, string type, string extension, int count, CancellationToken ct)
    {
        audit.Record(AuditActions.LibraryExported, "Library", null, new { format = extension, exercises = count });
        await db.SaveChangesAsync(ct);
        var stamp = clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(content, type, $"exercise-library-{stamp}.{extension}");
    }

    private IQueryable<Exercise> Own() => db.Exercises.Where(e => e.ClinicId == db.CurrentClinicId);
}
