using HepBuilder.Clinical.Audit;
using HepBuilder.Web.Infrastructure.Tenancy;
using System.ComponentModel.DataAnnotations;
using HepBuilder.Data;
using HepBuilder.Clinical.Safety;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using HepBuilder.Web.Infrastructure.Web;
using HepBuilder.Web.Pages.Programs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HepBuilder.Web.Pages.PatientView;

/// <summary>
/// The page behind the handout's QR code: public, no sign-in. It shows what the handout shows for the program's current
/// issued version and takes one entry per day (exercises done, pain 0–10, a short comment). Every query is reached
/// through the link the token names, never through the tenant filter (there is no signed-in clinic here).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PatientLink)]
public sealed class OpenModel(HepDbContext db, PatientLinks links, AuditLog audit, TimeProvider clock, ILogger<OpenModel> log) : PageModel
{
    /// <summary>Entries of the last this many days (today included back to today minus this) can still be changed.</summary>
    public const int CorrectionDays = 7;

    [BindProperty]
    public EntryInput Input { get; set; } = new();

    public string Token { get; private set; } = "";
    public bool Inactive { get; private set; }
    public string ClinicName { get; private set; } = "";
    public string? ClinicPhone { get; private set; }
    public string EmergencyNumber { get; private set; } = "";
    public IReadOnlyList<string> EmergencySigns { get; private set; } = [];
    public IReadOnlyList<string> CallUsSigns { get; private set; } = [];

    /// <summary>The patient's precautions that hold today, in everyday words.</summary>
    public IReadOnlyList<string> Precautions { get; private set; } = [];
    public string FirstName { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? Instructions { get; private set; }
    public int Number { get; private set; }

    /// <summary>Set when the scanned handout is an older version: the date the current one was issued.</summary>
    public DateOnly? UpdatedOn { get; private set; }

    /// <summary>The patient's day: UTC, because clinics have no time zone setting yet.</summary>
    public DateOnly Today { get; private set; }
    public IReadOnlyList<PatientExercise> Exercises { get; private set; } = [];
    public IReadOnlyList<LoggedDay> Log { get; private set; } = [];
    public bool Saved { get; private set; }

    public sealed class EntryInput
    {
        public DateOnly Day { get; set; }

        public List<Guid> Done { get; set; } = [];

        [Range(0, 10, ErrorMessage = "Choose a pain number from 0 to 10.")]
        public int? Pain { get; set; }

        [StringLength(PatientLogEntry.MaxCommentLength, ErrorMessage = "Please keep the note to 280 characters or fewer.")]
        public string? Comment { get; set; }
    }

    /// <summary>A saved day: sessions done (each exercise counted up to its times a day) of the sessions due that day.</summary>
    public sealed record LoggedDay(DateOnly Day, int Done, int Due, int? Pain, string? Comment, bool Editable);

    /// <summary>Sessions of one exercise ticked on the day being edited (one id per session in the posted list).</summary>
    public int SessionsDone(Guid exerciseId) => Input.Done.Count(x => x == exerciseId);

    public bool IsEditable(DateOnly day) => day <= Today && day >= Today.AddDays(-CorrectionDays);

    public async Task<IActionResult> OnGetAsync(string token, int? v, DateOnly? day, bool saved, CancellationToken ct)
    {
        var link = await ResolveAsync(token, ct);
        if (link is null) return NotFound();
        if (!link.Active) return InactivePage(link);
        if (!await LoadAsync(link, v, ct)) return NotFound();

        Saved = saved;
        var shown = day is { } d && IsEditable(d) ? d : Today;
        var entry = await db.PatientLogEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.ProgramId == link.ProgramId && e.ClinicId == link.ClinicId && e.Day == shown)
            .Select(e => new EntryInput { Day = e.Day, Done = e.DoneExerciseIds, Pain = e.Pain, Comment = e.Comment })
            .SingleOrDefaultAsync(ct);
        Input = entry ?? new EntryInput { Day = shown };
        audit.Record(AuditActions.PatientLinkOpened, PatientLinks.EntityType, link.Id.ToString(),
            new { link = link.HashPrefix, version = Number, scanned = v, day = shown }, link.PatientId, link.ClinicId);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var link = await ResolveAsync(token, ct);
        if (link is null) return NotFound();
        if (!link.Active) return InactivePage(link);
        var version = await db.ProgramVersions.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.ProgramId == link.ProgramId && x.ClinicId == link.ClinicId && x.State == VersionState.Issued)
            .Select(x => new { x.Id, x.Number, Sessions = x.Items.Select(i => new { i.ExerciseId, i.Dose.TimesPerDay }).ToList() })
            .SingleOrDefaultAsync(ct);
        if (version is null) return NotFound();

        Today = clock.TodayIn(link.ClinicTimeZone);
        if (!IsEditable(Input.Day))
        {
            ModelState.AddModelError("Input.Day", $"Only the last {CorrectionDays} days can be changed.");
        }
        var sessions = version.Sessions.GroupBy(x => x.ExerciseId).ToDictionary(g => g.Key, g => g.Sum(x => x.TimesPerDay));
        if (Input.Done.Any(id => !sessions.ContainsKey(id)))
        {
            ModelState.AddModelError("Input.Done", "That exercise is not in your current program. Reload the page and try again.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(link, null, ct);
            return Page();
        }

        var entry = await db.PatientLogEntries.IgnoreQueryFilters()
            .SingleOrDefaultAsync(e => e.ProgramId == link.ProgramId && e.ClinicId == link.ClinicId && e.Day == Input.Day, ct);
        if (entry is null)
        {
            entry = new PatientLogEntry { ClinicId = link.ClinicId, ProgramId = link.ProgramId, PatientId = link.PatientId, Day = Input.Day };
            db.PatientLogEntries.Add(entry);
        }
        // One id per session done, never more than the exercise has sessions in a day (a forged or doubled tick).
        var done = Input.Done.GroupBy(id => id).SelectMany(g => g.Take(sessions[g.Key])).ToList();
        var comment = string.IsNullOrWhiteSpace(Input.Comment) ? null : Input.Comment.Trim();
        var corrected = db.Entry(entry).State != EntityState.Added;
        entry.LinkId = link.Id;
        entry.VersionId = version.Id;
        entry.DoneExerciseIds = done;
        entry.Pain = Input.Pain;
        entry.Comment = comment;
        audit.Record(AuditActions.PatientLogSaved, "PatientLogEntry", entry.Id.ToString(),
            new { day = Input.Day, done = done.Count, of = sessions.Values.Sum(), pain = Input.Pain, comment = comment is not null,
                version = version.Number, corrected, link = link.HashPrefix },
            link.PatientId, link.ClinicId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException
            || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same day saved twice at once (two taps, two phones): the other save stands; show it.
            log.LogInformation("Patient log save raced for link {LinkHash}", link.HashPrefix);
        }
        return Redirect($"/p/{token}?day={Input.Day:yyyy-MM-dd}&saved=true#log");
    }

    /// <summary>Photos of the current version only: a hash that is not on this program's handout is not served.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(string token, string sha, CancellationToken ct)
    {
        var link = await ResolveAsync(token, ct);
        if (link is null || !link.Active) return NotFound();
        var pictures = await db.ProgramVersions.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.ProgramId == link.ProgramId && x.ClinicId == link.ClinicId && x.State == VersionState.Issued)
            .SelectMany(x => x.Items).ToListAsync(ct);
        if (!pictures.SelectMany(i => i.FrozenPictures).Any(p => p.ImageSha256 == sha)) return NotFound();
        var image = await db.StoredImages.AsNoTracking().Where(s => s.Sha256 == sha)
            .Select(s => new { s.Data, s.ContentType }).SingleOrDefaultAsync(ct);
        if (image is null) return NotFound();
        Response.Headers.CacheControl = "private, max-age=86400";
        return File(image.Data, image.ContentType);
    }

    private async Task<ResolvedLink?> ResolveAsync(string token, CancellationToken ct)
    {
        // Search engines must not keep this page, and its address is the patient's key: no referrer may carry it away.
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
        Token = token;
        var link = await links.ResolveAsync(token, ct);
        if (link is null)
        {
            log.LogInformation("Patient link not found ({TokenHash})", PatientLinks.HashPrefix(PatientLinks.Hash(token ?? "")));
        }
        return link;
    }

    private PageResult InactivePage(ResolvedLink link)
    {
        log.LogInformation("Inactive patient link used ({TokenHash})", link.HashPrefix);
        Inactive = true;
        (ClinicName, ClinicPhone) = (link.ClinicName, link.ClinicPhone);
        // 404 like any unknown link, but worded for the patient holding an old handout: whom to call.
        var page = Page();
        page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }

    private async Task<bool> LoadAsync(ResolvedLink link, int? scanned, CancellationToken ct)
    {
        Today = clock.TodayIn(link.ClinicTimeZone);
        var version = await db.ProgramVersions.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.ProgramId == link.ProgramId && x.ClinicId == link.ClinicId && x.State == VersionState.Issued)
            .Select(x => new ProgramVersion
            {
                Id = x.Id, Number = x.Number, Title = x.Title, Instructions = x.Instructions, IssuedAt = x.IssuedAt,
                ShowPictures = x.ShowPictures, Items = x.Items.OrderBy(i => i.Position).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (version is null) return false;
        var clinic = await db.Clinics.AsNoTracking().Where(c => c.Id == link.ClinicId)
            .Select(c => new { c.Name, c.Phone, c.EmergencyNumber, c.EmergencyText, c.CallUsText }).SingleAsync(ct);
        var patient = await db.Patients.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Id == link.PatientId && p.ClinicId == link.ClinicId).Select(p => new { p.FirstName, p.Precautions }).SingleAsync(ct);

        (ClinicName, ClinicPhone, FirstName) = (clinic.Name, clinic.Phone, patient.FirstName);
        (EmergencyNumber, EmergencySigns, CallUsSigns) = (clinic.EmergencyNumber, SafetyDefaults.Lines(clinic.EmergencyText), SafetyDefaults.Lines(clinic.CallUsText));
        Precautions = PrecautionWording.ForPatient(patient.Precautions.Select(p => p.Rule), Today);
        (Title, Instructions, Number) = (version.Title, version.Instructions, version.Number ?? 0);
        if (scanned is { } s && s < Number && version.IssuedAt is { } issuedAt) UpdatedOn = ClinicDay.DateOf(issuedAt, link.ClinicTimeZone);
        Exercises = PatientExercise.From(version, Token);

        var since = Today.AddDays(-13);
        Log = (await db.PatientLogEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.ProgramId == link.ProgramId && e.ClinicId == link.ClinicId && e.Day >= since)
                .OrderByDescending(e => e.Day)
                .Select(e => new { e.Day, e.DoneExerciseIds, e.Pain, e.Comment })
                .ToListAsync(ct))
            .Select(e => new LoggedDay(e.Day,
                Exercises.Sum(x => Math.Min(e.DoneExerciseIds.Count(id => id == x.ExerciseId), x.TimesPerDay)),
                Exercises.Sum(x => x.TimesPerDay), e.Pain, e.Comment, IsEditable(e.Day)))
            .ToList();
        return true;
    }
}
