using System.Net;
using System.Text;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using static HepBuilder.Tests.Pages.Library.LibraryKit;

namespace HepBuilder.Tests.Pages.Library;

public sealed class TransferTests(AppFixture app) : AppTest(app)
{
    /// <summary>A clinic with two exercises of its own: an edited Bridge copy with a photo, and an archived Clamshell copy.</summary>
    private async Task<(AppClient Client, TestUser Admin)> ClinicWithLibraryAsync()
    {
        var (client, admin) = await AdminAsync(App, "Exporting clinic");
        var bridge = await CopyAsync(client, await ShippedIdAsync(App, "Bridge"));
        await client.PostFormAsync($"/Library/Edit/{bridge}", await EditTests.FormOf(App, bridge,
            ("Input.Name", "Bridge, \"post-op\""), ("Input.Steps", "=Lie down, on your back.\nLift your hips.\nLower them slowly."),
            ("Input.Load", "red band"), ("Input.MovementTags", "LumbarExtension")));
        var photo = await PostFileAsync(client, $"/Library/Upload/{bridge}", "Photo", Image(320, 200, SKEncodedImageFormat.Png, SKColors.Teal), "p.png", "image/png", caption: "Photo");
        Assert.Equal(HttpStatusCode.Redirect, photo.StatusCode);
        var clam = await CopyAsync(client, await ShippedIdAsync(App, "Clamshell"));
        await client.PostFormAsync($"/Library/Details/{clam}", [], $"/Library/Actions/{clam}?handler=Archive");
        return (client, admin);
    }

    private Task<List<Exercise>> OwnAsync(Guid clinicId) => App.WithDbAsync(db => db.Exercises.AsNoTracking()
        .Include(e => e.Pictures).Where(e => e.ClinicId == clinicId).OrderBy(e => e.Name).ToListAsync(), clinicId);

    private static object Comparable(Exercise e) => new
    {
        e.Name, Aliases = string.Join("|", e.Aliases), e.BodyRegion, e.Category, e.Position, Equipment = string.Join("|", e.Equipment),
        e.Difficulty, Steps = string.Join("|", e.Steps), Cues = string.Join("|", e.Cues), Precautions = string.Join("|", e.Precautions),
        Tags = string.Join("|", e.MovementTags), e.DefaultDose.Sets, e.DefaultDose.Reps, e.DefaultDose.HoldSeconds, e.DefaultDose.Side,
        e.DefaultDose.TimesPerDay, e.DefaultDose.DaysPerWeek, e.DefaultDose.RestSeconds, e.DefaultDose.Load, e.VideoUrl, e.Status,
    };

    private static object PictureShape(Exercise e) => string.Join("|", e.Pictures.OrderBy(p => p.SortOrder)
        .Select(p => (p.ImageSha256 ?? "pose") + ":" + p.Caption));

    [Fact]
    public async Task Json_export_re_imports_into_another_clinic_with_everything_including_photos()
    {
        var (client, admin) = await ClinicWithLibraryAsync();
        var export = await client.GetAsync("/Library/Transfer?handler=Json");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        var json = await export.Content.ReadAsByteArrayAsync();

        var (other, otherAdmin) = await AdminAsync(App, "Importing clinic");
        var import = await PostFileAsync(other, "/Library/Transfer", "File", json, "library.json", "application/json");
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);

        var source = await OwnAsync(admin.ClinicId);
        var copied = await OwnAsync(otherAdmin.ClinicId);
        Assert.Equal(source.Select(Comparable), copied.Select(Comparable));
        Assert.Equal(source.Select(PictureShape), copied.Select(PictureShape));
        Assert.Contains(copied, e => e.Status == ExerciseStatus.Archived);
        Assert.Equal(2, (await AuditAsync(App, "exercise.imported")).Count);
    }

    [Fact]
    public async Task Re_importing_the_same_export_changes_nothing()
    {
        var (client, admin) = await ClinicWithLibraryAsync();
        var json = await (await client.GetAsync("/Library/Transfer?handler=Json")).Content.ReadAsByteArrayAsync();
        var before = await OwnAsync(admin.ClinicId);

        var import = await PostFileAsync(client, "/Library/Transfer", "File", json, "library.json", "application/json");
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.Contains("0 added, 0 updated, 2 unchanged", WebUtility.UrlDecode(await client.GetPageAsync("/Library/Transfer")));
        var after = await OwnAsync(admin.ClinicId);
        Assert.Equal(before.Select(e => (e.Id, e.Version)), after.Select(e => (e.Id, e.Version)));
    }

    [Fact]
    public async Task Csv_export_round_trips_the_text_fields()
    {
        var (client, admin) = await ClinicWithLibraryAsync();
        var export = await client.GetAsync("/Library/Transfer?handler=Csv");
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var csv = await export.Content.ReadAsByteArrayAsync();
        // The formula-looking step is escaped for spreadsheets.
        Assert.Contains("'=Lie down", Encoding.UTF8.GetString(csv));

        var (other, otherAdmin) = await AdminAsync(App, "CSV clinic");
        var import = await PostFileAsync(other, "/Library/Transfer", "File", csv, "library.csv", "text/csv");
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.Equal((await OwnAsync(admin.ClinicId)).Select(Comparable), (await OwnAsync(otherAdmin.ClinicId)).Select(Comparable));
        Assert.All(await OwnAsync(otherAdmin.ClinicId), e => Assert.Empty(e.Pictures));
    }

    [Fact]
    public async Task A_file_with_bad_rows_imports_nothing_and_lists_each_row_and_field()
    {
        var (client, admin) = await AdminAsync(App);
        const string csv = """
            Name,Aliases,BodyRegion,Category,Position,Equipment,Difficulty,Steps,Cues,Precautions,MovementTags,Sets,Reps,HoldSeconds,Side,TimesPerDay,DaysPerWeek,RestSeconds,Load,VideoUrl,Status
            Good one,,Lumbar,Mobility,Supine,Mat,1,Lie down.,,,,1,10,0,Both,1,7,0,,,Active
            ,,Lumbar,Mobility,Supine,,1,Lie down.,,,,1,10,0,Both,1,7,0,,,Active
            Too many sets,,Lumbar,Mobility,Supine,,1,Lie down.,,,,11,10,0,Both,1,7,0,,,Active
            Bad region,,Elbow,Mobility,Supine,Trampoline,1,Lie down.,,,,1,ten,0,Both,1,7,0,,,Active
            Good one,,Lumbar,Mobility,Supine,,1,,,,,1,10,0,Both,1,7,0,,,Active
            """;
        var response = await PostFileAsync(client, "/Library/Transfer", "File", Encoding.UTF8.GetBytes(csv), "bad.csv", "text/csv");
        var text = Text(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nothing was imported", text);
        Assert.Contains("2 Name Enter a name.", text);
        Assert.Contains("3 Too many sets Dose.Sets Sets must be a whole number from 1 to 10.", text);
        Assert.Contains("4 Bad region BodyRegion “Elbow” is not one of", text);
        Assert.Contains("4 Bad region Equipment “Trampoline” is not one of", text);
        Assert.Contains("4 Bad region Dose.Reps “ten” is not a whole number.", text);
        Assert.Contains("5 Good one Steps Enter at least one step.", text);
        Assert.Contains("5 Good one Name Row 1 has the same name", text);
        Assert.Empty(await OwnAsync(admin.ClinicId));
        Assert.Empty(await AuditAsync(App, "exercise.imported"));
    }

    [Fact]
    public async Task A_json_file_with_an_unknown_value_or_a_fake_photo_imports_nothing()
    {
        var (client, admin) = await AdminAsync(App);
        var html = Convert.ToBase64String(Encoding.UTF8.GetBytes("<html>not a photo</html>"));
        var json = "{\"exercises\":[{\"name\":\"Fine\",\"steps\":[\"Stand.\"],\"pictures\":[{\"image\":\"" + html + "\",\"contentType\":\"image/png\"}]},"
            + "{\"name\":\"Wrong\",\"bodyRegion\":\"Elbow\",\"steps\":[\"Stand.\"]}]}";
        var response = await PostFileAsync(client, "/Library/Transfer", "File", Encoding.UTF8.GetBytes(json), "bad.json", "application/json");
        var text = Text(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1 Fine Pictures[1] That file is not a picture we can read", text);
        Assert.Contains("2 Wrong bodyRegion", text);
        Assert.Empty(await OwnAsync(admin.ClinicId));
        Assert.Equal(0, await App.WithDbAsync(db => db.StoredImages.CountAsync()));
    }

    [Fact]
    public async Task Not_a_library_file_is_refused_with_a_message()
    {
        var (client, _) = await AdminAsync(App);
        var response = await PostFileAsync(client, "/Library/Transfer", "File", Encoding.UTF8.GetBytes("{ this is not json"), "x.json", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync());
    }
}
