using HepBuilder.Clinical.Audit;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Library;

/// <summary>
/// Adds a photo to an exercise. The body is read by hand, after a size check, instead of by model binding: binding
/// (and the automatic antiforgery check) would read an oversized body first and fail with an unfriendly error, while
/// here a too-large upload gets a message on the page and 413. The antiforgery token is still checked, explicitly.
/// </summary>
[IgnoreAntiforgeryToken]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class UploadModel(HepDbContext db, AuditLog audit, IAntiforgery antiforgery) : LibraryAdminPage
{
    /// <summary>The 5 MB photo plus room for the rest of the form.</summary>
    public const long MaxRequestBytes = PhotoProcessor.MaxBytes + 64 * 1024;
    public const int MaxCaptionLength = 80;

    public Exercise Exercise { get; private set; } = null!;
    public string? Caption { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var refusal = await LoadAsync(id, ct);
        return refusal ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // No bound parameters: binding any value would make MVC read the whole form before this check.
        if (!Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id)) return NotFound();
        var refusal = await LoadAsync(id, ct);
        if (refusal is not null) return refusal;

        var read = await LimitedForm.ReadAsync(HttpContext, antiforgery, MaxRequestBytes, ct);
        if (read.Status == StatusCodes.Status413PayloadTooLarge) return TooLarge();
        if (read.Form is not { } form) return BadRequest();

        Caption = form["Caption"].ToString().Trim() is { Length: > 0 } c ? c : null;
        var file = form.Files.GetFile("Photo");
        if (Caption?.Length > MaxCaptionLength) ModelState.AddModelError("Caption", $"The caption must be at most {MaxCaptionLength} characters.");
        // Read by hand, so the app-wide NUL check of bound text does not apply; PostgreSQL cannot store NUL.
        if (Caption?.Contains('\0') == true) ModelState.AddModelError("Caption", "Remove the NUL character from the caption.");
        if (file is null || file.Length == 0) ModelState.AddModelError("Photo", "Choose a photo to upload.");
        else if (file.Length > PhotoProcessor.MaxBytes) return TooLarge();
        if (Exercise.Pictures.Count >= ExerciseRules.MaxPictures)
            ModelState.AddModelError("Photo", $"This exercise already has {ExerciseRules.MaxPictures} pictures. Remove one first.");
        if (!ModelState.IsValid) return Page();

        using var buffer = new MemoryStream((int)file!.Length);
        await file.CopyToAsync(buffer, ct);
        var (photo, problem) = await PhotoProcessor.ProcessAsync(buffer.ToArray(), ct);
        if (photo is null)
        {
            ModelState.AddModelError("Photo", problem!);
            return Page();
        }

        if (!await db.StoredImages.AnyAsync(i => i.Sha256 == photo.Sha256, ct))
        {
            db.StoredImages.Add(new StoredImage
            {
                Sha256 = photo.Sha256, ContentType = photo.ContentType, Data = photo.Data, Width = photo.Width, Height = photo.Height,
            });
        }
        var picture = new ExercisePicture
        {
            ExerciseId = Exercise.Id, SortOrder = Exercise.Pictures.Count, Caption = Caption, ImageSha256 = photo.Sha256,
        };
        db.Add(picture);
        audit.Record(AuditActions.ExercisePictureAdded, nameof(Exercise), Exercise.Id.ToString(), new
        {
            name = Exercise.Name, picture = PicturesModel.Describe(picture), photo.Width, photo.Height, photo.ContentType,
            originalBytes = file.Length, storedBytes = photo.Data.Length,
        });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "The photo was added.";
        return Redirect($"/Library/Pictures/{Exercise.Id}");
    }

    private IActionResult TooLarge()
    {
        ModelState.AddModelError("Photo", "The photo is larger than 5 MB. Save it smaller (for example, export it at 1600 pixels) and try again.");
        var page = Page();
        page.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return page;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var exercise = await db.Exercises.AsNoTracking().Include(e => e.Pictures).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exercise is null) return NotFound();
        if (exercise.ClinicId is null) return StatusCode(StatusCodes.Status403Forbidden);
        Exercise = exercise;
        return null;
    }
}
