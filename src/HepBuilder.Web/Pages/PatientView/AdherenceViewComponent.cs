using HepBuilder.Web.Infrastructure.Tenancy;
using HepBuilder.Clinical.Adherence;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.PatientView;

/// <summary>One exercise's sessions ticked per day, and its totals since the program was issued.</summary>
public sealed record AdherenceRow(string Name, int TimesPerDay, IReadOnlyDictionary<DateOnly, int> Sessions, int Done, int Due, int Percent);

/// <summary>One program's last four weeks as the patient logged them (never days before it was issued), for the clinician.</summary>
public sealed record AdherenceProgram(Guid ProgramId, string Title, bool Issued, bool ShowLinkControls, LinkStatus? Link,
    IReadOnlyList<DateOnly> Days, IReadOnlyList<AdherenceRow> Rows, IReadOnlyList<PainPoint> Pain, int DaysLogged,
    DateOnly? LastEntry, DateOnly? LastCommentDay, string? LastComment);

/// <summary>
/// The adherence view on the patient page (every program of the patient) and the program page (that program, with its
/// link). Reads go through the tenant filter: another clinic's ids find nothing.
/// </summary>
public sealed class AdherenceViewComponent(HepDbContext db, PatientLinks links, TimeProvider clock) : ViewComponent
{
    public const int Weeks = 4;

    public async Task<IViewComponentResult> InvokeAsync(Guid? patientId = null, Guid? programId = null)
    {
        var ct = HttpContext.RequestAborted;
        var today = clock.TodayFor(UserClaimsPrincipal);
        var from = today.AddDays(-(Weeks * 7 - 1));
        var programs = await db.Programs.AsNoTracking()
            .Where(p => programId != null ? p.Id == programId : p.PatientId == patientId)
            .OrderByDescending(p => p.ModifiedAt)
            .Select(p => new
            {
                p.Id, p.Title,
                Items = p.Versions.Where(v => v.State == VersionState.Issued)
                    .Select(v => v.Items.OrderBy(i => i.Position)
                        .Select(i => new { i.ExerciseId, i.FrozenName, i.Dose.TimesPerDay, i.Dose.DaysPerWeek }).ToList()).FirstOrDefault(),
                FirstIssued = p.Versions.Min(v => v.IssuedAt),
            })
            .ToListAsync(ct);
        var ids = programs.Select(p => p.Id).ToList();
        var entries = await db.PatientLogEntries.AsNoTracking().Where(e => ids.Contains(e.ProgramId) && e.Day >= from)
            .Select(e => new { e.ProgramId, e.Day, e.DoneExerciseIds, e.Pain }).ToListAsync(ct);
        var latest = await db.PatientLogEntries.AsNoTracking().Where(e => ids.Contains(e.ProgramId))
            .GroupBy(e => e.ProgramId)
            .Select(g => new
            {
                g.Key,
                Last = g.Max(e => e.Day),
                Comment = g.Where(e => e.Comment != null).OrderByDescending(e => e.Day).Select(e => new { e.Day, e.Comment }).FirstOrDefault(),
            })
            .ToDictionaryAsync(x => x.Key, ct);

        var model = new List<AdherenceProgram>();
        foreach (var p in programs.Where(p => programId is not null || p.Items is not null))
        {
            var mine = entries.Where(e => e.ProgramId == p.Id).ToList();
            // Counted from the day it was first issued: a program issued today has one day, not 28.
            var issuedOn = p.FirstIssued is { } at ? ClinicDay.DateOf(at, UserClaimsPrincipal) : today;
            var items = p.Items ?? [];
            var summary = AdherenceRules.Summarize(issuedOn, today, Weeks * 7,
                items.Select(i => new AdherenceRules.Exercise(i.FrozenName ?? "", i.TimesPerDay, i.DaysPerWeek,
                    mine.ToDictionary(e => e.Day, e => e.DoneExerciseIds.Count(x => x == i.ExerciseId)))).ToList(),
                mine.Select(e => e.Day));
            var days = Enumerable.Range(0, summary.Days).Select(summary.From.AddDays).ToList();
            var rows = items.Zip(summary.Exercises, (i, a) => new AdherenceRow(a.Name, a.TimesPerDay,
                mine.Where(e => e.Day >= summary.From).ToDictionary(e => e.Day, e => e.DoneExerciseIds.Count(x => x == i.ExerciseId)),
                a.Done, a.Due, a.Percent)).ToList();
            var pain = mine.Where(e => e.Pain is not null && e.Day >= summary.From).OrderBy(e => e.Day).Select(e => new PainPoint(e.Day, e.Pain!.Value)).ToList();
            latest.TryGetValue(p.Id, out var last);
            var link = programId is null ? null : await links.StatusAsync(p.Id, ct);
            model.Add(new AdherenceProgram(p.Id, p.Title, p.Items is not null, programId is not null, link, days, rows, pain,
                summary.DaysLogged, last?.Last, last?.Comment?.Day, last?.Comment?.Comment));
        }
        return View("/Pages/PatientView/_Adherence.cshtml", model);
    }
}
