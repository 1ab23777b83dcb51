using System.Net;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Tests.Pages.Admin;

/// <summary>The /Admin folder is for admins only: a clinician is turned away from every page and every handler.</summary>
public sealed class AdminAccessTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_clinician_is_refused_every_admin_page_and_handler()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync();
        var clinician = await App.Data.UserAsync(clinicId);
        using var client = App.Client();
        await client.SignInAsync(clinician.Email, clinician.Password);

        string[] gets = ["/Admin/Users", "/Admin/Users/Invite", $"/Admin/Users/Edit/{admin.Id}", "/Admin/Clinic", "/Admin/Clinic?handler=Logo"];
        foreach (var url in gets)
        {
            AssertForbidden(await client.GetAsync(url), "GET " + url);
        }

        string[] posts =
        [
            "/Admin/Users/Invite", $"/Admin/Users/Edit/{admin.Id}", $"/Admin/Users/Edit/{admin.Id}?handler=Deactivate",
            $"/Admin/Users/Edit/{admin.Id}?handler=Reactivate", $"/Admin/Users/Edit/{admin.Id}?handler=ResetTwoFactor",
            $"/Admin/Users/Edit/{admin.Id}?handler=SendPasswordLink", "/Admin/Clinic",
        ];
        foreach (var url in posts)
        {
            // A valid antiforgery token from a page the clinician may use, so only authorization can refuse the post.
            var response = await client.PostFormAsync("/Identity/Account/Manage",
                [new("Input.FullName", "Taken Over"), new("Input.Email", "x@test.example"), new("Input.IsAdmin", "true"), new("Input.Name", "Taken")], url);
            AssertForbidden(response, "POST " + url);
        }
        // Nothing but the clinic's creation and the clinician's own sign-in.
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action != "clinic.created" && !a.Action.StartsWith("account.")), clinicId));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var client = App.Client();
        foreach (var url in new[] { "/Admin/Users", "/Admin/Users/Invite", "/Admin/Clinic" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery);
        }
    }

    private static void AssertForbidden(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: {(int)response.StatusCode}");
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }
}
