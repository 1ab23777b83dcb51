using HepBuilder.Clinical.Audit;
using System.ComponentModel.DataAnnotations;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.Admin.Users;

public sealed class InviteModel(UserManager<ApplicationUser> users, HepDbContext db, AuditLog audit, UserAccountLinks links) : PageModel
{
    public const string TakenInClinicMessage = "Someone already has an account with this email address.";

    /// <summary>
    /// For an address used in another clinic: it names no clinic and says no account exists, and the attempt is in
    /// the audit trail. (Addresses are the sign-in name, unique across clinics, so it cannot be invited here.)
    /// </summary>
    public const string NotAvailableMessage =
        "This email address cannot be used for a new account. Ask the person for another address, such as their work address at your clinic.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the person's full name.")]
        [StringLength(120, ErrorMessage = "The name can be at most 120 characters.")]
        [Display(Name = "Full name")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Enter an email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@clinic.org.")]
        [StringLength(256, ErrorMessage = "The email address can be at most 256 characters.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [StringLength(40, ErrorMessage = "Credentials can be at most 40 characters.")]
        [Display(Name = "Credentials (optional)")]
        public string? Credentials { get; set; }

        [Display(Name = "Clinician — builds and prints exercise programs")]
        public bool IsClinician { get; set; } = true;

        [Display(Name = "Admin — manages accounts, the exercise library and the clinic profile")]
        public bool IsAdmin { get; set; }

        public List<string> SelectedRoles()
        {
            var roles = new List<string>();
            if (IsAdmin) roles.Add(Roles.Admin);
            if (IsClinician) roles.Add(Roles.Clinician);
            return roles;
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var emailAddress = Input.Email?.Trim() ?? "";
        if (Input.SelectedRoles().Count == 0)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.IsClinician)}", "Choose at least one role.");
        }
        // Email addresses are unique across every clinic: they are the sign-in name.
        if (ModelState.IsValid && await users.FindByEmailAsync(emailAddress) is { } existing)
        {
            var sameClinic = existing.ClinicId == db.CurrentClinicId;
            if (!sameClinic)
            {
                audit.Record(AuditActions.UserInviteRefused, UserAudit.EntityType, null, new { email = emailAddress, reason = "address_in_use" });
                await db.SaveChangesAsync(ct);
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", sameClinic ? TakenInClinicMessage : NotAvailableMessage);
        }
        if (!ModelState.IsValid) return Page();

        var user = await CreateAsync(emailAddress, ct);
        if (user is null) return Page();

        var clinicName = await db.Clinics.AsNoTracking().Where(c => c.Id == user.ClinicId).Select(c => c.Name).SingleAsync(ct);
        var link = await links.InviteAsync(user, clinicName);
        link.Put(TempData);
        TempData["Success"] = $"{user.FullName} has been invited.";
        return RedirectToPage("./Edit", new { id = user.Id });
    }

    /// <summary>The account, its roles and the audit row in one transaction: a rejected invite leaves nothing behind.</summary>
    private async Task<ApplicationUser?> CreateAsync(string emailAddress, CancellationToken ct)
    {
        var user = new ApplicationUser
        {
            UserName = emailAddress,
            Email = emailAddress,
            EmailConfirmed = true,
            FullName = Input.FullName.Trim(),
            Credentials = string.IsNullOrWhiteSpace(Input.Credentials) ? null : Input.Credentials.Trim(),
            ClinicId = db.CurrentClinicId,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // No password: the invited person chooses one through the link.
        var created = await users.CreateAsync(user);
        if (created.Succeeded) created = await users.AddToRolesAsync(user, Input.SelectedRoles());
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var field = error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal)
                    ? $"{nameof(Input)}.{nameof(Input.Email)}" : string.Empty;
                ModelState.AddModelError(field, error.Description);
            }
            return null;
        }
        audit.Record(AuditActions.UserInvited, UserAudit.EntityType, user.Id, new
        {
            user.Email, user.FullName, user.Credentials, Roles = Input.SelectedRoles(),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }
}
