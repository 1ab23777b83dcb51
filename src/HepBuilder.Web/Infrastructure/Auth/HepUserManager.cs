using HepBuilder.Clinical.Audit;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HepBuilder.Web.Infrastructure.Auth;

/// <summary>
/// Audits the changes people make to their own sign-in — password, two-factor on or off, a new authenticator key, new
/// recovery codes — wherever Identity's pages make them. An admin acting on someone else's account is recorded by the
/// admin page, with its own wording; start-up work and tests (no signed-in user) are not account events.
/// </summary>
public sealed class HepUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    IHttpContextAccessor accessor,
    AuditLog audit)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors,
        services, logger)
{
    public override async Task<IdentityResult> ChangePasswordAsync(ApplicationUser user, string currentPassword, string newPassword) =>
        await AuditedAsync(user, await base.ChangePasswordAsync(user, currentPassword, newPassword), AuditActions.AccountPasswordChanged,
            new { via = "change_password" });

    public override async Task<IdentityResult> AddPasswordAsync(ApplicationUser user, string password) =>
        await AuditedAsync(user, await base.AddPasswordAsync(user, password), AuditActions.AccountPasswordChanged, new { via = "set_password" });

    public override async Task<IdentityResult> SetTwoFactorEnabledAsync(ApplicationUser user, bool enabled) =>
        await AuditedAsync(user, await base.SetTwoFactorEnabledAsync(user, enabled),
            enabled ? AuditActions.AccountTwoFactorEnabled : AuditActions.AccountTwoFactorDisabled, null);

    public override async Task<IdentityResult> ResetAuthenticatorKeyAsync(ApplicationUser user) =>
        await AuditedAsync(user, await base.ResetAuthenticatorKeyAsync(user), AuditActions.AccountAuthenticatorReset, null);

    public override async Task<IEnumerable<string>?> GenerateNewTwoFactorRecoveryCodesAsync(ApplicationUser user, int number)
    {
        var codes = await base.GenerateNewTwoFactorRecoveryCodesAsync(user, number);
        if (codes is not null) await AuditedAsync(user, IdentityResult.Success, AuditActions.AccountRecoveryCodesGenerated, new { count = number });
        return codes;
    }

    private async Task<IdentityResult> AuditedAsync(ApplicationUser user, IdentityResult result, string action, object? details)
    {
        if (result.Succeeded && accessor.HttpContext?.User.UserId() == user.Id)
        {
            audit.RecordAccount(user, action, details);
            await audit.SaveAsync(CancellationToken);
        }
        return result;
    }
}
