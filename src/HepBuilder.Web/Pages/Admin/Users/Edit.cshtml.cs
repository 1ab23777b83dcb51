using HepBuilder.Clinical.Audit;
using System.ComponentModel.DataAnnotations;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using HepBuilder.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Admin.Users;

/// <summary>
/// One user of the admin's clinic: name, credentials and roles; deactivate/reactivate; reset two-factor; a new
/// password link. A user of another clinic is answered 404 by every handler, as if it did not exist.
/// </summary>
public sealed class EditModel(UserManager<ApplicationUser> users, HepDbContext db, AuditLog audit, UserAccountLinks links,
    TimeProvider clock) : PageModel
{
    public const string SelfAdminMessage = "You cannot remove your own Admin role. Ask another admin to do it.";
    public const string SelfDeactivateMessage = "You cannot deactivate your own account. Ask another admin to do it.";
    public const string ConcurrencyMessage = "Someone changed this account while you were editing. Your changes were not saved; the page now shows the current details.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public UserSummary Summary { get; private set; } = null!;
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public OnceLink? Link { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the person's full name.")]
        [StringLength(120, ErrorMessage = "The name can be at most 120 characters.")]
        [Display(Name = "Full name")]
        public string FullName { get; set; } = "";

        [StringLength(40, ErrorMessage = "Credentials can be at most 40 characters.")]
        [Display(Name = "Credentials (optional)")]
        public string? Credentials { get; set; }

        [Display(Name = "Clinician — builds and prints exercise programs")]
        public bool IsClinician { get; set; }

        [Display(Name = "Admin — manages accounts, the exercise library and the clinic profile")]
        public bool IsAdmin { get; set; }

        /// <summary>Identity's concurrency stamp as the form was loaded, so a stale save is refused.</summary>
        public string? ConcurrencyStamp { get; set; }

        public List<string> SelectedRoles()
        {
            var roles = new List<string>();
            if (IsAdmin) roles.Add(Roles.Admin);
            if (IsClinician) roles.Add(Roles.Clinician);
            return roles;
        }
    }

    public sealed record UserSummary(string Id, string FullName, string Email, string? Credentials, bool IsActive, bool Invited,
        bool TwoFactorEnabled, DateTimeOffset? LockedOutUntil, DateTimeOffset CreatedAt, IReadOnlyList<string> Roles, bool IsSelf);

    public sealed record HistoryRow(DateTimeOffset At, string Action, string? By, string? Details);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id);
        if (user is null) return NotFound();
        Link = OnceLink.Take(TempData);
        await LoadAsync(user, fillInput: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id);
        if (user is null) return NotFound();
        var wanted = Input.SelectedRoles();
        if (wanted.Count == 0) ModelState.AddModelError(Field(nameof(Input.IsClinician)), "Choose at least one role.");
        if (IsSelf(user) && !Input.IsAdmin) ModelState.AddModelError(Field(nameof(Input.IsAdmin)), SelfAdminMessage);
        if (!ModelState.IsValid) return await PageAsync(user, ct);

        var before = await users.GetRolesAsync(user);
        var old = new { user.FullName, user.Credentials, Roles = before.Order().ToList() };
        var now = new { FullName = Input.FullName.Trim(), Credentials = Blank(Input.Credentials), Roles = wanted.Order().ToList() };
        if (old.FullName == now.FullName && old.Credentials == now.Credentials && old.Roles.SequenceEqual(now.Roles))
        {
            TempData["Success"] = "Nothing to save: no changes.";
            return RedirectToPage(new { id });
        }

        // A form built before someone else's change is refused; UserManager's own stamp check covers the rest.
        if (Input.ConcurrencyStamp is not null && Input.ConcurrencyStamp != user.ConcurrencyStamp)
        {
            return await RejectAsync(id, ConcurrencyMessage, ct);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var demoted = before.Contains(Roles.Admin) && !now.Roles.Contains(Roles.Admin);
        if (demoted && await ClinicAdmins.WouldLeaveNoAdminAsync(db, user, ct)) return await RejectAsync(id, ClinicAdmins.LastAdminMessage, ct);
        user.FullName = now.FullName;
        user.Credentials = now.Credentials;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded) result = await users.AddToRolesAsync(user, now.Roles.Except(before));
        if (result.Succeeded) result = await users.RemoveFromRolesAsync(user, before.Except(now.Roles));
        if (!result.Succeeded)
        {
            return await RejectAsync(id, result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? ConcurrencyMessage : string.Join(" ", result.Errors.Select(e => e.Description)), ct);
        }
        audit.Record(AuditActions.UserUpdated, UserAudit.EntityType, user.Id, Changes(old.FullName, now.FullName, old.Credentials,
            now.Credentials, old.Roles, now.Roles));
        await db.SaveChangesAsync(ct);
        // The roles travel in the user's cookie: a new stamp makes their sessions pick up the change (or end) within minutes.
        if (!old.Roles.SequenceEqual(now.Roles)) await users.UpdateSecurityStampAsync(user);
        await tx.CommitAsync(ct);
        TempData["Success"] = $"Saved {user.FullName}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id);
        if (user is null) return NotFound();
        if (IsSelf(user)) return await RejectAsync(id, SelfDeactivateMessage, ct);
        if (user.IsActive)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await users.IsInRoleAsync(user, Roles.Admin) && await ClinicAdmins.WouldLeaveNoAdminAsync(db, user, ct))
            {
                return await RejectAsync(id, ClinicAdmins.LastAdminMessage, ct);
            }
            user.IsActive = false;
            audit.Record(AuditActions.UserDeactivated, UserAudit.EntityType, user.Id, new { IsActive = UserAudit.Change(true, false) });
            // A new security stamp ends the user's sessions at their next stamp check; this call also saves the change.
            await users.UpdateSecurityStampAsync(user);
            await tx.CommitAsync(ct);
        }
        TempData["Success"] = $"{user.FullName} is deactivated and can no longer sign in.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id);
        if (user is null) return NotFound();
        if (!user.IsActive)
        {
            user.IsActive = true;
            audit.Record(AuditActions.UserReactivated, UserAudit.EntityType, user.Id, new { IsActive = UserAudit.Change(false, true) });
            await users.UpdateAsync(user);
        }
        TempData["Success"] = $"{user.FullName} is active again and can sign in.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id);
        if (user is null) return NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.Record(AuditActions.UserTwoFactorReset, UserAudit.EntityType, user.Id, new
        {
            TwoFactorEnabled = UserAudit.Change(user.TwoFactorEnabled, false),
            AuthenticatorKey = "replaced",
            SignedOutEverywhere = true,
        });
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key makes the old authenticator entry useless; with the new security stamp it changes, every session
        // of the user (and every "remember this device" cookie) ends at its next check.
        await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await tx.CommitAsync(ct);
        var notified = await links.TwoFactorResetNoticeAsync(user, User.DisplayName());
        TempData["Success"] = $"Two-factor sign-in is reset for {user.FullName} and they are signed out everywhere. They sign in with " +
            "their password and can set it up again. " + (notified ? "We emailed them about it." : "Tell them yourself: no email could be sent.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSendPasswordLinkAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id);
        if (user is null) return NotFound();
        if (!user.IsActive) return await RejectAsync(id, "Reactivate this account before sending a password link.", ct);
        audit.Record(AuditActions.UserPasswordLinkSent, UserAudit.EntityType, user.Id, new { user.Email });
        await db.SaveChangesAsync(ct);
        var link = await links.PasswordResetAsync(user);
        link.Put(TempData);
        TempData["Success"] = $"A password link for {user.FullName} is ready.";
        return RedirectToPage(new { id });
    }

    /// <summary>Identity's Users set has no tenant filter: a user of another clinic is treated as not found.</summary>
    private async Task<ApplicationUser?> FindAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        return user is not null && user.ClinicId == db.CurrentClinicId && user.ClinicId != Guid.Empty ? user : null;
    }

    private bool IsSelf(ApplicationUser user) => user.Id == User.UserId();

    /// <summary>Refuses an action with a message at the top of a freshly loaded page (400 via the invalid-input filter).</summary>
    private async Task<IActionResult> RejectAsync(string id, string message, CancellationToken ct)
    {
        // Identity may have changed the tracked entity before refusing, so the page is rebuilt from the database.
        db.ChangeTracker.Clear();
        var user = await FindAsync(id);
        if (user is null) return NotFound();
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, message);
        await LoadAsync(user, fillInput: true, ct);
        return Page();
    }

    private async Task<IActionResult> PageAsync(ApplicationUser user, CancellationToken ct)
    {
        await LoadAsync(user, fillInput: false, ct);
        return Page();
    }

    private async Task LoadAsync(ApplicationUser user, bool fillInput, CancellationToken ct)
    {
        var roles = (await users.GetRolesAsync(user)).Order().ToList();
        Summary = new UserSummary(user.Id, user.FullName, user.Email ?? "", user.Credentials, user.IsActive, user.PasswordHash is null,
            user.TwoFactorEnabled, user.LockoutEnd > clock.GetUtcNow() ? user.LockoutEnd : null, user.CreatedAt, roles, IsSelf(user));
        History = await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == UserAudit.EntityType && a.EntityId == user.Id)
            .OrderByDescending(a => a.At).Take(20)
            .Select(a => new HistoryRow(a.At, a.Action, a.UserName, a.Details))
            .ToListAsync(ct);
        if (fillInput)
        {
            Input = new InputModel
            {
                FullName = user.FullName, Credentials = user.Credentials, IsAdmin = roles.Contains(Roles.Admin),
                IsClinician = roles.Contains(Roles.Clinician), ConcurrencyStamp = user.ConcurrencyStamp,
            };
        }
    }

    private static Dictionary<string, object> Changes(string oldName, string newName, string? oldCredentials, string? newCredentials,
        List<string> oldRoles, List<string> newRoles)
    {
        var changes = new Dictionary<string, object>();
        if (oldName != newName) changes["FullName"] = UserAudit.Change(oldName, newName);
        if (oldCredentials != newCredentials) changes["Credentials"] = UserAudit.Change(oldCredentials, newCredentials);
        if (!oldRoles.SequenceEqual(newRoles)) changes["Roles"] = UserAudit.Change(oldRoles, newRoles);
        return changes;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Field(string name) => $"{nameof(Input)}.{name}";
}
