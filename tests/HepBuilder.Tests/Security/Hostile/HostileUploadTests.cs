using System.Net;
using System.Text;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using Xunit.Abstractions;

namespace HepBuilder.Tests.Security.Hostile;

/// <summary>
/// Malformed and hostile files posted to every upload the app takes (clinic logo, exercise photo, library import):
/// each is refused with a 4xx and a message, changing nothing, or stored and then served as a real picture with a
/// safe content type and nosniff; never a 5xx.
/// </summary>
public sealed class HostileUploadTests(AppFixture app, ITestOutputHelper output) : AppTest(app)
{
    private readonly List<string> _failures = [];
    private int _cases;
    private int _stored;

    [Fact]
    public async Task Every_upload_refuses_or_safely_stores_every_hostile_file()
    {
        using var world = await HostileWorld.CreateAsync(App, "");
        var exercise = world.Matrix.ExerciseA;

        foreach (var upload in HostileFiles.Images("Input.Logo"))
        {
            await TryAsync(world, "/Admin/Clinic", upload, async () =>
                await ServedImageAsync(world.Admin, "/Admin/Clinic?handler=Logo", upload));
        }
        // An exercise holds four pictures at most: each case starts with room for one.
        await RemovePhotosAsync(world, exercise);
        foreach (var upload in HostileFiles.Images("Photo").Concat(HostileFiles.Captions()))
        {
            await TryAsync(world, $"/Library/Upload/{exercise}", upload, async () =>
            {
                var sha = await App.WithDbAsync(db => db.Set<ExercisePicture>().Where(p => p.ExerciseId == exercise && p.ImageSha256 != null)
                    .OrderByDescending(p => p.SortOrder).Select(p => p.ImageSha256).FirstAsync(), world.ClinicId);
                await ServedImageAsync(world.Admin, $"/Library/Photo/{exercise}/{sha}", upload);
                await RemovePhotosAsync(world, exercise);
            });
        }

        var json = await world.Admin.Http.GetStringAsync("/Library/Transfer?handler=Json");
        var csv = await world.Admin.Http.GetStringAsync("/Library/Transfer?handler=Csv");
        foreach (var upload in HostileFiles.Imports(json, csv))
        {
            await TryAsync(world, "/Library/Transfer", upload, () => ExportIsGuardedAsync(world, upload));
        }

        output.WriteLine($"HOSTILE UPLOAD CASES RUN: {_cases} ({_stored} stored and checked as served, the rest refused)");
        Assert.True(_failures.Count == 0, $"{_failures.Count} of {_cases} hostile uploads failed:\n" + string.Join("\n", _failures));
    }

    private Task<int> RemovePhotosAsync(HostileWorld world, Guid exercise) =>
        App.WithDbAsync(db => db.Set<ExercisePicture>().Where(p => p.ExerciseId == exercise).ExecuteDeleteAsync(), world.ClinicId);

    /// <summary>Posts the page's own form with the hostile file(s) in it and checks the answer.</summary>
    private async Task TryAsync(HostileWorld world, string page, HostileUpload upload, Func<Task> checkStored)
    {
        _cases++;
        var where = $"{page} {upload}";
        var form = HtmlForms.PostForms(await world.Admin.GetPageAsync(page), page).Single(f => f.Multipart);
        var fields = form.Fields.Where(f => f.Kind != "file")
            .Select(f => new KeyValuePair<string, string?>(f.Name, upload.Fields?.GetValueOrDefault(f.Name) ?? f.Value));
        var before = await world.FingerprintAsync();
        var response = await world.Admin.Http.PostAsync(form.Action, HostileFiles.Multipart(fields, upload.Parts));
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500) { _failures.Add($"{where}: {status}"); return; }
        foreach (var live in LiveMarkup.Find(body)) _failures.Add($"{where}: the answer has live markup {live}");

        if (status is 301 or 302 or 303)
        {
            _stored++;
            var next = await world.Admin.GetAsync(response.Headers.Location!.OriginalString);
            var html = await next.Content.ReadAsStringAsync();
            if ((int)next.StatusCode >= 400) _failures.Add($"{where}: the page after the upload answered {(int)next.StatusCode}");
            foreach (var live in LiveMarkup.Find(html)) _failures.Add($"{where}: the page after the upload has live markup {live}");
            await checkStored();
            return;
        }
        if (status is < 400 or >= 500) _failures.Add($"{where}: answered {status}, neither stored nor refused");
        if (!HasMessage(body)) _failures.Add($"{where}: refused with {status} but no message on the page");
        if (await world.FingerprintAsync() != before) _failures.Add($"{where}: refused with {status} but stored data changed");
    }

    private static bool HasMessage(string html) =>
        HtmlForms.Parse(html).QuerySelectorAll(".field-validation-error, .validation-summary-errors, [role=alert], .alert-danger, .text-danger, .auth-card h1")
            .Any(e => !string.IsNullOrWhiteSpace(e.TextContent) && e.TextContent.Trim() != "Something went wrong");

    /// <summary>A stored picture is served as PNG or JPEG, with nosniff, and is a picture that decodes (no script left in it).</summary>
    private async Task ServedImageAsync(AppClient client, string url, HostileUpload upload)
    {
        var served = await client.GetAsync(url);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        var type = served.Content.Headers.ContentType?.MediaType;
        var where = $"{url} after {upload}";
        if (served.StatusCode != HttpStatusCode.OK) { _failures.Add($"{where}: {(int)served.StatusCode}"); return; }
        if (type is not ("image/png" or "image/jpeg" or "image/webp")) _failures.Add($"{where}: served as {type}");
        if (!served.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) || !nosniff.Contains("nosniff")) _failures.Add($"{where}: no nosniff");
        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        if (codec is null) _failures.Add($"{where}: the stored file is not a picture");
        var text = Encoding.Latin1.GetString(bytes);
        if (text.Contains("<script", StringComparison.OrdinalIgnoreCase) || text.Contains("alert(", StringComparison.Ordinal)) _failures.Add($"{where}: the stored picture still carries the script");
    }

    /// <summary>After an import, the library pages show no live markup and the CSV export guards every formula.</summary>
    private async Task ExportIsGuardedAsync(HostileWorld world, HostileUpload upload)
    {
        foreach (var page in new[] { "/Library", "/Library/Transfer" })
        {
            foreach (var live in LiveMarkup.Find(await world.Admin.GetPageAsync(page))) _failures.Add($"{page} after {upload}: live markup {live}");
        }
        var csv = await world.Admin.Http.GetStringAsync("/Library/Transfer?handler=Csv");
        foreach (var line in csv.Split('\n'))
        {
            foreach (var cell in line.Split(','))
            {
                var c = cell.TrimStart('"');
                if (c.Length > 0 && "=+@".Contains(c[0]) || c.StartsWith("-2+", StringComparison.Ordinal))
                {
                    _failures.Add($"CSV export after {upload}: a cell starts a formula: {c}");
                }
            }
        }
    }
}
