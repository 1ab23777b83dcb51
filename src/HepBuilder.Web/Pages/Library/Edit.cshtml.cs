using HepBuilder.Clinical.Audit;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using HepBuilder.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
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

    /// <summary>Warnings (not errors) by form key: dose numbers in the patient's text.</summary>
    public IReadOnlyDictionary<string, string> Warnings { get; private set; } = new Dictionary<string, string>();
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
        Preview = CardFrom(Input, exercise);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var exercise = id is null ? null : await LoadAsync(id.Value, tracking: true, ct);
        if (id is not null && exercise is null) return NotFound();
        if (exercise?.ClinicId is null && id is not null) return ReadOnly();

        var seed = Input.ToSeed();
        DoseForm.Validate(ModelState, "Input.", seed.Dose);
        foreach (var problem in ExerciseRules.Check(seed))
        {
            var key = ExerciseInput.FormKey(problem.Field);
            // A dose field already carries the clinical core's message (from DoseForm), a binding error included.
            if (ModelState.GetFieldValidationState(key) != ModelValidationState.Invalid) ModelState.AddModelError(key, problem.Message);
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
        Preview = CardFrom(Input, current);
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

    /// <summary>The preview card of the form as it stands, and the warnings shown next to its fields.</summary>
    private ExerciseCard CardFrom(ExerciseInput input, Exercise? exercise)
    {
        var seed = input.ToSeed();
        Warnings = ExerciseRules.DoseNumberWarnings(seed).ToDictionary(w => ExerciseInput.FormKey(w.Field), w => w.Message);
        return ExerciseCard.From(exercise?.Id ?? Guid.Empty, seed, ExerciseCard.PicturesOf(exercise));
    }
}
