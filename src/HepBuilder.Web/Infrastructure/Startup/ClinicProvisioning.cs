using HepBuilder.Clinical.Audit;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Infrastructure.Startup;

public sealed record ProvisionedClinic(Clinic Clinic, ApplicationUser Admin, string? GeneratedPassword);

public sealed class ProvisioningException(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Creates a clinic with its first admin. The first-run bootstrap and `scripts/run add-clinic` both come here, so
/// both apply the same validation and password policy. All or nothing: a rejected admin leaves no clinic behind.
/// </summary>
public sealed class ClinicProvisioning(HepDbContext db, UserManager<ApplicationUser> users, AuditLog audit)
{
    public async Task<ProvisionedClinic> CreateAsync(string clinicName, string adminEmail, string? adminPassword,
        string adminName = "Clinic administrator", string? clinicPhone = null, CancellationToken ct = default)
    {
        clinicName = clinicName.Trim();
        adminEmail = adminEmail.Trim();
        var errors = new List<string>();
        if (clinicName.Length is 0 or > 120) errors.Add("The clinic name must be 1 to 120 characters.");
        if (!new EmailAddressAttribute().IsValid(adminEmail)) errors.Add($"'{adminEmail}' is not a valid email address.");
        if (await db.Clinics.AnyAsync(c => c.Name == clinicName, ct)) errors.Add($"A clinic named '{clinicName}' already exists.");
        if (await users.FindByEmailAsync(adminEmail) is not null) errors.Add($"A user with email '{adminEmail}' already exists.");
        if (errors.Count > 0) throw new ProvisioningException(errors);

        var generated = string.IsNullOrEmpty(adminPassword) ? GeneratePassword() : null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The server's zone is the best first guess; the admin corrects it on the clinic profile.
        // Without a phone nothing can be issued (a handout must say whom to call); the admin adds it on the clinic profile.
        var clinic = new Clinic { Name = clinicName, TimeZone = TimeZoneInfo.Local.Id, Phone = string.IsNullOrWhiteSpace(clinicPhone) ? null : clinicPhone.Trim() };
        db.Clinics.Add(clinic);
        await db.SaveChangesAsync(ct);

        var admin = new ApplicationUser
        {
            UserName = adminEmail, Email = adminEmail, EmailConfirmed = true, FullName = adminName, ClinicId = clinic.Id,
        };
        Check(await users.CreateAsync(admin, adminPassword ?? generated!));
        Check(await users.AddToRolesAsync(admin, Roles.All));
        audit.Record(AuditActions.ClinicCreated, "Clinic", clinic.Id.ToString(), new { clinic.Name, admin = adminEmail }, clinicId: clinic.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ProvisionedClinic(clinic, admin, generated);
    }

    /// <summary>20 random characters from an alphabet without look-alikes, in groups a person can copy.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
        return string.Join('-', chars.Chunk(5).Select(c => new string(c)));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new ProvisioningException(result.Errors.Select(e => e.Description).ToList());
    }
}
