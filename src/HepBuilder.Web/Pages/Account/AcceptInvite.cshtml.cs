using HepBuilder.Clinical.Audit;
using System.ComponentModel.DataAnnotations;
using System.Text;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using HepBuilder.Web.Infrastructure.Auth;
using HepBuilder.Web.Infrastructure.Hosting;
using HepBuilder.Web.Infrastructure.Web;
using HepBuilder.Web.Pages.Admin.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace HepBuilder.Web.Pages.Account;

/// <summary>
/// Where an invitation, an admin-sent password link or a Forgot password email lands: the person chooses a password
/// and is signed in. An invitation carries the invite provider's token (days); the others a password-reset token
/// (one hour). Both include the security stamp, so a link stops working once a password is set.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Account)]
public sealed class AcceptInviteModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AuditLog audit,
    HepDbContext db) : PageModel
{
    public const string InvalidLinkMessage =
        "This link does not work any more. It may have been used already, or it has expired (an invitation works for " +
        "3 days, a password link for 1 hour). Ask your clinic administrator to send you a new one.";

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

    /// <summary>
    /// The absolute link (from the configured public base URL, never the request's host) for <paramref name="user"/>;
    /// the token is base64url-encoded to survive in a URL.
    /// </summary>
    public static async Task<string> CreateLinkAsync(UserManager<ApplicationUser> users, ApplicationUser user, PublicOrigin origin, bool invite)
    {
        var token = invite
            ? await users.GenerateUserTokenAsync(user, InviteTokenProvider.ProviderName, InviteTokenProvider.Purpose)
            : await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return origin.Link(QueryHelpers.AddQueryString("/Account/AcceptInvite", new Dictionary<string, string?> { ["userId"] = user.Id, ["code"] = code }));
    }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        var (user, token) = await ResolveAsync(userId, code);
        if (user is null || token is null || await KindOfAsync(user, token) is null) return Invalid();
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

        // An invitation's token is exchanged for a reset token here, so one path sets the password (validators, new stamp).
        var kind = await KindOfAsync(user, token);
        if (kind is null) return Invalid();
        var resetToken = kind == LinkKind.Invite ? await users.GeneratePasswordResetTokenAsync(user) : token;
        var result = await users.ResetPasswordAsync(user, resetToken, Input.Password);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) return Invalid();
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", error.Description);
            }
            return Page();
        }
        audit.Record(AuditActions.UserPasswordSet, UserAudit.EntityType, user.Id, new { via = kind == LinkKind.Invite ? "invite" : "link" }, clinicId: user.ClinicId);
        await db.SaveChangesAsync(ct);

        // Through the normal sign-in, so two-factor and the active check apply as they do on the sign-in page.
        var signedIn = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: false);
        if (signedIn.Succeeded) return LocalRedirect("/");
        if (signedIn.RequiresTwoFactor) return RedirectToPage("/Account/LoginWith2fa", new { area = "Identity", returnUrl = "/" });
        TempData["Success"] = "Your password is set. Sign in with it.";
        return RedirectToPage("/Account/Login", new { area = "Identity" });
    }

    private enum LinkKind { Invite, Reset }

    private async Task<LinkKind?> KindOfAsync(ApplicationUser user, string token) =>
        await users.VerifyUserTokenAsync(user, InviteTokenProvider.ProviderName, InviteTokenProvider.Purpose, token) ? LinkKind.Invite
        : await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
            UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token) ? LinkKind.Reset
        : null;

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
