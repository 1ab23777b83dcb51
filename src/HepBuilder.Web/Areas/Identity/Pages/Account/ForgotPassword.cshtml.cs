using System.ComponentModel.DataAnnotations;
using HepBuilder.Clinical.Audit;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using HepBuilder.Web.Infrastructure.Email;
using HepBuilder.Web.Infrastructure.Web;
using HepBuilder.Web.Pages.Admin.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HepBuilder.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's page. Without a mail server nothing could reach the person, and a link written anywhere
/// else (the log) would hand the account to whoever reads it: the page then says to ask an admin and sends nothing.
/// With one, the answer is the same whether or not the address has an account.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Account)]
public sealed class ForgotPasswordModel(UserManager<ApplicationUser> users, UserAccountLinks links, AuditLog audit,
    IOptions<SmtpOptions> smtp) : PageModel
{
    public const string AskAdminMessage =
        "Ask your clinic administrator for a password link: under Admin → Users they can send you one. " +
        "HepBuilder cannot send email here, so it cannot send the link to you itself.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool CanEmail => smtp.Value.Configured;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@clinic.org.")]
        [StringLength(256)]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEmail || !ModelState.IsValid) return Page();
        if (await users.FindByEmailAsync(Input.Email) is { IsActive: true } user)
        {
            audit.RecordAccount(user, AuditActions.AccountPasswordResetRequested);
            await audit.SaveAsync(ct);
            await links.ForgotPasswordAsync(user);
        }
        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}
