using System.Net;
using System.Text.RegularExpressions;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Web.Pages.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace HepBuilder.Tests.Pages.Library;

/// <summary>Shared steps for the library tests: signed-in clients, seeded exercise ids, multipart posts, test images.</summary>
public static partial class LibraryKit
{
    public static async Task<(AppClient Client, TestUser User)> AdminAsync(AppFixture app, string clinic = "Harbour Spine")
    {
        var (_, admin) = await app.Data.ClinicAsync(clinic);
        var client = app.Client();
        await client.SignInAsync(admin.Email, admin.Password);
        return (client, admin);
    }

    public static async Task<(AppClient Client, TestUser User)> ClinicianAsync(AppFixture app, Guid clinicId)
    {
        var user = await app.Data.UserAsync(clinicId);
        var client = app.Client();
        await client.SignInAsync(user.Email, user.Password);
        return (client, user);
    }

    public static Task<Guid> ShippedIdAsync(AppFixture app, string name) =>
        app.WithDbAsync(db => db.Exercises.IgnoreQueryFilters().Where(e => e.ClinicId == null && e.Name == name).Select(e => e.Id).SingleAsync());

    public static Task<Exercise> LoadAsync(AppFixture app, Guid id) =>
        app.WithDbAsync(db => db.Exercises.IgnoreQueryFilters().AsNoTracking().Include(e => e.Pictures).SingleAsync(e => e.Id == id));

    public static Task<List<AuditEvent>> AuditAsync(AppFixture app, string action) =>
        app.WithDbAsync(db => db.AuditEvents.IgnoreQueryFilters().AsNoTracking().Where(a => a.Action == action).ToListAsync());

    /// <summary>Copies a shipped exercise to the admin's clinic through the page, returning the copy's id.</summary>
    public static async Task<Guid> CopyAsync(AppClient client, Guid shippedId)
    {
        var response = await client.PostFormAsync($"/Library/Details/{shippedId}", [], $"/Library/Actions/{shippedId}?handler=Copy");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    public static async Task<ExerciseSearchResult> SearchAsync(AppFixture app, Guid clinicId, ExerciseSearchQuery query)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HepBuilder.Data.HepDbContext>();
        db.CurrentClinicId = clinicId;
        return await scope.ServiceProvider.GetRequiredService<ExerciseSearch>().SearchAsync(query, CancellationToken.None);
    }

    /// <summary>Posts a multipart form with the antiforgery token from <paramref name="formPage"/>, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(AppClient client, string formPage, string field, byte[] file,
        string fileName, string contentType, string? action = null, string? caption = null)
    {
        var token = AppClient.AntiforgeryToken(await client.GetPageAsync(formPage));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        if (caption is not null) content.Add(new StringContent(caption), "Caption");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(part, field, fileName);
        return await client.Http.PostAsync(action ?? formPage, content);
    }

    public static byte[] Image(int width, int height, SKEncodedImageFormat format, SKColor? color = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(color ?? SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    /// <summary>A JPEG carrying an EXIF block with a GPS marker, to prove re-encoding drops metadata.</summary>
    public static byte[] JpegWithExif(string marker)
    {
        var jpeg = Image(400, 300, SKEncodedImageFormat.Jpeg);
        var payload = System.Text.Encoding.ASCII.GetBytes("Exif\0\0MM\0*\0\0\0\u0008\0\0GPSLatitude " + marker);
        var length = payload.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF), .. payload];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>A tiny PNG whose header claims <paramref name="width"/> × <paramref name="height"/>: a decompression bomb's shape.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = Image(8, 8, SKEncodedImageFormat.Png);
        // IHDR data starts at byte 16 (8 signature + 4 length + 4 type); its CRC covers type + 13 data bytes.
        void Write(int offset, int value) { png[offset] = (byte)(value >> 24); png[offset + 1] = (byte)(value >> 16); png[offset + 2] = (byte)(value >> 8); png[offset + 3] = (byte)value; }
        Write(16, width);
        Write(20, height);
        Write(29, (int)Crc32(png.AsSpan(12, 17)));
        return png;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>The page's text as a reader sees it: tags dropped, whitespace collapsed.</summary>
    public static string Text(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    /// <summary>A value inside an audit row's JSON details, by property path.</summary>
    public static string? Detail(AuditEvent audit, params string[] path)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(audit.Details!);
        var element = doc.RootElement;
        foreach (var name in path)
        {
            if (!element.TryGetProperty(name, out element)) return null;
        }
        return element.ToString();
    }

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
