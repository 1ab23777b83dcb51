using System.ComponentModel.DataAnnotations;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Templates;

/// <summary>Save a program version (draft or issued) as a template: /Templates/New?fromVersionId=….</summary>
public sealed class NewModel(HepDbContext db, TemplateItems templates) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid FromVersionId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Source Version { get; private set; } = null!;

    public sealed record Source(Guid ProgramId, string Title, int? Number, int Items);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Give the template a title."), StringLength(120, ErrorMessage = "The title must be at most 120 characters.")]
        [Display(Name = "Title")]
        public string? Title { get; set; }

        [StringLength(500, ErrorMessage = "The description must be at most 500 characters.")]
        [Display(Name = "Description (optional)")]
        public string? Description { get; set; }

        public bool ClinicWide { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input.Title = Version.Title;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Input.ClinicWide && !User.IsInRole(Roles.Admin))
        {
            ModelState.AddModelError("Input.ClinicWide", "Only an Admin can save a template for the whole clinic. Save it as personal.");
        }
        if (string.IsNullOrWhiteSpace(Input.Title) && ModelState.GetFieldValidationState("Input.Title") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Input.Title", "Give the template a title.");
        }
        if (Version.Items == 0) ModelState.AddModelError("", "This program version has no exercises to save.");
        if (!ModelState.IsValid) return Page();

        var id = await templates.SaveFromVersionAsync(FromVersionId, Input.Title!, Input.Description, Input.ClinicWide, User.UserId()!, ct);
        TempData["Success"] = "Saved as a template. Editing it never changes the program it came from.";
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        // The tenant filter hides other clinics' versions, so a foreign id is simply not found.
        var source = await db.ProgramVersions.AsNoTracking().Where(v => v.Id == FromVersionId)
            .Select(v => new Source(v.ProgramId, v.Title, v.Number, v.Items.Count))
            .SingleOrDefaultAsync(ct);
        if (source is null) return false;
        Version = source;
        return true;
    }
}
