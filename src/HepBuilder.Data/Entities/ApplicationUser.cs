using Microsoft.AspNetCore.Identity;

namespace HepBuilder.Data.Entities;

public sealed class ApplicationUser : IdentityUser
{
    public Guid ClinicId { get; set; }
    public Clinic? Clinic { get; set; }
    public required string FullName { get; set; }

    /// <summary>Shown after the name on handouts, e.g. "DPT" or "MD".</summary>
    public string? Credentials { get; set; }

    /// <summary>A deactivated user cannot sign in; their history stays.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public string DisplayName => string.IsNullOrWhiteSpace(Credentials) ? FullName : $"{FullName}, {Credentials}";
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Clinician = "Clinician";
    public static readonly string[] All = [Admin, Clinician];
}
