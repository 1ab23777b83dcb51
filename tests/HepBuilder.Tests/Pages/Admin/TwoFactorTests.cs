using System.Net;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace HepBuilder.Tests.Pages.Admin;

public sealed class TwoFactorTests(AppFixture app) : AppTest(app)
{
    private const string Setup = "/Identity/Account/Manage/EnableAuthenticator";

    [Fact]
    public async Task Turning_the_clinic_rule_on_sends_an_admin_without_two_factor_to_set_it_up_until_it_is_on()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync();
        using var client = App.Client();
        await client.SignInAsync(admin.Email, admin.Password);
        var html = await client.GetPageAsync("/Admin/Clinic");
        var saved = await client.PostMultipartAsync("/Admin/Clinic",
        [
            ("Input.Name", AdminHtml.FieldValue(html, "Input.Name")), ("Input.EmergencyNumber", "911"), ("Input.EmergencyText", string.Join("\n", HepBuilder.Clinical.Safety.SafetyDefaults.EmergencyLines)), ("Input.CallUsText", string.Join("\n", HepBuilder.Clinical.Safety.SafetyDefaults.CallUsLines)),
            ("Input.PaperSize", "Letter"), ("Input.RequireAdminTwoFactor", "true"), ("Input.Version", AdminHtml.FieldValue(html, "Input.Version")),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The admin who turned it on is held too, on every page and handler, until two-factor is on.
        foreach (var url in new[] { "/", "/Admin/Users", "/Admin/Clinic", "/Identity/Account/Manage" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.Equal(Setup, response.Headers.Location!.OriginalString);
        }
        var setupPage = await client.GetPageAsync(Setup);
        Assert.Contains(RequireAdminTwoFactor.Message, setupPage);
        Assert.Contains("src=\"data:image/png;base64,", setupPage);
        var post = await client.PostFormAsync(Setup, [new("Input.FullName", "x")], "/Admin/Users/Invite");
        Assert.Equal(Setup, post.Headers.Location!.OriginalString);

        await EnableAuthenticatorAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).StatusCode);
        Assert.True(await App.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task An_admin_sets_up_an_authenticator_and_then_signs_in_with_a_code()
    {
        var (_, admin) = await App.Data.ClinicAsync();
        using var client = App.Client();
        await client.SignInAsync(admin.Email, admin.Password);
        var key = await EnableAuthenticatorAsync(client);

        var signOut = await client.PostFormAsync("/Identity/Account/Manage", [], "/Identity/Account/Logout?returnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var password = await client.PostFormAsync("/Identity/Account/Login", ("Input.Email", admin.Email), ("Input.Password", admin.Password));
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var secondStep = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/Identity/Account/LoginWith2fa", secondStep);

        var wrong = await client.PostFormAsync(secondStep, ("Input.TwoFactorCode", "000000"), ("Input.RememberMachine", "false"));
        Assert.NotEqual(HttpStatusCode.Redirect, wrong.StatusCode);

        // The next time step's code: Identity accepts a little clock drift, and the setup code may not be used twice.
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30));
        var signedIn = await client.PostFormAsync(secondStep, ("Input.TwoFactorCode", code), ("Input.RememberMachine", "false"));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("Welcome, Ada Admin", await client.GetPageAsync("/"));
    }

    [Fact]
    public async Task The_rule_does_not_hold_clinicians_or_admins_of_clinics_without_it()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync();
        var clinician = await App.Data.UserAsync(clinicId);
        using var adminClient = App.Client();
        await adminClient.SignInAsync(admin.Email, admin.Password);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/Admin/Users")).StatusCode);

        await App.WithDbAsync(db => db.Clinics.Where(c => c.Id == clinicId).ExecuteUpdateAsync(s => s.SetProperty(c => c.RequireAdminTwoFactor, true)));
        using var clinicianClient = App.Client();
        await clinicianClient.SignInAsync(clinician.Email, clinician.Password);
        Assert.Equal(HttpStatusCode.OK, (await clinicianClient.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await adminClient.GetAsync("/")).StatusCode);
    }

    /// <summary>Reads the key off Identity UI's page as a person would, and confirms it with a code from it.</summary>
    private static async Task<string> EnableAuthenticatorAsync(AppClient client)
    {
        var key = AdminHtml.SharedKey(await client.GetPageAsync(Setup));
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var enabled = await client.PostFormAsync(Setup, ("Input.Code", code));
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains("ShowRecoveryCodes", enabled.Headers.Location!.OriginalString);
        return key;
    }
}
