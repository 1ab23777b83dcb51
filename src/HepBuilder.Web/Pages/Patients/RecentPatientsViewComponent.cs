using HepBuilder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Patients;

/// <summary>The home page's "Recent patients" card: the clinic's five most recently changed patients, not archived.</summary>
public sealed class RecentPatientsViewComponent(HepDbContext db, Infrastructure.Audit.ListedPatients listed) : ViewComponent
{
    public const int Count = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var rows = await db.Patients.AsNoTracking()
            .Where(p => !p.IsArchived)
            .OrderByDescending(p => p.ModifiedAt)
            .Take(Count)
            .Select(p => new RecentPatient(p.Id, p.FirstName + " " + p.LastName, p.DateOfBirth))
            .ToListAsync(ct);
        listed.Patients(rows.Select(r => r.Id));
        return View("/Pages/Patients/_RecentPatients.cshtml", rows);
    }
}

public sealed record RecentPatient(Guid Id, string Name, DateOnly DateOfBirth);
