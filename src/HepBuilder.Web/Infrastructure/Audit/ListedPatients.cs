using HepBuilder.Clinical.Audit;
using HepBuilder.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Infrastructure.Audit;

/// <summary>
/// Patients shown by the parts of a page (the home page's cards: recent patients, drafts, recently issued, alerts),
/// gathered while it renders so the page leaves one audit row naming them all rather than one per card.
/// </summary>
public sealed class ListedPatients
{
    private readonly HashSet<Guid> _patients = [];
    private readonly HashSet<Guid> _programs = [];

    public void Patients(IEnumerable<Guid> ids) => _patients.UnionWith(ids);

    /// <summary>Cards that list programs name their patients; the row records those patients.</summary>
    public void Programs(IEnumerable<Guid> ids) => _programs.UnionWith(ids);

    public async Task<List<Guid>?> CollectAsync(HepDbContext db, CancellationToken ct)
    {
        if (_patients.Count == 0 && _programs.Count == 0) return null;
        var ofPrograms = _programs.Count == 0 ? []
            : await db.Programs.AsNoTracking().Where(p => _programs.Contains(p.Id)).Select(p => p.PatientId).ToListAsync(ct);
        return [.. _patients.Union(ofPrograms)];
    }
}

/// <summary>After a page has rendered, records which patients its parts listed (see <see cref="ListedPatients"/>).</summary>
public sealed class ListedPatientsFilter(ListedPatients listed, AuditLog audit, HepDbContext db) : IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        await next();
        var ct = context.HttpContext.RequestAborted;
        if (await listed.CollectAsync(db, ct) is not { } patients) return;
        audit.Record(AuditActions.PatientListed, nameof(Data.Entities.Patient), null,
            new { view = context.HttpContext.Request.Path.Value, patients });
        await audit.SaveAsync(ct);
    }
}
