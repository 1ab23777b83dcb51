using HepBuilder.Clinical.Audit;
using System.ComponentModel.DataAnnotations;
using System.Text;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using HepBuilder.Web.Pages.Admin.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace HepBuilder.Web.Pages.Account;

/// <summary>
/// Where an invitation (or an admin-sent password link) lands: the person chooses a password and is signed in. The
/// token is Identity's password-reset token, so a used or expired link is refused and changes nothing.
/// </summary>
[AllowAnonymous]
public sealed class AcceptInviteModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AuditLog audit,
    HepDbContext db) : PageModel
{
    public const string InvalidLinkMessage =
        "This link does not work any more. It may have been used already, or it is more than 3 days old. " +
        "Ask your clinic administrator to send you a new one.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool LinkInvalid { get; private set; }
    public string? FullName { get; private set; }

    public sealed class InputModel
    {
        [Required]
        public string UserId { get; set; } = "";

        [Required]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(200, ErrorMessage = "The password can be at most 200 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [Display(Name = "Type it again")]
        public string ConfirmPassword { get; set; } = "";
    }

    /// <summary>The absolute link for <paramref name="user"/>; the token is base64url-encoded to survive in a URL.</summary>
    public static async Task<string> CreateLinkAsync(UserManager<ApplicationUser> users, ApplicationUser user, IUrlHelper url, string scheme)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return url.Page("/Account/AcceptInvite", pageHandler: null, values: new { area = "", userId = user.Id, code }, protocol: scheme)!;
    }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        var (user, token) = await ResolveAsync(userId, code);
        if (user is null || token is null || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
                UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token))
        {
            return Invalid();
        }
        FullName = user.FullName;
        Input = new InputModel { UserId = user.Id, Code = code! };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (user, token) = await ResolveAsync(Input.UserId, Input.Code);
        if (user is null || token is null) return Invalid();
        FullName = user.FullName;
        if (!ModelState.IsValid) return Page();

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) return Invalid();
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", error.Description);
            }
            return Page();
        }
        audit.Record(AuditActions.UserPasswordSet, UserAudit.EntityType, user.Id, new { via = "link" }, clinicId: user.ClinicId);
        await db.SaveChangesAsync(ct);

        // Through the normal sign-in, so two-factor and the active check apply as they do on the sign-in page.
        var signedIn = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: false);
        if (signedIn.Succeeded) return LocalRedirect("/");
        if (signedIn.RequiresTwoFactor) return RedirectToPage("/Account/LoginWith2fa", new { area = "Identity", returnUrl = "/" });
        TempData["Success"] = "Your password is set. Sign in with it.";
        return RedirectToPage("/Account/Login", new { area = "Identity" });
    }

    private async Task<(ApplicationUser? User, string? Token)> ResolveAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code)) return (null, null);
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return (null, null);
        }
        var user = await users.FindByIdAsync(userId);
        // A deactivated account cannot sign in, so its links are refused rather than half-working.
        return user is { IsActive: true } ? (user, token) : (null, null);
    }

    private PageResult Invalid()
    {
        LinkInvalid = true;
        ModelState.Clear();
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
