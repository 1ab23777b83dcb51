using System.Net;
using System.Text.Json.Nodes;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Web.Pages.Admin.Clinic;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace HepBuilder.Tests.Pages.Admin;

public sealed class ClinicProfileTests(AppFixture app) : AppTest(app)
{
    private const string Page = "/Admin/Clinic";

    [Fact]
    public async Task Admin_saves_the_profile_and_the_change_is_audited()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync("Harbour Spine", phone: null);
        using var client = await SignedInAsync(admin);

        var response = await client.PostMultipartAsync(Page, await FieldsAsync(client, ("Input.Phone", "(555) 010-2030"),
            ("Input.Address", "12 Quay Street"), ("Input.PaperSize", "A4"), ("Input.HandoutFooter", "Open Mon–Fri 8–5")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var clinic = await ClinicAsync(clinicId);
        Assert.Equal("(555) 010-2030", clinic.Phone);
        Assert.Equal("12 Quay Street", clinic.Address);
        Assert.Equal(PaperSize.A4, clinic.PaperSize);
        Assert.Equal("Open Mon–Fri 8–5", clinic.HandoutFooter);
        var details = await App.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "clinic.updated").Select(a => a.Details).SingleAsync(), clinicId);
        var changes = JsonNode.Parse(details!)!;
        Assert.Equal("Letter", (string?)changes["PaperSize"]!["old"]);
        Assert.Equal("A4", (string?)changes["PaperSize"]!["new"]);
        Assert.Null(changes["Phone"]!["old"]);
        Assert.Equal("(555) 010-2030", (string?)changes["Phone"]!["new"]);
        Assert.Null(changes["Name"]);
        Assert.Contains("Clinic profile saved.", await client.GetPageAsync(Page));
    }

    [Theory]
    [InlineData("Input.Name", "", "Enter the clinic&#x27;s name.")]
    [InlineData("Input.Name", null, "The name can be at most 120 characters.")]
    [InlineData("Input.EmergencyText", "", "Enter at least one warning sign")]
    [InlineData("Input.CallUsText", " ", "Enter at least one warning sign")]
    [InlineData("Input.EmergencyNumber", "call an ambulance", "digits only")]
    [InlineData("Input.Phone", "call me maybe", "Enter a phone number")]
    [InlineData("Input.PaperSize", "Tabloid", "is not valid")]
    [InlineData("Input.TimeZone", "Mars/Olympus_Mons", "Choose a time zone from the list.")]
    [InlineData("Input.PatientLinkDays", "13", "Enter a number of days from 14 to 730")]
    [InlineData("Input.PatientLinkDays", "731", "Enter a number of days from 14 to 730")]
    [InlineData("Input.PatientLinkDays", "half a year", "is not valid")]
    [InlineData("Input.Name", "Other Spine Clinic", IndexModel.DuplicateNameMessage)]
    [InlineData("Input.Name", "other spine clinic", IndexModel.DuplicateNameMessage)]
    public async Task Bad_input_is_400_with_the_message_and_nothing_changes(string field, string? value, string message)
    {
        await App.Data.ClinicAsync("Other Spine Clinic");
        var (clinicId, admin) = await App.Data.ClinicAsync("Harbour Spine");
        using var client = await SignedInAsync(admin);
        var before = await ClinicAsync(clinicId);

        var response = await client.PostMultipartAsync(Page, await FieldsAsync(client, ("Input.Address", "Changed too"),
            (field, value ?? new string('x', 121))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        var after = await ClinicAsync(clinicId);
        Assert.Equal(before.Name, after.Name);
        Assert.Null(after.Address);
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "clinic.updated"), clinicId));
    }

    [Fact]
    public async Task A_png_logo_is_scaled_to_fit_re_encoded_and_served_with_nosniff()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync();
        using var client = await SignedInAsync(admin);

        var response = await client.PostMultipartAsync(Page, await FieldsAsync(client),
            ("Input.Logo", "logo.png", "image/png", Picture(900, 300, SKEncodedImageFormat.Png)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var clinic = await ClinicAsync(clinicId);
        Assert.Equal("image/png", clinic.LogoContentType);
        using (var stored = SKBitmap.Decode(clinic.Logo))
        {
            Assert.Equal((600, 200), (stored.Width, stored.Height));
        }

        var logo = await client.GetAsync(Page + "?handler=Logo");
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(logo.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(clinic.Logo, await logo.Content.ReadAsByteArrayAsync());
        Assert.Contains("alt=\"Current clinic logo\"", await client.GetPageAsync(Page));
    }

    [Fact]
    public async Task A_jpeg_logo_is_stored_as_png()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync();
        using var client = await SignedInAsync(admin);

        var response = await client.PostMultipartAsync(Page, await FieldsAsync(client),
            ("Input.Logo", "logo.jpg", "image/jpeg", Picture(200, 120, SKEncodedImageFormat.Jpeg)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var clinic = await ClinicAsync(clinicId);
        using var codec = SKCodec.Create(new MemoryStream(clinic.Logo!));
        Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        Assert.Equal((200, 120), (codec.Info.Width, codec.Info.Height));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("gif")]
    [InlineData("truncated")]
    [InlineData("too-big")]
    [InlineData("phone-photo")]
    public async Task A_file_that_is_not_a_small_png_or_jpeg_is_refused(string kind)
    {
        var (clinicId, admin) = await App.Data.ClinicAsync(phone: null);
        using var client = await SignedInAsync(admin);
        var png = Picture(300, 300, SKEncodedImageFormat.Png);
        var (bytes, message) = kind switch
        {
            "text" => ("This is a text file, not a picture."u8.ToArray(), "not a PNG or JPEG image"),
            "gif" => (Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"), "not a PNG or JPEG image"),
            "truncated" => (png[..(png.Length / 2)], "not a PNG or JPEG image"),
            "too-big" => (Enumerable.Repeat((byte)7, (int)LogoImage.MaxBytes + 1).ToArray(), "1 MB or smaller"),
            _ => (Enumerable.Repeat((byte)7, 8 * 1024 * 1024).ToArray(), "1 MB or smaller"),
        };

        var response = await client.PostMultipartAsync(Page, await FieldsAsync(client, ("Input.Phone", "555 0100")),
            ("Input.Logo", "logo.png", "image/png", bytes));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        var clinic = await ClinicAsync(clinicId);
        Assert.Null(clinic.Logo);
        Assert.Null(clinic.Phone);
    }

    [Fact]
    public async Task The_remove_logo_button_removes_it()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync();
        using var client = await SignedInAsync(admin);
        await client.PostMultipartAsync(Page, await FieldsAsync(client), ("Input.Logo", "logo.png", "image/png", Picture(50, 50, SKEncodedImageFormat.Png)));
        Assert.NotNull((await ClinicAsync(clinicId)).Logo);

        var response = await client.PostMultipartAsync(Page, await FieldsAsync(client, ("Input.RemoveLogo", "true")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await ClinicAsync(clinicId)).Logo);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Page + "?handler=Logo")).StatusCode);
    }

    [Fact]
    public async Task A_second_admins_stale_save_is_told_the_profile_changed_meanwhile()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync();
        var secondAdmin = await App.Data.UserAsync(clinicId, Roles.Admin, "Bo Second");
        using var first = await SignedInAsync(admin);
        using var second = await SignedInAsync(secondAdmin);
        var staleFields = await FieldsAsync(second, ("Input.Phone", "555 0199"));

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostMultipartAsync(Page, await FieldsAsync(first, ("Input.Phone", "555 0111")))).StatusCode);
        var stale = await second.PostMultipartAsync(Page, staleFields);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Another admin changed the clinic profile while you were editing.", html);
        Assert.Contains("555 0111", html);
        Assert.Equal("555 0111", (await ClinicAsync(clinicId)).Phone);
    }

    [Fact]
    public async Task Each_admin_sees_only_their_own_clinic()
    {
        await App.Data.ClinicAsync("Lakeside Spine");
        var (_, admin) = await App.Data.ClinicAsync("Harbour Spine");
        using var client = await SignedInAsync(admin);
        var html = await client.GetPageAsync(Page);
        Assert.Contains("value=\"Harbour Spine\"", html);
        Assert.DoesNotContain("Lakeside Spine", html);
    }

    /// <summary>The form as the page renders it (current values and row version), with some fields changed.</summary>
    private static async Task<List<(string, string)>> FieldsAsync(AppClient client, params (string Name, string Value)[] changes)
    {
        var html = await client.GetPageAsync(Page);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = AdminHtml.FieldValue(html, "Input.Name"),
            ["Input.EmergencyNumber"] = "911",
            ["Input.EmergencyText"] = string.Join("\n", HepBuilder.Clinical.Safety.SafetyDefaults.EmergencyLines),
            ["Input.CallUsText"] = string.Join("\n", HepBuilder.Clinical.Safety.SafetyDefaults.CallUsLines),
            ["Input.PaperSize"] = "Letter",
            ["Input.TimeZone"] = "UTC",
            ["Input.PatientLinkDays"] = AdminHtml.FieldValue(html, "Input.PatientLinkDays"),
            ["Input.RequireAdminTwoFactor"] = "false",
            ["Input.Version"] = AdminHtml.FieldValue(html, "Input.Version"),
        };
        foreach (var (name, value) in changes) fields[name] = value;
        return fields.Select(f => (f.Key, f.Value)).ToList();
    }

    private static byte[] Picture(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = new SKColor(15, 110, 116) };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private async Task<AppClient> SignedInAsync(TestUser user)
    {
        var client = App.Client();
        await client.SignInAsync(user.Email, user.Password);
        return client;
    }

    private Task<Clinic> ClinicAsync(Guid id) => App.WithDbAsync(db => db.Clinics.AsNoTracking().SingleAsync(c => c.Id == id));
}
