using System.ComponentModel.DataAnnotations;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HepBuilder.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's sign-in page: no registration link, one generic message for any wrong credential (an unknown
/// or deactivated account included: <see cref="Infrastructure.Auth.HepSignInManager"/>), and a lockout message that
/// says when to try again.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Account)]
public sealed class LoginModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public const string InvalidMessage = "The email or password is not correct.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    /// <summary>Why the user was sent back here, e.g. a two-factor step that expired.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required, EmailAddress, StringLength(256)]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(200)]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }

    public void OnGet(string? returnUrl = null) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl = returnUrl, Input.RememberMe });
        }
        if (result.IsLockedOut)
        {
            var user = await users.FindByEmailAsync(Input.Email);
            var until = user?.LockoutEnd;
            var minutes = until is null ? 15 : Math.Max(1, (int)Math.Ceiling((until.Value - clock.GetUtcNow()).TotalMinutes));
            ModelState.AddModelError(string.Empty,
                $"This account is locked after too many failed attempts. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}, or ask your administrator.");
            return LockedPage();
        }
        ModelState.AddModelError(string.Empty, InvalidMessage);
        return Page();
    }

    private PageResult LockedPage()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status423Locked;
        return page;
    }
}
