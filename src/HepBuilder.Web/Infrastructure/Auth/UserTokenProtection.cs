using HepBuilder.Data;
using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Infrastructure.Auth;

/// <summary>
/// Identity's personal-data protector over Data Protection. Values carry a prefix, so one stored before protection was
/// turned on is still read (and <see cref="ProtectStoredTokensAsync"/> re-writes it protected at the next start).
/// </summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider) : IPersonalDataProtector
{
    public const string Prefix = "dp1:";
    private readonly IDataProtector _protector = provider.CreateProtector("HepBuilder.Identity.PersonalData");

    public string? Protect(string? data) => data is null ? null : Prefix + _protector.Protect(data);

    public string? Unprotect(string? data) =>
        data is not null && data.StartsWith(Prefix, StringComparison.Ordinal) ? _protector.Unprotect(data[Prefix.Length..]) : data;

    /// <summary>Protects the two-factor secrets (authenticator key, recovery codes) stored in clear by earlier versions.</summary>
    public async Task<int> ProtectStoredTokensAsync(HepDbContext db, CancellationToken ct = default)
    {
        var clear = await db.UserTokens.Where(t => t.Value != null && !t.Value.StartsWith(Prefix)).ToListAsync(ct);
        foreach (var token in clear) token.Value = Protect(token.Value!);
        return await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Identity's store with the user tokens — the TOTP secret and the recovery codes — protected at rest. Identity's own
/// ProtectPersonalData switch would also encrypt the e-mail address, which is looked up and sorted in SQL.
/// </summary>
public sealed class HepUserStore(HepDbContext context, IPersonalDataProtector protector, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, HepDbContext>(context, describer)
{
    public override Task SetTokenAsync(ApplicationUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, value is null ? null : protector.Protect(value), cancellationToken);

    public override async Task<string?> GetTokenAsync(ApplicationUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        await base.GetTokenAsync(user, loginProvider, name, cancellationToken) is { } stored ? protector.Unprotect(stored) : null;
}
