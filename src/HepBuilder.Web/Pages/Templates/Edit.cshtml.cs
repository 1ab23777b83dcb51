using System.ComponentModel.DataAnnotations;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Templates;

public sealed class EditModel(HepDbContext db) : PageModel
{
    public const string ChangedMessage = "Someone else changed this template after you opened it. Reload the page to see their changes, then make yours again.";

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Exercise names by item id, read from the database (never from the form).</summary>
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Give the template a title."), StringLength(120, ErrorMessage = "The title must be at most 120 characters.")]
        public string? Title { get; set; }

        [StringLength(500, ErrorMessage = "The description must be at most 500 characters.")]
        public string? Description { get; set; }

        [StringLength(ProgramLimits.MaxInstructionsLength, ErrorMessage = "The instructions must be at most 2,000 characters.")]
        [Display(Name = "Instructions to the patient")]
        public string? Instructions { get; set; }

        public uint Version { get; set; }
        public List<ItemInput> Items { get; set; } = [];
    }

    /// <summary>One exercise of the template: its dose fields, and whether to remove it.</summary>
    public sealed class ItemInput : DoseInput
    {
        public Guid Id { get; set; }
        [Display(Name = "Remove")] public bool Remove { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var template = await LoadAsync(tracked: false, ct);
        if (template is null) return NotFound();
        if (!TemplateAccess.CanEdit(User, template.ClinicId, template.OwnerId)) return StatusCode(StatusCodes.Status403Forbidden);
        Input = new InputModel
        {
            Title = template.Title, Description = template.Description, Instructions = template.Instructions, Version = template.Version,
            Items = template.Items.OrderBy(i => i.Position).Select(i =>
            {
                var item = new ItemInput { Id = i.Id };
                item.SetDose(i.Dose);
                return item;
            }).ToList(),
        };
        Names = template.Items.ToDictionary(i => i.Id, i => i.Exercise!.Name);
        return Page();
    }

    /// <summary>Move up / Move down without JavaScript: re-shows the form in the new order; nothing is saved yet.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int index, int by, CancellationToken ct)
    {
        var template = await LoadAsync(tracked: false, ct);
        if (template is null) return NotFound();
        if (!TemplateAccess.CanEdit(User, template.ClinicId, template.OwnerId)) return StatusCode(StatusCodes.Status403Forbidden);
        var target = index + by;
        if (index >= 0 && index < Input.Items.Count && target >= 0 && target < Input.Items.Count)
        {
            (Input.Items[index], Input.Items[target]) = (Input.Items[target], Input.Items[index]);
        }
        // The fields are re-rendered from the reordered input, not from the posted values held in ModelState.
        ModelState.Clear();
        Names = template.Items.ToDictionary(i => i.Id, i => i.Exercise!.Name);
        ViewData["Unsaved"] = true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var template = await LoadAsync(tracked: true, ct);
        if (template is null) return NotFound();
        if (!TemplateAccess.CanEdit(User, template.ClinicId, template.OwnerId)) return StatusCode(StatusCodes.Status403Forbidden);
        Names = template.Items.ToDictionary(i => i.Id, i => i.Exercise!.Name);

        var existing = template.Items.ToDictionary(i => i.Id);
        var posted = Input.Items.Select(i => i.Id).ToList();
        if (posted.Count != existing.Count || posted.Distinct().Count() != posted.Count || !posted.All(existing.ContainsKey))
        {
            ModelState.AddModelError("", ChangedMessage);
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Input.Title) && ModelState.GetFieldValidationState("Input.Title") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid) ModelState.AddModelError("Input.Title", "Give the template a title.");
        for (var n = 0; n < Input.Items.Count; n++)
        {
            var item = Input.Items[n];
            if (item.Remove) continue;
            DoseForm.Validate(ModelState, $"Input.Items[{n}].", item.ToDose());
        }
        if (Input.Items.All(i => i.Remove)) ModelState.AddModelError("", "A template needs at least one exercise. Delete the template instead.");
        if (!ModelState.IsValid) return Page();

        db.Entry(template).Property(t => t.Version).OriginalValue = Input.Version;
        template.Title = Input.Title!.Trim();
        template.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        template.Instructions = string.IsNullOrWhiteSpace(Input.Instructions) ? null : Input.Instructions.Trim();
        var position = 0;
        foreach (var item in Input.Items)
        {
            if (item.Remove)
            {
                db.Remove(existing[item.Id]);
                continue;
            }
            existing[item.Id].Position = position++;
            existing[item.Id].Dose = item.ToDose();
        }
        // Item rows change on their own; marking the template modified bumps its row version so concurrent edits are caught.
        db.Entry(template).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", ChangedMessage);
            return Page();
        }
        TempData["Success"] = "Template saved. Programs made from it earlier are unchanged.";
        return RedirectToPage("Details", new { id = Id });
    }

    private Task<Template?> LoadAsync(bool tracked, CancellationToken ct)
    {
        var query = db.Templates.VisibleTo(User).Include(t => t.Items).ThenInclude(i => i.Exercise).Where(t => t.Id == Id);
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
    }
}
