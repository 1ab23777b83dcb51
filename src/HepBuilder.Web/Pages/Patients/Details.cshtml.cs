using HepBuilder.Clinical.Audit;
using HepBuilder.Web.Infrastructure.Tenancy;
using System.Text.Json;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Patients;

public sealed class DetailsModel(HepDbContext db, AuditLog audit, TimeProvider clock, PatientView.PatientLinks links) : PageModel
{
    public const int HistoryShown = 50;

    [FromRoute]
    public Guid Id { get; set; }

    public Patient Patient { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public IReadOnlyList<ProgramRow> Programs { get; private set; } = [];
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public int ViewCount { get; private set; }

    public sealed record ProgramRow(Guid Id, string Title, int? LatestNumber, DateTimeOffset? LastIssuedAt, string? LastIssuedBy,
        bool HasDraft, DateTimeOffset ModifiedAt);

    public sealed record HistoryRow(DateTimeOffset At, string? UserName, string Action, IReadOnlyList<FieldChange> Changes, int Times = 1)
    {
        public string Label => ActionText(Action) + (Times > 1 ? $" ({Times} times)" : "");
    }

    /// <summary>Looking is audited but is not a change: the history leaves these out (the audit trail keeps them).</summary>
    private static readonly string[] Looks = [Viewed, AuditActions.ProgramViewed, AuditActions.ProgramDraftPreviewed];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().Include(p => p.Precautions).SingleOrDefaultAsync(p => p.Id == Id, ct);
        if (patient is null) return NotFound();
        Patient = patient;
        Today = clock.TodayFor(User);

        Programs = await db.Programs.AsNoTracking()
            .Where(p => p.PatientId == Id)
            .OrderByDescending(p => p.ModifiedAt)
            .Select(p => new ProgramRow(
                p.Id,
                p.Title,
                p.Versions.Max(v => v.Number),
                p.Versions.Max(v => v.IssuedAt),
                p.Versions.Where(v => v.Number != null).OrderByDescending(v => v.Number).Select(v => v.IssuedByName).FirstOrDefault(),
                p.Versions.Any(v => v.State == VersionState.Draft),
                p.ModifiedAt))
            .ToListAsync(ct);

        var events = await db.AuditEvents.AsNoTracking()
            .Where(a => a.PatientId == Id && !Looks.Contains(a.Action))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(HistoryShown * 5)
            // People by name and credentials, as the program page shows them; the sign-in name only for a removed user.
            .Select(a => new
            {
                a.At,
                UserName = db.Users.Where(u => u.Id == a.UserId)
                    .Select(u => u.Credentials == null || u.Credentials == "" ? u.FullName : u.FullName + ", " + u.Credentials)
                    .FirstOrDefault() ?? a.UserName,
                a.Action,
                a.Details,
            })
            .ToListAsync(ct);
        History = Collapse(events.Select(e => new HistoryRow(e.At, e.UserName, e.Action, ReadChanges(e.Details)))).Take(HistoryShown).ToList();
        ViewCount = await db.AuditEvents.CountAsync(a => a.PatientId == Id && a.Action == Viewed, ct);

        // Every look at a patient's record is audited, in its own small write.
        audit.Record(Viewed, nameof(Data.Entities.Patient), Id.ToString(), null, Id);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public const string Viewed = AuditActions.PatientViewed;

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken ct) => SetArchivedAsync(true, ct);

    public Task<IActionResult> OnPostUnarchiveAsync(CancellationToken ct) => SetArchivedAsync(false, ct);

    private async Task<IActionResult> SetArchivedAsync(bool archived, CancellationToken ct)
    {
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == Id, ct);
        if (patient is null) return NotFound();
        if (patient.IsArchived != archived)
        {
            patient.IsArchived = archived;
            if (archived) await links.RevokeAllOfPatientAsync(Id, ct);
            audit.Record(archived ? AuditActions.PatientArchived : AuditActions.PatientUnarchived, nameof(Data.Entities.Patient), Id.ToString(), null, Id);
            await db.SaveChangesAsync(ct);
        }
        TempData["Success"] = archived
            ? $"{patient.FullName} was archived: hidden from the patient list, their program links locked, nothing deleted."
            : $"{patient.FullName} is back in the patient list.";
        return RedirectToPage("Details", new { id = Id });
    }

    /// <summary>Only a patient without any program may be deleted (a mistaken entry); everyone else is archived.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == Id, ct);
        if (patient is null) return NotFound();
        if (await db.Programs.AnyAsync(p => p.PatientId == Id, ct))
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }
        db.Patients.Remove(patient);
        audit.Record(AuditActions.PatientDeleted, nameof(Data.Entities.Patient), Id.ToString(),
            new { fields = PatientInput.Snapshot(patient) }, Id);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{patient.FullName} was deleted.";
        return RedirectToPage("Index");
    }

    public static string ActionText(string action) => action switch
    {
        AuditActions.PatientCreated => "Added the patient",
        AuditActions.PatientEdited => "Edited the patient",
        AuditActions.PatientArchived => "Archived the patient",
        AuditActions.PatientUnarchived => "Restored the patient from the archive",
        AuditActions.ProgramCreated => "Started a program",
        AuditActions.ProgramSaved => "Saved a program draft",
        AuditActions.ProgramIssued => "Issued a program version",
        AuditActions.ProgramRevised => "Started a revision of a program",
        AuditActions.ProgramPrecautionOverridden => "Overrode a precaution warning",
        AuditActions.HandoutDownloaded => "Downloaded a handout",
        "" => "",
        _ => char.ToUpperInvariant(action[0]) + action[1..].Replace('.', ' ').Replace('_', ' '),
    };

    /// <summary>
    /// Runs of the same action by the same person with no field changes (a draft autosaved every few seconds) become
    /// one line with a count, so they do not push everything else off the page.
    /// </summary>
    private static IEnumerable<HistoryRow> Collapse(IEnumerable<HistoryRow> rows)
    {
        HistoryRow? run = null;
        foreach (var row in rows)
        {
            if (run is not null && row.Changes.Count == 0 && run.Changes.Count == 0 && row.Action == run.Action && row.UserName == run.UserName)
            {
                run = run with { Times = run.Times + 1 };
                continue;
            }
            if (run is not null) yield return run;
            run = row;
        }
        if (run is not null) yield return run;
    }

    private static IReadOnlyList<FieldChange> ReadChanges(string? details)
    {
        if (details is null) return [];
        try
        {
            using var doc = JsonDocument.Parse(details);
            if (!doc.RootElement.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array) return [];
            return changes.EnumerateArray().Select(c => new FieldChange(
                c.TryGetProperty("Field", out var f) ? f.GetString() ?? "" : "",
                c.TryGetProperty("From", out var from) ? from.GetString() : null,
                c.TryGetProperty("To", out var to) ? to.GetString() : null)).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
