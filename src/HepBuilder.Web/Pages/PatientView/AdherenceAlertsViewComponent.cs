using HepBuilder.Web.Infrastructure.Tenancy;
using HepBuilder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.PatientView;

public sealed record AdherenceAlert(Guid PatientId, Guid ProgramId, string PatientName, string ProgramTitle, string Detail);

public sealed record AdherenceAlerts(IReadOnlyList<AdherenceAlert> NotLogging, IReadOnlyList<AdherenceAlert> PainUp);

/// <summary>
/// The home page's follow-up lists, over the clinic's programs with a live patient link: nothing logged for 7 days or
/// more (or never, once the link is a week old), and pain up by 2 points or more — this week's average against the
/// week before's.
/// </summary>
public sealed class AdherenceAlertsViewComponent(HepDbContext db, TimeProvider clock, Infrastructure.Audit.ListedPatients listed) : ViewComponent
{
    public const int QuietDays = 7;
    public const double PainRise = 2;
    private const int Shown = 8;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var now = clock.GetUtcNow();
        var today = clock.TodayFor(UserClaimsPrincipal);
        var weekAgo = now.AddDays(-QuietDays);
        var links = await db.PatientLinks.AsNoTracking()
            .Where(l => l.RevokedAt == null && l.ExpiresAt > now)
            .Select(l => new
            {
                l.ProgramId, l.PatientId, l.CreatedAt, l.Program!.Title, l.Program.Patient!.FirstName, l.Program.Patient.LastName,
                l.Program.Patient.IsArchived,
                Last = db.PatientLogEntries.Where(e => e.ProgramId == l.ProgramId).Max(e => (DateOnly?)e.Day),
            })
            .Where(l => !l.IsArchived)
            .ToListAsync(ct);
        var ids = links.Select(l => l.ProgramId).ToList();
        var since = today.AddDays(-13);
        var pain = await db.PatientLogEntries.AsNoTracking()
            .Where(e => ids.Contains(e.ProgramId) && e.Day >= since && e.Pain != null)
            .Select(e => new { e.ProgramId, e.Day, Pain = e.Pain!.Value })
            .ToListAsync(ct);

        var quiet = links
            .Where(l => l.Last is { } last ? last <= today.AddDays(-QuietDays) : l.CreatedAt <= weekAgo)
            .OrderBy(l => l.Last ?? DateOnly.MinValue)
            .Select(l => new AdherenceAlert(l.PatientId, l.ProgramId, $"{l.FirstName} {l.LastName}", l.Title,
                l.Last is { } last ? $"last entry {today.DayNumber - last.DayNumber} days ago" : "nothing logged yet"))
            .Take(Shown).ToList();
        var rising = links
            .Select(l =>
            {
                var mine = pain.Where(p => p.ProgramId == l.ProgramId).ToList();
                var thisWeek = mine.Where(p => p.Day > today.AddDays(-7)).Select(p => p.Pain).ToList();
                var lastWeek = mine.Where(p => p.Day <= today.AddDays(-7)).Select(p => p.Pain).ToList();
                return (Link: l, Before: lastWeek.Count == 0 ? (double?)null : lastWeek.Average(),
                    After: thisWeek.Count == 0 ? (double?)null : thisWeek.Average());
            })
            .Where(x => x.After - x.Before >= PainRise)
            .OrderByDescending(x => x.After - x.Before)
            .Select(x => new AdherenceAlert(x.Link.PatientId, x.Link.ProgramId, $"{x.Link.FirstName} {x.Link.LastName}", x.Link.Title,
                $"pain {x.Before:0.#} → {x.After:0.#} (weekly average)"))
            .Take(Shown).ToList();
        listed.Patients(quiet.Concat(rising).Select(a => a.PatientId));
        return View("/Pages/PatientView/_AdherenceAlerts.cshtml", new AdherenceAlerts(quiet, rising));
    }
}
