using HepBuilder.Clinical.Audit;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Library;

/// <summary>An exercise's pictures (drawn poses and photos): order them, remove them, and go on to add a photo.</summary>
public sealed class PicturesModel(HepDbContext db, AuditLog audit) : LibraryAdminPage
{
    public Exercise Exercise { get; private set; } = null!;
    public IReadOnlyList<ExercisePicture> Pictures { get; private set; } = [];
    public ExerciseCard Card { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var exercise = await LoadAsync(id, ct);
        if (exercise is null) return NotFound();
        if (exercise.ClinicId is null) return StatusCode(StatusCodes.Status403Forbidden);
        Show(exercise);
        return Page();
    }

    public Task<IActionResult> OnPostUpAsync(Guid id, Guid pictureId, CancellationToken ct) => MoveAsync(id, pictureId, -1, ct);

    public Task<IActionResult> OnPostDownAsync(Guid id, Guid pictureId, CancellationToken ct) => MoveAsync(id, pictureId, +1, ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid pictureId, CancellationToken ct)
    {
        var exercise = await LoadAsync(id, ct);
        if (exercise is null) return NotFound();
        if (exercise.ClinicId is null) return StatusCode(StatusCodes.Status403Forbidden);
        var picture = exercise.Pictures.FirstOrDefault(p => p.Id == pictureId);
        if (picture is null) return NotFound();
        var before = Order(exercise);
        exercise.Pictures.Remove(picture);
        db.Remove(picture);
        Renumber(exercise);
        audit.Record(AuditActions.ExercisePictureRemoved, nameof(Exercise), exercise.Id.ToString(), new
        {
            name = exercise.Name, picture = Describe(picture), Pictures = new { old = before, @new = Order(exercise) },
        });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "The picture was removed.";
        return Redirect($"/Library/Pictures/{id}");
    }

    private async Task<IActionResult> MoveAsync(Guid id, Guid pictureId, int step, CancellationToken ct)
    {
        var exercise = await LoadAsync(id, ct);
        if (exercise is null) return NotFound();
        if (exercise.ClinicId is null) return StatusCode(StatusCodes.Status403Forbidden);
        var ordered = exercise.Pictures.OrderBy(p => p.SortOrder).ToList();
        var index = ordered.FindIndex(p => p.Id == pictureId);
        if (index < 0) return NotFound();
        var target = index + step;
        if (target >= 0 && target < ordered.Count)
        {
            var before = Order(exercise);
            (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
            for (var i = 0; i < ordered.Count; i++) ordered[i].SortOrder = i;
            audit.Record(AuditActions.ExercisePicturesReordered, nameof(Exercise), exercise.Id.ToString(),
                new { name = exercise.Name, Pictures = new { old = before, @new = Order(exercise) } });
            await db.SaveChangesAsync(ct);
        }
        return Redirect($"/Library/Pictures/{id}");
    }

    private Task<Exercise?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Exercises.Include(e => e.Pictures).FirstOrDefaultAsync(e => e.Id == id, ct);

    private void Show(Exercise exercise)
    {
        Exercise = exercise;
        Pictures = exercise.Pictures.OrderBy(p => p.SortOrder).ToList();
        Card = ExerciseCard.From(exercise);
    }

    private static void Renumber(Exercise exercise)
    {
        var i = 0;
        foreach (var p in exercise.Pictures.OrderBy(p => p.SortOrder)) p.SortOrder = i++;
    }

    internal static string Describe(ExercisePicture p) =>
        (p.ImageSha256 is null ? "drawing" : "photo " + p.ImageSha256[..12]) + (p.Caption is null ? "" : $" “{p.Caption}”");

    private static string Order(Exercise exercise) =>
        string.Join(", ", exercise.Pictures.OrderBy(p => p.SortOrder).Select(Describe));
}
