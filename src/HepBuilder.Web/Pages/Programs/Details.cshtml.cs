using HepBuilder.Clinical.Audit;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>The program page: its draft, every version with who issued it, and what changed from one to the next.</summary>
public sealed class DetailsModel(HepDbContext db, ProgramLifecycle lifecycle, AuditLog audit, TimeProvider clock) : PageModel
{
    public Guid ProgramId { get; private set; }
    public string Title { get; private set; } = "";
    public Guid PatientId { get; private set; }
    public string PatientName { get; private set; } = "";
    public VersionRow? Draft { get; private set; }
    public IReadOnlyList<ProgramChange> DraftChanges { get; private set; } = [];

    /// <summary>Issued versions, newest first, each with its changes from the one before.</summary>
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    public sealed record OverrideRow(string Exercise, string Conflict, string Reason, string By, DateTimeOffset At);

    public sealed record VersionRow(Guid Id, int? Number, VersionState State, string Title, DateTimeOffset? IssuedAt, string? IssuedBy,
        string? Sha256, int Items, IReadOnlyList<ProgramChange> Changes, IReadOnlyList<OverrideRow> Overrides, DateTimeOffset ModifiedAt);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Title, p.PatientId, p.Patient!.FirstName, p.Patient.LastName })
            .SingleOrDefaultAsync(ct);
        if (program is null) return NotFound();
        (ProgramId, Title, PatientId, PatientName) = (program.Id, program.Title, program.PatientId, $"{program.FirstName} {program.LastName}");

        // Everything but the PDF bytes, which can be large and are served by their own URL.
        var versions = await db.ProgramVersions.AsNoTracking().Where(v => v.ProgramId == id)
            .Select(v => new ProgramVersion
            {
                Id = v.Id, ProgramId = v.ProgramId, Number = v.Number, State = v.State, Title = v.Title, Instructions = v.Instructions,
                StartDate = v.StartDate, PaperSize = v.PaperSize, LargePrint = v.LargePrint, ShowPictures = v.ShowPictures,
                IssuedAt = v.IssuedAt, IssuedByName = v.IssuedByName, HandoutSha256 = v.HandoutSha256, ModifiedAt = v.ModifiedAt,
                Items = v.Items.OrderBy(i => i.Position).ToList(),
            })
            .ToListAsync(ct);
        var draftIds = versions.Where(v => v.State == VersionState.Draft).SelectMany(v => v.Items).Select(i => i.ExerciseId).Distinct().ToList();
        var currentNames = await db.Exercises.AsNoTracking().Where(e => draftIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var userIds = versions.SelectMany(v => v.Items).SelectMany(i => i.Overrides).Select(o => o.ById).OfType<string>().Distinct().ToList();
        var clinicId = db.CurrentClinicId;
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.ClinicId == clinicId)
            .ToDictionaryAsync(u => u.Id, u => u.FullName, ct);

        string Name(ProgramItem i) => i.FrozenName ?? currentNames.GetValueOrDefault(i.ExerciseId, "(unknown exercise)");
        VersionRow Row(ProgramVersion v, IReadOnlyList<ProgramChange> changes) => new(v.Id, v.Number, v.State, v.Title, v.IssuedAt, v.IssuedByName,
            v.HandoutSha256, v.Items.Count, changes,
            v.Items.SelectMany(i => i.Overrides.Select(o => new OverrideRow(Name(i), o.Conflict, o.Reason,
                o.ById is null ? "" : users.GetValueOrDefault(o.ById, ""), o.At))).ToList(),
            v.ModifiedAt);

        var issued = versions.Where(v => v.Number is not null).OrderBy(v => v.Number).ToList();
        var rows = new List<VersionRow>();
        for (var k = 0; k < issued.Count; k++)
        {
            rows.Add(Row(issued[k], k == 0 ? [] : ProgramDiff.Compare(
                ProgramLifecycle.Snapshot(issued[k - 1], Name), ProgramLifecycle.Snapshot(issued[k], Name))));
        }
        Versions = Enumerable.Reverse(rows).ToList();
        if (versions.FirstOrDefault(v => v.State == VersionState.Draft) is { } draft)
        {
            DraftChanges = issued.Count == 0 ? [] : ProgramDiff.Compare(
                ProgramLifecycle.Snapshot(issued[^1], Name), ProgramLifecycle.Snapshot(draft, Name));
            Draft = Row(draft, DraftChanges);
        }

        audit.Record(AuditActions.ProgramViewed, ProgramLifecycle.EntityType, id.ToString(), null, PatientId);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReviseAsync(Guid id, CancellationToken ct)
    {
        var context = await lifecycle.LoadAsync(id, ct);
        if (context is null) return NotFound();
        if (!await lifecycle.ReviseAsync(context, Actor.Of(User, clock), ct))
        {
            TempData["Success"] = "There is no issued version to revise yet.";
            return RedirectToPage(new { id });
        }
        return RedirectToPage("Edit", new { id });
    }
}
