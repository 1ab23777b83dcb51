using System.Globalization;
using System.Security.Claims;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Auth;
using HepBuilder.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Programs;

public sealed record DashboardDraft(Guid ProgramId, string Title, string PatientName, DateTimeOffset EditedAt, int Exercises);

public sealed record DashboardIssued(Guid ProgramId, string Title, string PatientName, int Number, DateTimeOffset IssuedAt);

/// <summary>
/// The home page's "Drafts in progress" card: drafts of the programs this clinician started, newest edit first.
/// "Own" means the program's creator, the one owner a program records; a colleague's revision of it shows here too.
/// </summary>
public sealed class DraftsInProgressViewComponent(HepDbContext db, Infrastructure.Audit.ListedPatients listed) : ViewComponent
{
    public const int Count = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.UserId();
        var rows = await db.ProgramVersions.AsNoTracking()
            .Where(v => v.State == VersionState.Draft && v.Program!.CreatedById == userId && !v.Program.Patient!.IsArchived)
            .OrderByDescending(v => v.ModifiedAt)
            .Take(Count)
            .Select(v => new DashboardDraft(v.ProgramId, v.Title, v.Program!.Patient!.FirstName + " " + v.Program.Patient.LastName,
                v.ModifiedAt, v.Items.Count))
            .ToListAsync(HttpContext.RequestAborted);
        listed.Programs(rows.Select(r => r.ProgramId));
        return View("/Pages/Programs/_DraftsInProgress.cshtml", rows);
    }
}

/// <summary>The home page's "Recently issued" card: the clinic's versions issued in the last <see cref="Days"/> days, newest first.</summary>
public sealed class RecentlyIssuedViewComponent(HepDbContext db, TimeProvider clock, Infrastructure.Audit.ListedPatients listed) : ViewComponent
{
    public const int Count = 5;
    public const int Days = 14;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var since = clock.GetUtcNow().AddDays(-Days);
        var rows = await db.ProgramVersions.AsNoTracking()
            .Where(v => v.State != VersionState.Draft && v.IssuedAt >= since && !v.Program!.Patient!.IsArchived)
            .OrderByDescending(v => v.IssuedAt)
            .Take(Count)
            .Select(v => new DashboardIssued(v.ProgramId, v.Title, v.Program!.Patient!.FirstName + " " + v.Program.Patient.LastName,
                v.Number!.Value, v.IssuedAt!.Value))
            .ToListAsync(HttpContext.RequestAborted);
        listed.Programs(rows.Select(r => r.ProgramId));
        return View("/Pages/Programs/_RecentlyIssued.cshtml", rows);
    }
}

/// <summary>Times on the dashboard as the clinic reads them: "today, 14:05", "yesterday, 09:30", "3 Nov".</summary>
public static class DashboardTime
{
    public static string Describe(DateTimeOffset at, DateTimeOffset now, ClaimsPrincipal user)
    {
        var zone = ClinicDay.Zone(user.FindFirstValue(ClinicDay.ClaimType));
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var days = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).DayNumber - DateOnly.FromDateTime(local.DateTime).DayNumber;
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return days switch
        {
            0 => $"today, {time}",
            1 => $"yesterday, {time}",
            _ when local.Year == TimeZoneInfo.ConvertTime(now, zone).Year => local.ToString("d MMM", CultureInfo.InvariantCulture),
            _ => local.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        };
    }
}
