using HepBuilder.Clinical.Audit;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Admin.Audit;

/// <summary>The clinic's audit trail: who looked at or changed what, filterable, paged, exportable as CSV.</summary>
public sealed class IndexModel(HepDbContext db, AuditLog audit) : PageModel
{
    public const int PageSize = 50;
    public const int MaxExportRows = 100_000;

    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<(string Id, string Name)> Users { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> PatientNames { get; private set; } = new Dictionary<Guid, string>();
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (!ModelState.IsValid) return;
        var query = await FilteredAsync(ct);
        Total = await query.CountAsync(ct);
        Filter.PageNumber = Math.Clamp(Filter.PageNumber, 1, PageCount);
        Events = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((Filter.PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var patientIds = Events.Where(e => e.PatientId is not null).Select(e => e.PatientId!.Value).Distinct().ToList();
        PatientNames = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.FirstName + " " + p.LastName, ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequest();
        var rows = await (await FilteredAsync(ct)).OrderBy(e => e.At).ThenBy(e => e.Id).Take(MaxExportRows).ToListAsync(ct);
        audit.Record(AuditActions.AuditExported, "AuditEvent", null, new { rows = rows.Count, Filter.From, Filter.To, Filter.Action, Filter.UserId });
        await db.SaveChangesAsync(ct);

        var csv = new StringBuilder("at_utc,user,action,entity_type,entity_id,patient_id,ip,details\n");
        foreach (var e in rows)
        {
            csv.AppendJoin(',', e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), Csv(e.UserName),
                Csv(e.Action), Csv(e.EntityType), Csv(e.EntityId), Csv(e.PatientId?.ToString()), Csv(e.IpAddress), Csv(e.Details)).Append('\n');
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "audit-trail.csv");
    }

    /// <summary>Quoted CSV cell; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula.</summary>
    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if ("=+-@".Contains(value[0])) value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    private async Task<IQueryable<AuditEvent>> FilteredAsync(CancellationToken ct)
    {
        var q = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrEmpty(Filter.UserId)) q = q.Where(e => e.UserId == Filter.UserId);
        if (!string.IsNullOrEmpty(Filter.Action)) q = q.Where(e => e.Action == Filter.Action);
        if (Filter.From is { } from) q = q.Where(e => e.At >= new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (Filter.To is { } to) q = q.Where(e => e.At < new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (!string.IsNullOrWhiteSpace(Filter.Patient))
        {
            var term = Filter.Patient.Trim().ToLowerInvariant();
            var ids = await db.Patients.AsNoTracking()
                .Where(p => (p.FirstName + " " + p.LastName).ToLower().Contains(term) || p.Mrn == Filter.Patient.Trim())
                .Select(p => (Guid?)p.Id).Take(200).ToListAsync(ct);
            q = q.Where(e => ids.Contains(e.PatientId));
        }
        return q;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var clinicId = db.CurrentClinicId;
        Users = (await db.Users.AsNoTracking().Where(u => u.ClinicId == clinicId).OrderBy(u => u.FullName)
            .Select(u => new { u.Id, u.FullName }).ToListAsync(ct)).Select(u => (u.Id, u.FullName)).ToList();
        Actions = await db.AuditEvents.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
    }
}

public sealed class AuditFilter : IValidatableObject
{
    public string? UserId { get; set; }
    public string? Action { get; set; }
    public string? Patient { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    // Not "Page": with no Filter.* in the query the binder falls back to unprefixed names, and Razor Pages puts the
    // page path in the route value "page" ('/Admin/Audit/Index' is not a number).
    public int PageNumber { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(
        ValidationContext validationContext)
    {
        if (From is { } f && To is { } t && f > t)
            yield return new("The start date must be on or before the end date.", [nameof(From)]);
        if (Patient?.Length > 100) yield return new("Search for a patient with at most 100 characters.", [nameof(Patient)]);
    }
}
