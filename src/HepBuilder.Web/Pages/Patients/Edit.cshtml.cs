using HepBuilder.Clinical.Audit;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Patients;

public sealed class EditModel(HepDbContext db, AuditLog audit, TimeProvider clock) : PatientFormPage(clock)
{
    [FromRoute]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().Include(p => p.Precautions).SingleOrDefaultAsync(p => p.Id == Id, ct);
        if (patient is null) return NotFound();
        Input = PatientInput.From(patient);
        Input.AddBlankRows();
        // The form shows the whole record: a view like the patient page's.
        audit.Record(AuditActions.PatientViewed, nameof(Patient), Id.ToString(), new { view = "edit" }, Id);
        await audit.SaveAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The tenant filter makes another clinic's patient simply absent: 404, as for an unknown id.
        var patient = await db.Patients.Include(p => p.Precautions).SingleOrDefaultAsync(p => p.Id == Id, ct);
        if (patient is null) return NotFound();
        await Input.ValidateAsync(ModelState, db, Today, Id, ct);
        if (!ModelState.IsValid) return Page();

        var before = PatientInput.Snapshot(patient);
        db.Entry(patient).Property(p => p.Version).OriginalValue = Input.Version;
        db.RemoveRange(patient.Precautions);
        Input.ApplyTo(patient);
        // New rows carry client-made keys, which change detection would take for existing rows: add them explicitly.
        db.AddRange(patient.Precautions);
        var changes = PatientInput.Changes(before, PatientInput.Snapshot(patient));
        if (changes.Count == 0)
        {
            TempData["Success"] = "Nothing changed.";
            return RedirectToPage("Details", new { id = Id });
        }
        // Precautions live in their own rows; marking the patient modified bumps its row version and modified time
        // even when only precautions changed, so concurrent edits are caught and "recent patients" stays right.
        db.Entry(patient).State = EntityState.Modified;
        audit.Record(AuditActions.PatientEdited, nameof(Patient), Id.ToString(), new { changes }, Id);
        if (!await PatientSaves.TrySaveAsync(db, ModelState, ct)) return Page();

        TempData["Success"] = "Changes saved.";
        return RedirectToPage("Details", new { id = Id });
    }

    protected override Task<bool> FormTargetExistsAsync(CancellationToken ct) => db.Patients.AnyAsync(p => p.Id == Id, ct);
}
