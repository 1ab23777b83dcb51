using System.ComponentModel.DataAnnotations;
using HepBuilder.Data;
using HepBuilder.Web.Infrastructure.Auth;
using HepBuilder.Web.Pages.Templates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>Starts a program for a patient, empty or from a template, and opens the builder on its draft.</summary>
public sealed class NewModel(HepDbContext db, ProgramLifecycle lifecycle, TemplateItems templateItems, TimeProvider clock) : PageModel
{
    [BindProperty]
    public NewInput Input { get; set; } = new();

    public string PatientName { get; private set; } = "";
    public IReadOnlyList<TemplateOption> Templates { get; private set; } = [];

    public sealed record TemplateOption(Guid Id, string Title, int Items);

    public sealed class NewInput
    {
        public Guid PatientId { get; set; }

        [Display(Name = "Start from a template")]
        public Guid? TemplateId { get; set; }

        [Required(ErrorMessage = "Give the program a title.")]
        [StringLength(120, ErrorMessage = "The title must be at most 120 characters.")]
        [Display(Name = "Program title")]
        public string Title { get; set; } = ProgramLimits.DefaultTitle;
    }

    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid? templateId, CancellationToken ct)
    {
        Input.PatientId = patientId;
        Input.TemplateId = templateId;
        if (!await LoadAsync(ct)) return NotFound();
        if (templateId is { } t)
        {
            var template = Templates.FirstOrDefault(x => x.Id == t);
            if (template is null) return NotFound();
            Input.Title = template.Title;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Input.TemplateId is { } t && Templates.All(x => x.Id != t)) return NotFound();
        if (!ModelState.IsValid) return Page();

        var items = Input.TemplateId is { } templateId
            ? await templateItems.ForNewProgramAsync(templateId, ct) ?? []
            : [];
        if (items.Count > ProgramLimits.MaxItems)
        {
            ModelState.AddModelError("Input.TemplateId", $"That template has more than {ProgramLimits.MaxItems} exercises, the most a program can have.");
            return Page();
        }
        var id = await lifecycle.CreateAsync(Input.PatientId, Input.Title.Trim(), items, Input.TemplateId, Actor.Of(User, clock), ct);
        return RedirectToPage("Edit", new { id });
    }

    /// <summary>The patient (this clinic's, not archived) and the templates this clinician may start from.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == Input.PatientId && !p.IsArchived)
            .Select(p => new { p.FirstName, p.LastName }).SingleOrDefaultAsync(ct);
        if (patient is null) return false;
        PatientName = $"{patient.FirstName} {patient.LastName}";
        var userId = User.UserId();
        Templates = await db.Templates.AsNoTracking()
            .Where(t => t.OwnerId == null || t.OwnerId == userId)
            .OrderBy(t => t.Title)
            .Select(t => new TemplateOption(t.Id, t.Title, t.Items.Count))
            .ToListAsync(ct);
        return true;
    }
}
