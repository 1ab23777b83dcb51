using System.Security.Claims;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HepBuilder.Web.Infrastructure.Auth;

/// <summary>Puts the clinic (tenant), its time zone and the display name into the cookie so every request knows its tenant without a query.</summary>
public sealed class HepClaimsPrincipalFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, HepDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "hep:display_name";

    /// <summary>
    /// Present when the user's clinic requires two-factor sign-in of everyone. In the cookie, so a clinician's pages
    /// need no query to know; refreshed with the security stamp (every five minutes), so turning it on reaches people
    /// already signed in.
    /// </summary>
    public const string TwoFactorRequiredClaim = "hep:two_factor_required";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentClinic.ClaimType, user.ClinicId.ToString()));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        var clinic = await db.Clinics.AsNoTracking().Where(c => c.Id == user.ClinicId)
            .Select(c => new { c.TimeZone, c.RequireTwoFactorForEveryone }).SingleOrDefaultAsync();
        identity.AddClaim(new Claim(ClinicDay.ClaimType, clinic?.TimeZone ?? "UTC"));
        if (clinic?.RequireTwoFactorForEveryone == true) identity.AddClaim(new Claim(TwoFactorRequiredClaim, "true"));
        return identity;
    }
}
