using System.Net;
using System.Text;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Web.Pages.Library;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using static HepBuilder.Tests.Pages.Library.LibraryKit;

namespace HepBuilder.Tests.Pages.Library;

public sealed class UploadTests(AppFixture app) : AppTest(app)
{
    private async Task<(AppClient Client, Guid ExerciseId)> CopyOfBridgeAsync()
    {
        var (client, _) = await AdminAsync(App);
        return (client, await CopyAsync(client, await ShippedIdAsync(App, "Bridge")));
    }

    private Task<int> StoredImageCountAsync() => App.WithDbAsync(db => db.StoredImages.CountAsync());

    [Fact]
    public async Task A_photo_is_re_encoded_downscaled_stripped_of_metadata_and_served_safely()
    {
        var (client, id) = await CopyOfBridgeAsync();
        var upload = await PostFileAsync(client, $"/Library/Upload/{id}", "Photo", JpegWithExif("SECRET-GPS-51.5N"), "phone.png", "image/png", caption: "Start");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);

        var picture = (await LoadAsync(App, id)).Pictures.OrderBy(p => p.SortOrder).Last();
        Assert.Equal("Start", picture.Caption);
        var stored = await App.WithDbAsync(db => db.StoredImages.SingleAsync(i => i.Sha256 == picture.ImageSha256));
        Assert.Equal("image/jpeg", stored.ContentType);
        Assert.DoesNotContain("SECRET-GPS", Encoding.ASCII.GetString(stored.Data));
        Assert.DoesNotContain("Exif", Encoding.ASCII.GetString(stored.Data));

        var served = await client.GetAsync(ExerciseCard.PhotoUrl(id, stored.Sha256));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(stored.Data, await served.Content.ReadAsByteArrayAsync());
        Assert.Contains(ExerciseCard.PhotoUrl(id, stored.Sha256), await client.GetPageAsync($"/Library/Details/{id}"));
        Assert.Single(await AuditAsync(App, "exercise.picture_added"));
    }

    [Fact]
    public async Task A_large_photo_is_scaled_to_1600_pixels()
    {
        var (client, id) = await CopyOfBridgeAsync();
        var upload = await PostFileAsync(client, $"/Library/Upload/{id}", "Photo", Image(3200, 1200, SKEncodedImageFormat.Webp), "wide.webp", "image/webp");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var stored = await App.WithDbAsync(db => db.StoredImages.SingleAsync());
        Assert.Equal((1600, 600), (stored.Width, stored.Height));
        using var codec = SKCodec.Create(new MemoryStream(stored.Data));
        Assert.Equal(1600, codec.Info.Width);
    }

    public static TheoryData<string, byte[], string, string> BadFiles => new()
    {
        { "not an image", Encoding.UTF8.GetBytes("just some text, not a picture"), "notes.png", "not a picture we can read" },
        { "HTML disguised as PNG", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "evil.png", "not a picture we can read" },
        { "SVG", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "x.svg", "not a picture we can read" },
        { "truncated", Image(600, 400, SKEncodedImageFormat.Jpeg)[..3000], "cut.jpg", "damaged or incomplete" },
        { "decompression bomb", PngClaiming(10_000, 5_000), "bomb.png", "more than 40 megapixels" },
        { "GIF", GifBytes(), "a.gif", "Gif files are not accepted" },
    };

    private static byte[] GifBytes() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_files_are_refused_with_a_reason_and_nothing_is_stored(string kind, byte[] file, string name, string reason)
    {
        var (client, id) = await CopyOfBridgeAsync();
        var response = await PostFileAsync(client, $"/Library/Upload/{id}", "Photo", file, name, "image/png");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, kind);
        Assert.Contains(reason, html);
        Assert.Equal(0, await StoredImageCountAsync());
        Assert.Equal(2, (await LoadAsync(App, id)).Pictures.Count);
    }

    [Fact]
    public async Task A_file_over_5_MB_gets_413_and_a_clear_message()
    {
        var (client, id) = await CopyOfBridgeAsync();
        var big = new byte[6 * 1024 * 1024];
        Image(100, 100, SKEncodedImageFormat.Png).CopyTo(big, 0);
        var response = await PostFileAsync(client, $"/Library/Upload/{id}", "Photo", big, "big.png", "image/png");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than 5 MB", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await StoredImageCountAsync());
    }

    [Fact]
    public async Task A_fifth_picture_is_refused()
    {
        var (client, id) = await CopyOfBridgeAsync();
        for (var i = 0; i < 2; i++)
        {
            var ok = await PostFileAsync(client, $"/Library/Upload/{id}", "Photo", Image(100 + i, 100, SKEncodedImageFormat.Png), "p.png", "image/png");
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        var fifth = await PostFileAsync(client, $"/Library/Upload/{id}", "Photo", Image(300, 100, SKEncodedImageFormat.Png), "p.png", "image/png");
        Assert.Equal(HttpStatusCode.BadRequest, fifth.StatusCode);
        Assert.Contains("already has 4 pictures", WebUtility.HtmlDecode(await fifth.Content.ReadAsStringAsync()));
        Assert.Equal(4, (await LoadAsync(App, id)).Pictures.Count);
    }

    [Fact]
    public async Task Pictures_can_be_reordered_and_a_photo_can_replace_the_drawings()
    {
        var (client, id) = await CopyOfBridgeAsync();
        await PostFileAsync(client, $"/Library/Upload/{id}", "Photo", Image(200, 100, SKEncodedImageFormat.Png), "p.png", "image/png");
        var photo = (await LoadAsync(App, id)).Pictures.Single(p => p.ImageSha256 != null);
        await client.PostFormAsync($"/Library/Pictures/{id}", [], $"/Library/Pictures/{id}?handler=Up&pictureId={photo.Id}");
        await client.PostFormAsync($"/Library/Pictures/{id}", [], $"/Library/Pictures/{id}?handler=Up&pictureId={photo.Id}");
        Assert.Equal(photo.Id, (await LoadAsync(App, id)).Pictures.OrderBy(p => p.SortOrder).First().Id);

        foreach (var drawing in (await LoadAsync(App, id)).Pictures.Where(p => p.PoseJson != null))
        {
            var removed = await client.PostFormAsync($"/Library/Pictures/{id}", [], $"/Library/Pictures/{id}?handler=Remove&pictureId={drawing.Id}");
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }
        var only = Assert.Single((await LoadAsync(App, id)).Pictures);
        Assert.Equal((photo.Id, 0), (only.Id, only.SortOrder));
        var html = await client.GetPageAsync($"/Library/Details/{id}");
        Assert.DoesNotContain("<svg", html);
        Assert.Equal(2, (await AuditAsync(App, "exercise.pictures_reordered")).Count);
    }
}
