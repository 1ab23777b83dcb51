using System.Security.Claims;

namespace HepBuilder.Web.Infrastructure.Auth;

public static class ClaimsExtensions
{
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(HepClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "";
}
