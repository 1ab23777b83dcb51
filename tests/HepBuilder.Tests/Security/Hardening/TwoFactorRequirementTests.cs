using System.Net;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Tests.Security.Hardening;

public sealed class TwoFactorRequirementTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_new_clinic_requires_two_factor_of_its_admins_and_can_require_it_of_everyone()
    {
        var (clinic, admin) = await App.Data.ClinicAsync(requireAdminTwoFactor: true);
        var clinician = await App.Data.UserAsync(clinic);
        Assert.True(await App.WithDbAsync(db => db.Clinics.Where(c => c.Id == clinic).Select(c => c.RequireAdminTwoFactor).SingleAsync()));
        using var adminClient = App.Client();
        await adminClient.SignInAsync(admin.Email, admin.Password);
        using var clinicianClient = App.Client();
        await clinicianClient.SignInAsync(clinician.Email, clinician.Password);

        var sent = await adminClient.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(RequireAdminTwoFactor.SetupPath, sent.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await clinicianClient.GetAsync("/Patients")).StatusCode);

        await App.WithDbAsync(db => db.Clinics.Where(c => c.Id == clinic).ExecuteUpdateAsync(s => s.SetProperty(c => c.RequireTwoFactorForEveryone, true)));
        // The rule reaches a clinician with their claims: at sign-in (or the next security-stamp refresh).
        await clinicianClient.SignInAsync(clinician.Email, clinician.Password);
        var asked = await clinicianClient.GetAsync("/Patients");
        Assert.Equal(RequireAdminTwoFactor.SetupPath, asked.Headers.Location!.OriginalString);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(RequireAdminTwoFactor.EveryoneMessage).Replace("&#x27;", "'"),
            (await clinicianClient.GetPageAsync(RequireAdminTwoFactor.SetupPath)).Replace("&#x27;", "'"));
    }
}
