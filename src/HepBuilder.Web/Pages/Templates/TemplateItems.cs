using HepBuilder.Data;
using HepBuilder.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Templates;

/// <summary>
/// The two ways programs and templates meet: a new program starts from a template's items, and a program version is
/// saved as a template. Both copy doses, so a template and the programs made from it never share rows: editing one
/// never changes the other.
/// </summary>
public sealed class TemplateItems(HepDbContext db)
{
    /// <summary>
    /// The template's exercises with copies of their doses, in order, for a new draft. Null when the template is not
    /// visible to the current clinic (another clinic's, or not there). Archived exercises are left out: a template may
    /// outlive an exercise the clinic has since retired.
    /// </summary>
    public async Task<IReadOnlyList<(Guid ExerciseId, Dose Dose)>?> ForNewProgramAsync(Guid templateId, CancellationToken ct)
    {
        // The tenant filter on templates admits shipped ones and the clinic's own; the one on exercises does the same.
        if (!await db.Templates.AnyAsync(t => t.Id == templateId, ct)) return null;
        var items = await db.Templates.AsNoTracking()
            .Where(t => t.Id == templateId)
            .SelectMany(t => t.Items)
            .Where(i => i.Exercise!.Status == ExerciseStatus.Active)
            .OrderBy(i => i.Position)
            .Select(i => new { i.ExerciseId, i.Dose })
            .ToListAsync(ct);
        return items.Select(i => (i.ExerciseId, i.Dose.Copy())).ToList();
    }

    /// <summary>
    /// Saves a program version of the current clinic (draft or issued) as a new template and returns its id.
    /// <paramref name="clinicWide"/> makes it visible to every clinician of the clinic; the caller decides who may
    /// (the Templates pages allow it to Admins only). Throws <see cref="KeyNotFoundException"/> when the version is
    /// not the current clinic's.
    /// </summary>
    public async Task<Guid> SaveFromVersionAsync(Guid versionId, string title, string? description, bool clinicWide,
        string ownerId, CancellationToken ct)
    {
        var version = await db.ProgramVersions.AsNoTracking()
            .Where(v => v.Id == versionId)
            .Select(v => new
            {
                v.Instructions,
                Items = v.Items.OrderBy(i => i.Position).Select(i => new { i.ExerciseId, i.Dose }).ToList(),
            })
            .SingleOrDefaultAsync(ct) ?? throw new KeyNotFoundException($"Program version {versionId} is not in this clinic.");

        var template = new Template
        {
            ClinicId = db.CurrentClinicId,
            OwnerId = clinicWide ? null : ownerId,
            Title = title.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            Instructions = version.Instructions,
            Items = version.Items.Select((i, n) => new TemplateItem
            {
                Position = n,
                ExerciseId = i.ExerciseId,
                Dose = i.Dose.Copy(),
            }).ToList(),
        };
        db.Templates.Add(template);
        await db.SaveChangesAsync(ct);
        return template.Id;
    }
}
