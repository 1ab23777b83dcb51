using HepBuilder.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Admin.Users;

public sealed class IndexModel(HepDbContext db) : PageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public sealed record UserRow(string Id, string FullName, string? Email, string? Credentials, bool IsActive, bool Invited,
        bool TwoFactorEnabled, List<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset? LastChange)
    {
        public string Status => !IsActive ? "Deactivated" : Invited ? "Invited" : "Active";
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Identity's Users set has no tenant filter, so the clinic is named here explicitly.
        var clinicId = db.CurrentClinicId;
        Rows = await db.Users.AsNoTracking()
            .Where(u => u.ClinicId == clinicId)
            .OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Select(u => new UserRow(u.Id, u.FullName, u.Email, u.Credentials, u.IsActive, u.PasswordHash == null,
                u.TwoFactorEnabled,
                db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).OrderBy(n => n).ToList(),
                u.CreatedAt,
                db.AuditEvents.Where(a => a.EntityType == UserAudit.EntityType && a.EntityId == u.Id).Max(a => (DateTimeOffset?)a.At)))
            .ToListAsync(ct);
    }
}
