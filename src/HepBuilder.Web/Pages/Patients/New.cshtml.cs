using HepBuilder.Clinical.Audit;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc;

namespace HepBuilder.Web.Pages.Patients;

public sealed class NewModel(HepDbContext db, AuditLog audit, TimeProvider clock) : PatientFormPage(clock)
{
    public void OnGet() => Input.AddBlankRows();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await Input.ValidateAsync(ModelState, db, Today, null, ct);
        if (!ModelState.IsValid) return Page();

        var patient = new Patient { ClinicId = db.CurrentClinicId, FirstName = "", LastName = "" };
        Input.ApplyTo(patient);
        db.Patients.Add(patient);
        audit.Record(AuditActions.PatientCreated, nameof(Patient), patient.Id.ToString(), new { fields = PatientInput.Snapshot(patient) }, patient.Id);
        if (!await PatientSaves.TrySaveAsync(db, ModelState, ct)) return Page();

        TempData["Success"] = $"{patient.FullName} was added.";
        return RedirectToPage("Details", new { id = patient.Id });
    }
}
