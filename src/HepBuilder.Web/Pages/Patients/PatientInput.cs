using System.ComponentModel.DataAnnotations;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Patients;

/// <summary>The patient form posted by New and Edit: one bound model, validated and applied in one place.</summary>
public sealed class PatientInput
{
    public const int MaxPrecautions = 20;

    /// <summary>Blank precaution rows offered on the form, so precautions can be added without JavaScript.</summary>
    public const int BlankRows = 2;

    [Required(ErrorMessage = "Enter the first name."), StringLength(80, ErrorMessage = "The first name must be at most 80 characters.")]
    [Display(Name = "First name")]
    public string? FirstName { get; set; }

    [Required(ErrorMessage = "Enter the last name."), StringLength(80, ErrorMessage = "The last name must be at most 80 characters.")]
    [Display(Name = "Last name")]
    public string? LastName { get; set; }

    [Required(ErrorMessage = "Enter the date of birth.")]
    [Display(Name = "Date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [StringLength(40, ErrorMessage = "The MRN must be at most 40 characters.")]
    [Display(Name = "MRN (optional)")]
    public string? Mrn { get; set; }

    [StringLength(200, ErrorMessage = "The diagnosis or procedure must be at most 200 characters.")]
    [Display(Name = "Diagnosis or procedure")]
    public string? Diagnosis { get; set; }

    [Display(Name = "Surgery date")]
    public DateOnly? SurgeryDate { get; set; }

    [StringLength(2000, ErrorMessage = "Notes must be at most 2000 characters.")]
    [Display(Name = "Notes (not printed on handouts)")]
    public string? Notes { get; set; }

    public List<PrecautionInput> Precautions { get; set; } = [];

    /// <summary>The row version the form was opened with, so a save over someone else's change is refused.</summary>
    public uint Version { get; set; }

    public static PatientInput From(Patient p) => new()
    {
        FirstName = p.FirstName,
        LastName = p.LastName,
        DateOfBirth = p.DateOfBirth,
        Mrn = p.Mrn,
        Diagnosis = p.Diagnosis,
        SurgeryDate = p.SurgeryDate,
        Notes = p.Notes,
        Version = p.Version,
        Precautions = p.Precautions.OrderBy(x => x.Until ?? DateOnly.MaxValue).Select(x => new PrecautionInput
        {
            Kind = x.Kind, MaxLiftPounds = x.MaxLiftPounds, Text = x.Text, Until = x.Until,
        }).ToList(),
    };

    /// <summary>Pads the precaution rows with blanks for the form.</summary>
    public void AddBlankRows(int count = BlankRows)
    {
        for (var i = 0; i < count && Precautions.Count < MaxPrecautions; i++) Precautions.Add(new PrecautionInput());
    }

    /// <summary>
    /// Checks what attributes cannot: dates against today and each other, precaution rows, and the MRN being unique in
    /// the clinic (the tenant filter scopes the query; the unique index backs it up under a race).
    /// </summary>
    public async Task ValidateAsync(ModelStateDictionary state, HepDbContext db, DateOnly today, Guid? patientId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(FirstName) && Valid(state, "Input.FirstName")) state.AddModelError("Input.FirstName", "Enter the first name.");
        if (string.IsNullOrWhiteSpace(LastName) && Valid(state, "Input.LastName")) state.AddModelError("Input.LastName", "Enter the last name.");
        if (DateOfBirth > today) state.AddModelError("Input.DateOfBirth", "The date of birth cannot be in the future.");
        if (DateOfBirth < new DateOnly(1900, 1, 1)) state.AddModelError("Input.DateOfBirth", "Check the year: the date of birth is before 1900.");
        if (SurgeryDate is { } surgery && DateOfBirth is { } born && surgery < born)
        {
            state.AddModelError("Input.SurgeryDate", "The surgery date cannot be before the date of birth.");
        }

        var rows = Precautions.Where(r => !r.IsBlank && !r.Remove).ToList();
        if (rows.Count > MaxPrecautions) state.AddModelError("Input.Precautions", $"A patient can have at most {MaxPrecautions} precautions.");
        for (var i = 0; i < Precautions.Count; i++)
        {
            var row = Precautions[i];
            if (row.IsBlank || row.Remove) continue;
            var key = $"Input.Precautions[{i}]";
            if (row.Kind is null) state.AddModelError(key + ".Kind", "Choose the kind of precaution, or clear this row.");
            if (row.Kind == PrecautionKind.Custom && string.IsNullOrWhiteSpace(row.Text))
            {
                state.AddModelError(key + ".Text", "Describe the precaution.");
            }
            if (row.MaxLiftPounds is not null && row.Kind != PrecautionKind.NoLifting)
            {
                state.AddModelError(key + ".MaxLiftPounds", "A pound limit only applies to a lifting precaution.");
            }
        }

        var mrn = Clean(Mrn);
        if (mrn is not null && Valid(state, "Input.Mrn")
            && await db.Patients.AnyAsync(p => p.Mrn != null && p.Mrn.ToUpper() == mrn.ToUpper() && p.Id != patientId, ct))
        {
            state.AddModelError("Input.Mrn", "Another patient in this clinic already has this MRN.");
        }
    }

    public void ApplyTo(Patient p)
    {
        p.FirstName = FirstName!.Trim();
        p.LastName = LastName!.Trim();
        p.DateOfBirth = DateOfBirth!.Value;
        p.Mrn = Clean(Mrn);
        p.Diagnosis = Clean(Diagnosis);
        p.SurgeryDate = SurgeryDate;
        p.Notes = Clean(Notes);
        p.Precautions = Precautions.Where(r => !r.IsBlank && !r.Remove).Select(r => new PatientPrecaution
        {
            PatientId = p.Id,
            Kind = r.Kind!.Value,
            MaxLiftPounds = r.Kind == PrecautionKind.NoLifting ? r.MaxLiftPounds : null,
            Text = Clean(r.Text),
            Until = r.Until,
        }).ToList();
    }

    /// <summary>The patient's fields as the audit trail records them, to diff old → new on an edit.</summary>
    public static Dictionary<string, string?> Snapshot(Patient p) => new()
    {
        ["First name"] = p.FirstName,
        ["Last name"] = p.LastName,
        ["Date of birth"] = PrecautionWording.IsoDate(p.DateOfBirth),
        ["MRN"] = p.Mrn,
        ["Diagnosis or procedure"] = p.Diagnosis,
        ["Surgery date"] = p.SurgeryDate is { } s ? PrecautionWording.IsoDate(s) : null,
        ["Notes"] = p.Notes,
        ["Precautions"] = p.Precautions.Count == 0 ? null : string.Join("; ", p.Precautions.Select(x => PrecautionWording.ForClinician(x.Rule)).Order(StringComparer.Ordinal)),
    };

    public static List<FieldChange> Changes(Dictionary<string, string?> before, Dictionary<string, string?> after) =>
        before.Where(b => after[b.Key] != b.Value).Select(b => new FieldChange(b.Key, b.Value, after[b.Key])).ToList();

    private static bool Valid(ModelStateDictionary state, string key) => state.GetFieldValidationState(key) != ModelValidationState.Invalid;

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record FieldChange(string Field, string? From, string? To);

public sealed class PrecautionInput
{
    [Display(Name = "Kind")]
    public PrecautionKind? Kind { get; set; }

    [Range(1, 200, ErrorMessage = "The lifting limit must be 1 to 200 lb.")]
    [Display(Name = "Max lift (lb)")]
    public int? MaxLiftPounds { get; set; }

    [StringLength(200, ErrorMessage = "The description must be at most 200 characters.")]
    [Display(Name = "Details")]
    public string? Text { get; set; }

    [Display(Name = "Until")]
    public DateOnly? Until { get; set; }

    [Display(Name = "Remove")]
    public bool Remove { get; set; }

    public bool IsBlank => Kind is null && MaxLiftPounds is null && string.IsNullOrWhiteSpace(Text) && Until is null;
}
