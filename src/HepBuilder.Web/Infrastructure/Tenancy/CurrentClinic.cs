using System.Security.Claims;

namespace HepBuilder.Web.Infrastructure.Tenancy;

/// <summary>The signed-in user's clinic, read from the auth cookie's claims (set at sign-in, never from input).</summary>
public sealed class CurrentClinic(IHttpContextAccessor accessor)
{
    public const string ClaimType = "hep:clinic";

    public Guid ClinicId => ClinicIdOf(accessor.HttpContext?.User);

    public static Guid ClinicIdOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimType), out var id) ? id : Guid.Empty;
}
