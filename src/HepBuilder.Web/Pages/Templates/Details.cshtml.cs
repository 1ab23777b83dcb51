using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Templates;

public sealed class DetailsModel(HepDbContext db) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public View Template { get; private set; } = null!;

    public sealed record View(Guid Id, string Title, string? Description, string? Instructions, Guid? ClinicId, string? OwnerId,
        IReadOnlyList<ItemView> Items)
    {
        public string Scope => TemplateAccess.Scope(ClinicId, OwnerId);
    }

    public sealed record ItemView(string ExerciseName, bool Archived, Dose Dose);

    public bool CanEdit => TemplateAccess.CanEdit(User, Template.ClinicId, Template.OwnerId);
    public bool CanShare => TemplateAccess.CanShare(User, Template.ClinicId, Template.OwnerId);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var view = await db.Templates.AsNoTracking().VisibleTo(User).Where(t => t.Id == Id)
            .Select(t => new View(t.Id, t.Title, t.Description, t.Instructions, t.ClinicId, t.OwnerId,
                t.Items.OrderBy(i => i.Position)
                    .Select(i => new ItemView(i.Exercise!.Name, i.Exercise.Status == ExerciseStatus.Archived, i.Dose)).ToList()))
            .SingleOrDefaultAsync(ct);
        if (view is null) return NotFound();
        Template = view;
        return Page();
    }

    /// <summary>
    /// Copies any visible template into the clinic: clinic-wide when an Admin copies, personal otherwise. Archived
    /// exercises are left out of the copy; the copy starts with the original's title plus "(copy)".
    /// </summary>
    public async Task<IActionResult> OnPostCopyAsync(CancellationToken ct)
    {
        var source = await db.Templates.AsNoTracking().VisibleTo(User).Include(t => t.Items).ThenInclude(i => i.Exercise)
            .SingleOrDefaultAsync(t => t.Id == Id, ct);
        if (source is null) return NotFound();
        var title = source.Title + " (copy)";
        var copy = new Template
        {
            ClinicId = db.CurrentClinicId,
            OwnerId = User.IsInRole(Roles.Admin) ? null : User.UserId(),
            Title = title.Length > 120 ? title[..120] : title,
            Description = source.Description,
            Instructions = source.Instructions,
            Items = source.Items.Where(i => i.Exercise is { Status: ExerciseStatus.Active }).OrderBy(i => i.Position)
                .Select((i, n) => new TemplateItem { Position = n, ExerciseId = i.ExerciseId, Dose = i.Dose.Copy() }).ToList(),
        };
        db.Templates.Add(copy);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = copy.OwnerId is null
            ? "Copied to your clinic's templates. You can change this copy."
            : "Copied to your personal templates. You can change this copy.";
        return RedirectToPage("Edit", new { id = copy.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var template = await db.Templates.VisibleTo(User).SingleOrDefaultAsync(t => t.Id == Id, ct);
        if (template is null) return NotFound();
        if (!TemplateAccess.CanEdit(User, template.ClinicId, template.OwnerId)) return StatusCode(StatusCodes.Status403Forbidden);
        db.Templates.Remove(template);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"The template “{template.Title}” was deleted. Programs made from it are unchanged.";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostShareAsync(CancellationToken ct)
    {
        var template = await db.Templates.VisibleTo(User).SingleOrDefaultAsync(t => t.Id == Id, ct);
        if (template is null) return NotFound();
        if (!TemplateAccess.CanShare(User, template.ClinicId, template.OwnerId)) return StatusCode(StatusCodes.Status403Forbidden);
        template.OwnerId = null;
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Shared with the whole clinic.";
        return RedirectToPage("Details", new { id = Id });
    }
}
