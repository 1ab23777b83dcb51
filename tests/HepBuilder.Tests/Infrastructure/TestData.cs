using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HepBuilder.Tests.Infrastructure;

public sealed record TestUser(string Id, string Email, string Password, Guid ClinicId);

/// <summary>Creates clinics and users through the app's own services (UserManager), as the product does.</summary>
public sealed class TestData(IServiceProvider services)
{
    public const string Password = "correct horse battery staple";

    /// <summary>
    /// A clinic provisioned as the product does it, as one in use has it: with a phone (nothing is issued without one)
    /// unless <paramref name="phone"/> is null. A new clinic requires two-factor sign-in of its admins; most tests sign
    /// admins in with a password only, so that is switched off unless <paramref name="requireAdminTwoFactor"/>.
    /// </summary>
    public async Task<(Guid ClinicId, TestUser Admin)> ClinicAsync(string name = "Test Spine Clinic", bool requireAdminTwoFactor = false,
        string? phone = ClinicPhone)
    {
        await using var scope = services.CreateAsyncScope();
        var email = $"admin.{Guid.NewGuid():N}@test.example"[..40];
        var result = await scope.ServiceProvider.GetRequiredService<ClinicProvisioning>().CreateAsync(name, email, Password, "Ada Admin",
            clinicPhone: phone);
        if (!requireAdminTwoFactor)
        {
            var db = scope.ServiceProvider.GetRequiredService<HepBuilder.Data.HepDbContext>();
            await db.Clinics.Where(c => c.Id == result.Clinic.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.RequireAdminTwoFactor, false));
        }
        return (result.Clinic.Id, new TestUser(result.Admin.Id, email, Password, result.Clinic.Id));
    }

    public const string ClinicPhone = "(555) 010-2000";

    public async Task<TestUser> UserAsync(Guid clinicId, string role = Roles.Clinician, string fullName = "Casey Clinician",
        string? credentials = "DPT")
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"user.{Guid.NewGuid():N}"[..20] + "@test.example";
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, Credentials = credentials, ClinicId = clinicId,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return new TestUser(user.Id, email, Password, clinicId);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
