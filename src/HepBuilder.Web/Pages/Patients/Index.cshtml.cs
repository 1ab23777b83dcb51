using HepBuilder.Web.Infrastructure.Tenancy;
using HepBuilder.Clinical.Audit;
using HepBuilder.Data;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Patients;

public sealed class IndexModel(HepDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "archived")]
    public bool ShowArchived { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PatientPage Result { get; private set; } = new([], 0, 1, PatientSearch.PageSize);

    /// <summary>Whether the clinic has any patient at all, to tell "no matches" from "nothing here yet".</summary>
    public bool ClinicHasPatients { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.TodayFor(User);
        Result = await PatientSearch.SearchAsync(db, Query, ShowArchived, PageNumber, today, ct);
        ClinicHasPatients = Result.Total > 0 || await db.Patients.AnyAsync(ct);
        if (Result.Rows.Count > 0)
        {
            // Which patients were listed, and for what search: the list shows names, dates of birth and diagnoses.
            audit.Record(AuditActions.PatientListed, nameof(Data.Entities.Patient), null,
                new { view = "patients", q = Query, page = Result.Page, patients = Result.Rows.Select(r => r.Id) });
            await audit.SaveAsync(ct);
        }
    }
}
