using HepBuilder.Clinical.Audit;
using HepBuilder.Web.Infrastructure.Tenancy;
using HepBuilder.Data;
using HepBuilder.Web.Infrastructure.Audit;
using HepBuilder.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>
/// The stored PDF of an issued version, byte for byte as it was issued. It carries the patient's name and the live QR
/// token, so nothing may keep a copy (no-store): every view comes here and is audited as a download of patient data.
/// </summary>
[EnableRateLimiting(RateLimits.Handout)]
public sealed class HandoutPdfModel(HepDbContext db, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, int n, CancellationToken ct)
    {
        var version = await db.ProgramVersions.AsNoTracking()
            .Where(v => v.ProgramId == id && v.Number == n && v.HandoutPdf != null)
            .Select(v => new { v.HandoutPdf, v.HandoutSha256, v.IssuedAt, v.Program!.PatientId, v.Program.Patient!.LastName })
            .SingleOrDefaultAsync(ct);
        if (version is null) return NotFound();

        audit.Record(AuditActions.HandoutDownloaded, ProgramLifecycle.EntityType, id.ToString(), new { version = n, sha256 = version.HandoutSha256 },
            version.PatientId);
        await db.SaveChangesAsync(ct);

        var issuedOn = ClinicDay.DateOf(version.IssuedAt!.Value, User);
        HandoutFile.Inline(Response, HandoutFile.Name(version.LastName, $"v{n}", issuedOn));
        Response.Headers.CacheControl = "no-store";
        return new FileContentResult(version.HandoutPdf!, "application/pdf")
        {
            EntityTag = new EntityTagHeaderValue($"\"{version.HandoutSha256}\""),
        };
    }
}
