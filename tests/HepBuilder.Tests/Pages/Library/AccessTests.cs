using System.Net;
using HepBuilder.Tests.Infrastructure;
using SkiaSharp;
using static HepBuilder.Tests.Pages.Library.LibraryKit;

namespace HepBuilder.Tests.Pages.Library;

public sealed class AccessTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Clinician_opens_Bridge_and_sees_its_drawn_pictures_steps_and_dose()
    {
        var (clinicId, _) = await App.Data.ClinicAsync();
        var (client, _) = await ClinicianAsync(App, clinicId);
        var html = await client.GetPageAsync($"/Library/Details/{await ShippedIdAsync(App, "Bridge")}");
        var text = Text(html);

        Assert.Equal(2, html.Split("<svg").Length - 1);
        Assert.Contains("<title>Bridge: Start</title>", html);
        Assert.Contains("Push through your heels", text);
        Assert.Contains("Hold each one for 5 seconds", text);
        Assert.Contains("<ol class=\"exercise-steps\">", html);
        Assert.DoesNotContain("Copy to my clinic", html);
    }

    [Fact]
    public async Task Clinician_gets_403_on_every_admin_handler()
    {
        var (client, admin) = await AdminAsync(App);
        var copyId = await CopyAsync(client, await ShippedIdAsync(App, "Bridge"));
        var bridgeId = await ShippedIdAsync(App, "Bridge");
        var (clinician, _) = await ClinicianAsync(App, admin.ClinicId);
        var details = $"/Library/Details/{copyId}";

        foreach (var url in new[] { "/Library/Edit", $"/Library/Edit/{copyId}", $"/Library/Pictures/{copyId}", $"/Library/Upload/{copyId}",
                     "/Library/Transfer", "/Library/Transfer?handler=Json", "/Library/Transfer?handler=Csv" })
        {
            Assert.True(HttpStatusCode.Forbidden == (await clinician.GetAsync(url)).StatusCode, "GET " + url);
        }
        foreach (var action in new[] { $"/Library/Actions/{bridgeId}?handler=Copy", $"/Library/Actions/{copyId}?handler=Duplicate",
                     $"/Library/Actions/{copyId}?handler=Archive", $"/Library/Actions/{copyId}?handler=Unarchive", $"/Library/Edit/{copyId}",
                     "/Library/Edit", $"/Library/Edit/{copyId}?handler=Preview", $"/Library/Pictures/{copyId}?handler=Remove&pictureId={Guid.Empty}" })
        {
            var response = await clinician.PostFormAsync(details, await EditTests.FormOf(App, copyId, ("Input.Name", "Clinician was here")), action);
            Assert.True(HttpStatusCode.Forbidden == response.StatusCode, "POST " + action + " → " + response.StatusCode);
        }
        var upload = await PostFileAsync(clinician, details, "Photo", Image(50, 50, SKEncodedImageFormat.Png), "a.png", "image/png", $"/Library/Upload/{copyId}");
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        var import = await PostFileAsync(clinician, details, "File", "{\"exercises\":[]}"u8.ToArray(), "a.json", "application/json", "/Library/Transfer");
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Equal("Bridge", (await LoadAsync(App, copyId)).Name);
        Assert.Equal(2, (await LoadAsync(App, copyId)).Pictures.Count);
    }

    [Fact]
    public async Task Another_clinics_custom_exercise_is_not_found_anywhere()
    {
        var (owner, _) = await AdminAsync(App, "Owner clinic");
        var copyId = await CopyAsync(owner, await ShippedIdAsync(App, "Bridge"));
        var photo = await PostFileAsync(owner, $"/Library/Upload/{copyId}", "Photo", Image(300, 200, SKEncodedImageFormat.Png), "p.png", "image/png");
        Assert.Equal(HttpStatusCode.Redirect, photo.StatusCode);
        var sha = (await LoadAsync(App, copyId)).Pictures.Single(p => p.ImageSha256 != null).ImageSha256;

        var (other, otherAdmin) = await AdminAsync(App, "Other clinic");
        var (otherClinician, _) = await ClinicianAsync(App, otherAdmin.ClinicId);
        foreach (var url in new[] { $"/Library/Details/{copyId}", $"/Library/Edit/{copyId}", $"/Library/Pictures/{copyId}",
                     $"/Library/Upload/{copyId}", $"/Library/Photo/{copyId}/{sha}" })
        {
            Assert.True(HttpStatusCode.NotFound == (await other.GetAsync(url)).StatusCode, "admin GET " + url);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await otherClinician.GetAsync($"/Library/Details/{copyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClinician.GetAsync($"/Library/Photo/{copyId}/{sha}")).StatusCode);
        foreach (var handler in new[] { "Duplicate", "Archive", "Copy" })
        {
            var response = await other.PostFormAsync("/Library/Edit", [], $"/Library/Actions/{copyId}?handler={handler}");
            Assert.True(HttpStatusCode.NotFound == response.StatusCode, handler);
        }
        var edit = await other.PostFormAsync("/Library/Edit", await EditTests.FormOf(App, copyId, ("Input.Name", "Stolen")), $"/Library/Edit/{copyId}");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal("Bridge", (await LoadAsync(App, copyId)).Name);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        using var client = App.Client();
        var response = await client.GetAsync("/Library?q=bridge");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Posts_without_antiforgery_token_are_rejected()
    {
        var (client, _) = await AdminAsync(App);
        var bridgeId = await ShippedIdAsync(App, "Bridge");
        var response = await client.PostAsync($"/Library/Actions/{bridgeId}?handler=Copy", []);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Image(20, 20, SKEncodedImageFormat.Png)), "File", "x.json" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.PostAsync("/Library/Transfer", content)).StatusCode);
    }
}
