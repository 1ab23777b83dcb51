using HepBuilder.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages;

public sealed class IndexModel(HepDbContext db) : PageModel
{
    public string ClinicName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        ClinicName = await db.Clinics.AsNoTracking().Where(c => c.Id == db.CurrentClinicId)
            .Select(c => c.Name).SingleOrDefaultAsync(ct) ?? "";
    }
}
