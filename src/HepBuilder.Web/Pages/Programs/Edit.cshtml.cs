using HepBuilder.Clinical.Audit;
using HepBuilder.Data.Entities;
using HepBuilder.Handouts;
using HepBuilder.Web.Infrastructure.Audit;
using HepBuilder.Web.Infrastructure.Auth;
using HepBuilder.Web.Infrastructure.Tenancy;
using HepBuilder.Web.Infrastructure.Web;
using HepBuilder.Web.Pages.Library;
using HepBuilder.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>
/// The builder. Add, move, remove and search re-render the posted form without saving (so they work without
/// JavaScript and lose nothing); Save and Issue are the only handlers that write, each guarded by the draft's xmin.
/// </summary>
[EnableRateLimiting(RateLimits.Thumbnail)]
public sealed class EditModel(ProgramLifecycle lifecycle, HandoutFactory handouts, ExerciseSearch search, AuditLog audit, TimeProvider clock) : PageModel
{
    public const string StatusKey = "BuilderStatus";

    [BindProperty]
    public DraftInput Input { get; set; } = new();

    // Named, so the binder never falls back to unprefixed values: without it a plain GET bound the route value
    // "page" (/Programs/Edit) to Library.Page, a conversion exception and a model error on every builder view.
    [BindProperty(SupportsGet = true, Name = "Library")]
    public LibraryFilter Library { get; set; } = new();

    public ProgramContext Context { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, Exercise> Exercises { get; private set; } = new Dictionary<Guid, Exercise>();
    public ExerciseSearchResult Results { get; private set; } = new([], 0, 1, LibraryFilter.PageSize);
    public SaveResult.Conflict? Conflict { get; private set; }
    public IReadOnlyList<ProgramChange> ConflictChanges { get; private set; } = [];

    /// <summary>Set when Issue was refused: every problem, each linking to its field, shown at the top.</summary>
    public IReadOnlyList<(string FieldId, string Message)> IssueErrors { get; private set; } = [];

    /// <summary>The element to focus after the page (or the JavaScript swap) renders: where the clinician's action landed.</summary>
    public string? FocusId { get; private set; }

    public DateOnly Today => clock.TodayFor(User);

    public IEnumerable<(int Index, ItemInput Item, Exercise Exercise, IReadOnlyList<PrecautionConflict> Conflicts)> Rows =>
        Input.Items.Select((item, i) => (i, item, Exercises[item.ExerciseId],
            ProgramLifecycle.ConflictsOf(Exercises[item.ExerciseId], item.ToDose(), Context, Today)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        Input = DraftInput.From(Context.Draft!);
        Exercises = await handouts.ExercisesAsync(Input.Items.Select(i => i.ExerciseId), ct);
        audit.Record(AuditActions.ProgramViewed, ProgramLifecycle.EntityType, id.ToString(), new { view = "builder" }, Context.PatientId);
        await audit.SaveAsync(ct);
        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, Guid exerciseId, CancellationToken ct)
    {
        if (await PrepareAsync(id, [exerciseId], ct) is { } stop) return stop;
        // Not in the library at all: PrepareAsync has said so; show the form again with that message.
        if (!Exercises.TryGetValue(exerciseId, out var exercise)) return await PageAsync(ct);
        if (exercise.Status == ExerciseStatus.Archived)
        {
            ModelState.AddModelError("", $"{exercise.Name} is archived in the library and cannot be added.");
        }
        else if (Input.Items.Count >= ProgramLimits.MaxItems)
        {
            ModelState.AddModelError("Input.Items", $"A program can have at most {ProgramLimits.MaxItems} exercises.");
        }
        if (!ModelState.IsValid) return await PageAsync(ct);
        Input.Items.Add(ItemInput.FromDose(exercise.Id, exercise.DefaultDose));
        return await ChangedAsync($"item-{Input.Items.Count - 1}", ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, int index, int to, CancellationToken ct)
    {
        if (await PrepareAsync(id, [], ct) is { } stop) return stop;
        if (!ModelState.IsValid) return await PageAsync(ct);
        if (index < 0 || index >= Input.Items.Count || to < 0 || to >= Input.Items.Count) return BadRequest();
        var item = Input.Items[index];
        Input.Items.RemoveAt(index);
        Input.Items.Insert(to, item);
        // Keep focus on the button pressed, now on the moved item, so repeated presses keep moving it.
        var direction = to < index ? "up" : "down";
        var focus = (to == 0 && direction == "up") || (to == Input.Items.Count - 1 && direction == "down") ? $"item-{to}" : $"{direction}-{to}";
        return await ChangedAsync(focus, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, int index, CancellationToken ct)
    {
        if (await PrepareAsync(id, [], ct) is { } stop) return stop;
        if (!ModelState.IsValid) return await PageAsync(ct);
        if (index < 0 || index >= Input.Items.Count) return BadRequest();
        Input.Items.RemoveAt(index);
        return await ChangedAsync(Input.Items.Count == 0 ? "items" : $"item-{Math.Min(index, Input.Items.Count - 1)}", ct);
    }

    /// <summary>Re-renders the posted state: the library search without JavaScript, and the live summary with it.</summary>
    public async Task<IActionResult> OnPostRefreshAsync(Guid id, CancellationToken ct)
    {
        if (await PrepareAsync(id, [], ct) is { } stop) return stop;
        FocusId = "library-q";
        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        if (await PrepareAsync(id, [], ct) is { } stop) return stop;
        if (!ModelState.IsValid) return await PageAsync(ct);
        var result = await lifecycle.SaveAsync(Context, Input.ToContent(), Input.Stamp, Exercises, Actor.Of(User, clock), ct);
        return await AfterWriteAsync(result, "Draft saved.", ct);
    }

    public async Task<IActionResult> OnPostIssueAsync(Guid id, CancellationToken ct)
    {
        if (await PrepareAsync(id, [], ct) is { } stop) return stop;
        if (ModelState.IsValid)
        {
            var result = await lifecycle.IssueAsync(Context, Input.ToContent(), Input.Stamp, Exercises, Actor.Of(User, clock), ct);
            if (result is not SaveResult.Refused refused) return await AfterWriteAsync(result, null, ct);
            ShowRefusal(refused.Problems);
        }
        else
        {
            ShowRefusal(ProgramLifecycle.IssueProblems(Context, Input.ToContent(), Exercises, Today));
        }
        return await PageAsync(ct);
    }

    /// <summary>
    /// Would Issue go through? 204 when it would, 422 when not (the page then posts Issue itself and shows why): so
    /// the "frozen once issued" question is asked only of a draft that can be issued.
    /// </summary>
    public async Task<IActionResult> OnPostIssueCheckAsync(Guid id, CancellationToken ct)
    {
        if (await PrepareAsync(id, [], ct) is { } stop) return stop;
        var ok = ModelState.IsValid && ProgramLifecycle.IssueProblems(Context, Input.ToContent(), Exercises, Today).Count == 0;
        return StatusCode(ok ? StatusCodes.Status204NoContent : StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Page 1 of the handout as it would print from the posted (unsaved) state: the live thumbnail.</summary>
    public async Task<IActionResult> OnPostThumbnailAsync(Guid id, CancellationToken ct)
    {
        if (await PrepareAsync(id, [], ct) is { } stop) return stop;
        if (!ModelState.IsValid) return BadRequest();
        return await ThumbnailAsync(ct);
    }

    public async Task<IActionResult> OnGetThumbnailAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        Input = DraftInput.From(Context.Draft!);
        Exercises = await handouts.ExercisesAsync(Input.Items.Select(i => i.ExerciseId), ct);
        return await ThumbnailAsync(ct);
    }

    private async Task<IActionResult> ThumbnailAsync(CancellationToken ct)
    {
        var model = await handouts.DraftAsync(Context, Input.ToContent(), Exercises, User.UserId()!, Today, ct);
        Response.Headers.CacheControl = "no-store";
        return File(HandoutRenderer.RenderPreviewPng(model, 360), "image/png");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var context = await lifecycle.LoadAsync(id, ct);
        if (context is null) return NotFound();
        Context = context;
        if (context.Draft is null)
        {
            TempData["Success"] = "This program has no draft. Revise the latest version to make changes.";
            return RedirectToPage("Details", new { id });
        }
        return null;
    }

    /// <summary>
    /// Loads the program and every exercise the form names, and checks every posted dose against the clinical rules.
    /// Ids of another clinic's exercises answer 404; ids that are not in the library at all are dropped with a
    /// message; archived ones may stay only if already saved.
    /// </summary>
    private async Task<IActionResult?> PrepareAsync(Guid id, IEnumerable<Guid> extra, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var ids = Input.Items.Select(i => i.ExerciseId).Concat(extra).Distinct().ToList();
        Exercises = await handouts.ExercisesAsync(ids, ct);
        var missing = ids.Where(x => !Exercises.ContainsKey(x)).ToList();
        if (await lifecycle.AnyForeignAsync(missing, ct)) return NotFound();
        if (missing.Count > 0)
        {
            Input.Items.RemoveAll(i => !Exercises.ContainsKey(i.ExerciseId));
            ModelState.AddModelError("", "An exercise in the form is not in the library; it was left out. Check the list and save again.");
        }
        if (Input.Items.Count > ProgramLimits.MaxItems)
        {
            ModelState.AddModelError("Input.Items", $"A program can have at most {ProgramLimits.MaxItems} exercises; this one has {Input.Items.Count}. Remove some before saving.");
        }
        var saved = Context.Draft!.Items.Select(i => i.ExerciseId).ToHashSet();
        foreach (var (item, i) in Input.Items.Select((item, i) => (item, i)))
        {
            DoseForm.Validate(ModelState, $"Input.Items[{i}].", item.ToDose());
            if (Exercises[item.ExerciseId].Status == ExerciseStatus.Archived && !saved.Contains(item.ExerciseId))
            {
                ModelState.AddModelError($"Input.Items[{i}]", $"{Exercises[item.ExerciseId].Name} is archived in the library and cannot be added.");
            }
        }
        return null;
    }

    /// <summary>Each problem next to its field and, with a link to that field, in the summary at the top, which takes focus.</summary>
    private void ShowRefusal(IReadOnlyList<IssueProblem> problems)
    {
        foreach (var p in problems)
        {
            // A field that already says what is wrong with it (a dose out of range) keeps its own message.
            if (ModelState.GetFieldValidationState(Key(p)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(Key(p), p.Message);
            }
        }
        IssueErrors = ModelState.Where(kv => kv.Value is { Errors.Count: > 0 })
            .SelectMany(kv => kv.Value!.Errors.Select(e => (FieldId: FieldId(kv.Key), Message: Summary(kv.Key, e.ErrorMessage))))
            .Where(x => x.Message.Length > 0).Distinct().ToList();
        FocusId = "issue-errors";
    }

    /// <summary>A field's message as the summary lists it: named after its exercise when the message does not say which.</summary>
    private string Summary(string key, string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(key, @"^Input\.Items\[(\d+)\]");
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var i) || i >= Input.Items.Count) return message;
        var name = Exercises.TryGetValue(Input.Items[i].ExerciseId, out var e) ? e.Name : "";
        return name.Length == 0 || message.StartsWith(name, StringComparison.Ordinal) ? message : $"{i + 1}. {name}: {message}";
    }

    private static string Key(IssueProblem p) => (p.Item, p.Field) switch
    {
        (null, "ClinicPhone") => "",
        (null, var field) => "Input." + field,
        ({ } i, "") => $"Input.Items[{i}]",
        ({ } i, var field) => $"Input.Items[{i}].{field}",
    };

    /// <summary>The id of the element a summary link jumps to: the field's input, or the item's card for item-wide messages.</summary>
    private static string FieldId(string key)
    {
        if (key.Length == 0) return "builder-status";
        if (key == "Input.Items") return "items";
        var match = System.Text.RegularExpressions.Regex.Match(key, @"^Input\.Items\[(\d+)\](?:\.(.+))?$");
        if (!match.Success) return BuilderFields.Id(key);
        var index = match.Groups[1].Value;
        var field = match.Groups[2].Value;
        if (field.Length == 0) return $"item-{index}";
        var overrideReason = System.Text.RegularExpressions.Regex.Match(field, @"^Overrides\[(\d+)\]\.Reason$");
        return overrideReason.Success ? $"override-{index}-{overrideReason.Groups[1].Value}" : BuilderFields.Id(key);
    }

    private async Task<IActionResult> ChangedAsync(string focus, CancellationToken ct)
    {
        // The list changed shape, so posted values must not be re-shown by index; the model is the truth now.
        ModelState.Clear();
        Input.Dirty = true;
        FocusId = focus;
        return await PageAsync(ct);
    }

    private async Task<IActionResult> AfterWriteAsync(SaveResult result, string? message, CancellationToken ct)
    {
        switch (result)
        {
            case SaveResult.Saved { Number: { } number }:
                TempData["Success"] = $"Version {number} issued. Its handout is ready to print.";
                return RedirectToPage("Details", new { id = Context.ProgramId });
            case SaveResult.Saved:
                TempData[StatusKey] = message;
                return RedirectToPage(new { id = Context.ProgramId });
            case SaveResult.Conflict { Theirs: null }:
            case SaveResult.NoDraft:
                TempData["Success"] = "This draft was issued by someone else while you were editing. Revise to make further changes.";
                return RedirectToPage("Details", new { id = Context.ProgramId });
            case SaveResult.Conflict conflict:
                Conflict = conflict;
                ConflictChanges = ProgramDiff.Compare(ProgramLifecycle.Snapshot(Input.ToContent(), Exercises), conflict.Theirs!);
                // The next save is a deliberate overwrite: it carries the stamp of the version just shown.
                ModelState.Remove("Input.Stamp");
                Input.Stamp = conflict.Stamp;
                Input.Dirty = true;
                FocusId = "conflict";
                var page = await PageAsync(ct);
                ((PageResult)page).StatusCode = StatusCodes.Status409Conflict;
                return page;
            default:
                throw new InvalidOperationException("Unknown save result.");
        }
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        Results = await search.SearchAsync(Library.ToQuery(), ct);
        return Page();
    }
}
