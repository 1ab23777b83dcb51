using HepBuilder.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HepBuilder.Web.Pages.Patients;

/// <summary>
/// The one SaveChanges of a patient form, turning the database's own refusals into messages next to the fields:
/// the MRN unique index (two clinicians saving the same MRN at once) and the row version (someone else saved first).
/// </summary>
public static class PatientSaves
{
    public const string ChangedMessage =
        "Someone else changed this patient after you opened the form. Reload the page to see their changes, then make yours again.";

    public static async Task<bool> TrySaveAsync(HepDbContext db, ModelStateDictionary state, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            state.AddModelError("", ChangedMessage);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            state.AddModelError("Input.Mrn", "Another patient in this clinic already has this MRN.");
        }
        db.ChangeTracker.Clear();
        return false;
    }
}
