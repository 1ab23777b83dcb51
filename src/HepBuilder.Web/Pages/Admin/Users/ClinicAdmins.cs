using HepBuilder.Data;
using HepBuilder.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Admin.Users;

/// <summary>
/// A clinic always keeps an active admin. Two admins removing each other's Admin role at once would each see the
/// other still there; locking the clinic's row for the transaction orders them, and the second sees the first's change.
/// (NO KEY UPDATE: the audit rows written meanwhile only take a key-share lock on the clinic, and are not held up.)
/// </summary>
public static class ClinicAdmins
{
    public const string LastAdminMessage =
        "The clinic must keep at least one active admin. Make someone else an admin first.";

    /// <summary>Call inside the transaction that removes <paramref name="user"/>'s Admin role or deactivates them.</summary>
    public static async Task<bool> WouldLeaveNoAdminAsync(HepDbContext db, ApplicationUser user, CancellationToken ct)
    {
        await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM clinics WHERE id = {user.ClinicId} FOR NO KEY UPDATE").ToListAsync(ct);
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync(ct);
        return !await db.Users.AnyAsync(u => u.ClinicId == user.ClinicId && u.Id != user.Id && u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == adminRole), ct);
    }
}
