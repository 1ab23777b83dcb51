using HepBuilder.Clinical.Audit;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HepBuilder.Web.Infrastructure.Auth;

/// <summary>
/// Sign-in as the product needs it: every attempt is audited (signed in, failed, locked out), and an unknown, invited
/// or deactivated account answers exactly like a wrong password — same result, and the same password hashing, so
/// neither the message nor the time taken tells which accounts exist.
/// </summary>
public sealed class HepSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    AuditLog audit)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<ApplicationUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = IdentitySetup.HashIterations }))
            .HashPassword(null!, Guid.NewGuid().ToString()));

    /// <summary>A deactivated account cannot sign in (its existing sessions end at the next security-stamp check).</summary>
    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            SpendHashingTime(password);
            Logger.LogInformation("Sign-in failed for an unknown account.");
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> PasswordSignInAsync(ApplicationUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (!user.IsActive || user.PasswordHash is null)
        {
            SpendHashingTime(password);
            await RecordAsync(user, AuditActions.AccountSignInFailed, new { method = "password", reason = user.IsActive ? "no_password" : "deactivated" });
            return SignInResult.Failed;
        }
        var wasLocked = await UserManager.IsLockedOutAsync(user);
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await RecordAsync(user, result, wasLocked, "password");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var wasLocked = user is not null && await UserManager.IsLockedOutAsync(user);
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is not null) await RecordAsync(user, result, wasLocked, "authenticator");
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var wasLocked = user is not null && await UserManager.IsLockedOutAsync(user);
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (user is not null) await RecordAsync(user, result, wasLocked, "recovery_code");
        return result;
    }

    private Task RecordAsync(ApplicationUser user, SignInResult result, bool wasLocked, string method)
    {
        if (result.Succeeded) return RecordAsync(user, AuditActions.AccountSignedIn, new { method });
        // The password was right; the second step is recorded when it is done.
        if (result.RequiresTwoFactor) return Task.CompletedTask;
        if (result.IsLockedOut && !wasLocked) return RecordAsync(user, AuditActions.AccountLockedOut, new { method, until = user.LockoutEnd });
        return RecordAsync(user, AuditActions.AccountSignInFailed, new { method, reason = result.IsLockedOut ? "locked_out" : "wrong_credentials" });
    }

    private Task RecordAsync(ApplicationUser user, string action, object details)
    {
        audit.RecordAccount(user, action, details);
        return audit.SaveAsync(default);
    }

    /// <summary>The cost of one password check against the app's own hash settings, so refusals take as long as a wrong password.</summary>
    private void SpendHashingTime(string password) =>
        UserManager.PasswordHasher.VerifyHashedPassword(null!, DecoyHash.Value, password);
}
