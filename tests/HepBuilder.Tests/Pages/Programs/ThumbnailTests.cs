using System.Buffers.Binary;
using System.Net;
using HepBuilder.Tests.Infrastructure;
using static HepBuilder.Tests.Pages.Programs.ProgramKit;

namespace HepBuilder.Tests.Pages.Programs;

/// <summary>The builder's live thumbnail: page 1 of the handout as a PNG, from the saved draft or the posted, unsaved form.</summary>
public sealed class ThumbnailTests(AppFixture app) : AppTest(app)
{
    private readonly ProgramKit _kit = new(app);

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 1000, $"a real page, not a stub: {png.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public async Task Thumbnail_is_page_one_as_png_and_follows_the_unsaved_form()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await SaveAsync(client, id, await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Bridge"));

        var saved = await client.GetAsync($"{EditUrl(id)}?handler=Thumbnail");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("image/png", saved.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", saved.Headers.CacheControl!.ToString());
        // Letter, 612 × 792 pt, drawn 360 px wide.
        Assert.Equal((360, 466), PngSize(await saved.Content.ReadAsByteArrayAsync()));

        // The builder posts what is on screen, saved or not: A4 (595 × 842 pt) changes the page's shape.
        var (posted, _) = await PostAsync(client, id, html, "Thumbnail", change: f => f["Input.PaperSize"] = "A4");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal((360, 510), PngSize(await posted.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Another_clinics_thumbnail_is_404()
    {
        var (a, aClient) = await _kit.ClinicAsync("Clinic A", "Okafor");
        var id = await NewProgramAsync(aClient, a.PatientId);
        var (_, bClient) = await _kit.ClinicAsync("Clinic B", "Berg");
        Assert.Equal(HttpStatusCode.NotFound, (await bClient.GetAsync($"{EditUrl(id)}?handler=Thumbnail")).StatusCode);
    }
}
