using HepBuilder.Clinical.Audit;
using HepBuilder.Data;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HepBuilder.Web.Pages.Admin.Audit;

/// <summary>Checks the clinic's audit hash chain end to end and shows the head hash to write down for a later check.</summary>
public sealed class VerifyModel(HepDbContext db, AuditLog audit) : PageModel
{
    public ChainReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Report = (await AuditChain.VerifyAsync(db, db.CurrentClinicId, ct)).SingleOrDefault();
        audit.Record(AuditActions.AuditVerified, "AuditTrail", null,
            new { rows = Report?.Rows ?? 0, intact = Report?.Intact ?? true, brokenAt = Report?.BrokenAt, head = Report?.HeadHash });
        await audit.SaveAsync(ct);
    }
}
