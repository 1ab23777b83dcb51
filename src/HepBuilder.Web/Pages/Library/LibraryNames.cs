using HepBuilder.Data;
using HepBuilder.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Library;

/// <summary>Names are unique within their owner (the database enforces it); these checks give the friendly answer first.</summary>
public static class LibraryNames
{
    public const string Taken = "Your clinic already has an exercise with this name.";

    public static Task<bool> TakenAsync(HepDbContext db, string name, Guid? exceptId, CancellationToken ct)
    {
        var lowered = name.Trim().ToLower();
        return db.Exercises.AnyAsync(e => e.ClinicId == db.CurrentClinicId && e.Name.ToLower() == lowered
            && (exceptId == null || e.Id != exceptId), ct);
    }

    /// <summary>The wanted name, or "name (2)", "name (3)"… when the clinic already uses it.</summary>
    public static async Task<string> FreeNameAsync(HepDbContext db, string wanted, CancellationToken ct)
    {
        var name = Fit(wanted, "");
        for (var n = 2; await TakenAsync(db, name, null, ct); n++)
        {
            name = Fit(wanted, $" ({n})");
        }
        return name;
    }

    private static string Fit(string name, string suffix) =>
        (name.Length + suffix.Length > Exercise.MaxNameLength ? name[..(Exercise.MaxNameLength - suffix.Length)] : name) + suffix;
}
