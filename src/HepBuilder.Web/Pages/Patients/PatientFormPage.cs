using HepBuilder.Web.Infrastructure.Tenancy;
using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace HepBuilder.Web.Pages.Patients;

/// <summary>What New and Edit share: the bound form, and the "add another precaution" post-back that works without JavaScript.</summary>
public abstract class PatientFormPage(TimeProvider clock) : PageModel
{
    [BindProperty]
    public PatientInput Input { get; set; } = new();

    public static IReadOnlyList<SelectListItem> KindOptions { get; } =
        Enum.GetValues<PrecautionKind>().Select(k => new SelectListItem(PrecautionWording.KindLabel(k), k.ToString())).ToList();

    /// <summary>Today for date checks. UTC: a clinic's evening may already be tomorrow there, never the other way round.</summary>
    protected DateOnly Today => clock.TodayFor(User);

    /// <summary>Whether the record the form edits is there for this clinic (the handler answers 404 otherwise).</summary>
    protected virtual Task<bool> FormTargetExistsAsync(CancellationToken ct) => Task.FromResult(true);

    /// <summary>Re-shows the form with one more blank precaution row; nothing is saved.</summary>
    public async Task<IActionResult> OnPostAddPrecautionAsync(CancellationToken ct)
    {
        if (!await FormTargetExistsAsync(ct)) return NotFound();
        // The rows are rebuilt from the posted values, so the posted copies in ModelState must not override them.
        ModelState.Clear();
        Input.Precautions.RemoveAll(r => r.Remove);
        Input.AddBlankRows(1);
        return Page();
    }
}
