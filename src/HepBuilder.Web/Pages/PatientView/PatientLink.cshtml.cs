using HepBuilder.Data;
using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.PatientView;

/// <summary>Revoke a program's patient link, or make a new one; both answer with the program page.</summary>
public sealed class PatientLinkModel(HepDbContext db, PatientLinks links) : PageModel
{
    /// <summary>Nothing to show here: the link lives on the program page (another clinic's program is not found).</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await PatientOfAsync(id, ct) is null ? NotFound() : Redirect($"/Programs/{id}");

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (await PatientOfAsync(id, ct) is not { } patientId) return NotFound();
        TempData["Success"] = await links.RevokeAsync(id, patientId, ct)
            ? "Link revoked. The QR code on this program's handouts now says the link is no longer active."
            : "There was no active link to revoke.";
        return Redirect($"/Programs/{id}");
    }

    public async Task<IActionResult> OnPostNewAsync(Guid id, CancellationToken ct)
    {
        if (await PatientOfAsync(id, ct) is not { } patientId) return NotFound();
        var issued = await db.ProgramVersions.AnyAsync(v => v.ProgramId == id && v.State == VersionState.Issued, ct);
        TempData["Success"] = !issued ? "Issue the program first: the link shows its current issued version."
            : await links.CreateOnDemandAsync(id, patientId, ct)
                ? "New link created. Give it to the patient, or issue a new version to print it as the QR code."
                : "The program already has an active link.";
        return Redirect($"/Programs/{id}");
    }

    /// <summary>The program's patient, through the tenant filter: another clinic's program is not found.</summary>
    private async Task<Guid?> PatientOfAsync(Guid id, CancellationToken ct) =>
        await db.Programs.AsNoTracking().Where(p => p.Id == id).Select(p => (Guid?)p.PatientId).SingleOrDefaultAsync(ct);
}
