using HepBuilder.Clinical.Audit;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>The clinic's programs, most recently changed first, so unfinished drafts are easy to get back to.</summary>
public sealed class IndexModel(HepDbContext db, AuditLog audit) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(Guid Id, string Title, Guid PatientId, string PatientName, bool HasDraft, int? LatestNumber,
        DateTimeOffset LastChange);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;

    /// <summary>Only programs with a draft waiting to be issued.</summary>
    public bool DraftsOnly { get; private set; }

    public async Task OnGetAsync(int p = 1, bool drafts = false, CancellationToken ct = default)
    {
        DraftsOnly = drafts;
        var query = db.Programs.AsNoTracking();
        if (drafts) query = query.Where(x => x.Versions.Any(v => v.State == VersionState.Draft));
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(p, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await query
            .OrderByDescending(x => x.Versions.Max(v => (DateTimeOffset?)v.ModifiedAt) ?? x.ModifiedAt).ThenBy(x => x.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(x => new Row(x.Id, x.Title, x.PatientId, x.Patient!.FirstName + " " + x.Patient.LastName,
                x.Versions.Any(v => v.State == VersionState.Draft), x.Versions.Max(v => v.Number),
                x.Versions.Max(v => (DateTimeOffset?)v.ModifiedAt) ?? x.ModifiedAt))
            .ToListAsync(ct);
        // The list names each program's patient.
        if (Rows.Count > 0)
        {
            audit.Record(AuditActions.PatientListed, nameof(Patient), null,
                new { view = "programs", page = PageNumber, patients = Rows.Select(r => r.PatientId).Distinct() });
            await audit.SaveAsync(ct);
        }
    }
}
