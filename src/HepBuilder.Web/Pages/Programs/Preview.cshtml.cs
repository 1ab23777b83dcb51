using HepBuilder.Clinical.Audit;
using HepBuilder.Data;
using HepBuilder.Handouts;
using HepBuilder.Web.Infrastructure.Audit;
using HepBuilder.Web.Infrastructure.Auth;
using HepBuilder.Web.Infrastructure.Tenancy;
using HepBuilder.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>The saved draft rendered as it would be issued, marked "DRAFT — not issued" on every page; never stored.</summary>
[EnableRateLimiting(RateLimits.Handout)]
public sealed class PreviewModel(HepDbContext db, ProgramLifecycle lifecycle, HandoutFactory handouts, AuditLog audit, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var context = await lifecycle.LoadAsync(id, ct);
        if (context?.Draft is null) return NotFound();
        var input = DraftInput.From(context.Draft);
        var exercises = await handouts.ExercisesAsync(input.Items.Select(i => i.ExerciseId), ct);
        var today = clock.TodayFor(User);
        var pdf = HandoutRenderer.RenderPdf(await handouts.DraftAsync(context, input.ToContent(), exercises, User.UserId()!, today, ct));

        audit.Record(AuditActions.ProgramDraftPreviewed, ProgramLifecycle.EntityType, id.ToString(), null, context.PatientId);
        await db.SaveChangesAsync(ct);

        HandoutFile.Inline(Response, HandoutFile.Name(context.PatientLastName, "draft", today));
        Response.Headers.CacheControl = "no-store";
        return File(pdf, "application/pdf");
    }
}
