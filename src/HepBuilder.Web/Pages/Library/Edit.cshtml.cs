using HepBuilder.Clinical.Audit;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HepBuilder.Web.Pages.Library;

/// <summary>Create (no id) or edit one of the clinic's own exercises, with a live preview of the patient's card.</summary>
public sealed class EditModel(HepDbContext db, AuditLog audit) : LibraryAdminPage
{
    public const string ChangedMeanwhile =
        "This exercise was changed by someone else while you were editing. The form now shows their version; make your changes again and save.";

    [BindProperty] public ExerciseInput Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public ExerciseCard Preview { get; private set; } = null!;
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is null)
        {
            Preview = CardFrom(Input, null);
            return Page();
        }
        var exercise = await LoadAsync(id.Value, tracking: false, ct);
        if (exercise is null) return NotFound();
        if (exercise.ClinicId is null) return ReadOnly();
        Input = ExerciseInput.From(exercise);
        Preview = ExerciseCard.From(exercise);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var exercise = id is null ? null : await LoadAsync(id.Value, tracking: true, ct);
        if (id is not null && exercise is null) return NotFound();
        if (exercise?.ClinicId is null && id is not null) return ReadOnly();

        var seed = Input.ToSeed();
        foreach (var problem in ExerciseRules.Check(seed))
        {
            ModelState.AddModelError(ExerciseInput.FormKey(problem.Field), problem.Message);
        }
        if (ModelState.IsValid && await LibraryNames.TakenAsync(db, seed.Name, id, ct))
        {
            ModelState.AddModelError("Input.Name", LibraryNames.Taken);
        }
        if (exercise is not null && exercise.Version != Input.Version)
        {
            return ShowConflict(exercise);
        }
        if (!ModelState.IsValid)
        {
            Preview = CardFrom(Input, exercise);
            return Page();
        }

        var isNew = exercise is null;
        exercise ??= db.Exercises.Add(new Exercise { Name = seed.Name, ClinicId = db.CurrentClinicId }).Entity;
        var before = isNew ? new Dictionary<string, object?>() : ExerciseRules.Snapshot(exercise);
        ExerciseRules.ApplyText(seed, exercise);
        // The xmin the form was opened with: a save racing another admin's fails instead of overwriting it.
        if (!isNew) db.Entry(exercise).Property(e => e.Version).OriginalValue = Input.Version;
        var after = ExerciseRules.Snapshot(exercise);
        audit.Record(isNew ? AuditActions.ExerciseCreated : AuditActions.ExerciseEdited, nameof(Exercise), exercise.Id.ToString(),
            new { name = exercise.Name, changes = ExerciseRules.Changes(before, after) });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await LoadAsync(exercise.Id, tracking: false, ct);
            return current is null ? NotFound() : ShowConflict(current);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another admin took the name between our check and the save.
            ModelState.AddModelError("Input.Name", LibraryNames.Taken);
            Preview = CardFrom(Input, null);
            return Page();
        }
        TempData["Success"] = isNew ? $"{exercise.Name} was added to your clinic's library." : $"{exercise.Name} was saved.";
        return Redirect($"/Library/Details/{exercise.Id}");
    }

    /// <summary>The card as the form stands now, for the live preview (fetched by wwwroot/js/library-edit.js).</summary>
    public async Task<IActionResult> OnPostPreviewAsync(Guid? id, CancellationToken ct)
    {
        var exercise = id is null ? null : await LoadAsync(id.Value, tracking: false, ct);
        if (id is not null && exercise?.ClinicId is null) return NotFound();
        return Partial("/Pages/Library/_ExerciseCard.cshtml", CardFrom(Input, exercise));
    }

    private IActionResult ShowConflict(Exercise current)
    {
        db.ChangeTracker.Clear();
        ModelState.Clear();
        Conflict = true;
        ModelState.AddModelError("", ChangedMeanwhile);
        Input = ExerciseInput.From(current);
        Preview = ExerciseCard.From(current);
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    private IActionResult ReadOnly() => StatusCode(StatusCodes.Status403Forbidden);

    private Task<Exercise?> LoadAsync(Guid id, bool tracking, CancellationToken ct)
    {
        var query = db.Exercises.Include(e => e.Pictures).Where(e => e.Id == id);
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    private static ExerciseCard CardFrom(ExerciseInput input, Exercise? exercise)
    {
        var seed = input.ToSeed();
        var pictures = exercise?.Pictures.OrderBy(p => p.SortOrder)
            .Select(p => new ExerciseCardPicture(p.PoseJson, p.ImageSha256, p.Caption)).ToList() ?? [];
        return new ExerciseCard(exercise?.Id ?? Guid.Empty, string.IsNullOrWhiteSpace(seed.Name) ? "New exercise" : seed.Name,
            pictures, seed.Steps, seed.Cues, seed.Precautions, seed.Dose);
    }
}
