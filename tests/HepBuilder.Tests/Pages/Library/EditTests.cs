using System.Globalization;
using System.Net;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Web.Pages.Library;
using static HepBuilder.Tests.Pages.Library.LibraryKit;

namespace HepBuilder.Tests.Pages.Library;

public sealed class EditTests(AppFixture app) : AppTest(app)
{
    /// <summary>The edit form's fields for an exercise as stored, with some replaced, as a browser would post them.</summary>
    public static async Task<List<KeyValuePair<string, string>>> FormOf(AppFixture app, Guid id, params (string Key, string Value)[] changes)
    {
        var e = await LoadAsync(app, id);
        var d = e.DefaultDose;
        static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", e.Name), new("Input.Aliases", string.Join('\n', e.Aliases)), new("Input.BodyRegion", N((int)e.BodyRegion)),
            new("Input.Category", N((int)e.Category)), new("Input.Position", N((int)e.Position)), new("Input.Difficulty", N(e.Difficulty)),
            new("Input.Steps", string.Join('\n', e.Steps)), new("Input.Cues", string.Join('\n', e.Cues)),
            new("Input.Precautions", string.Join('\n', e.Precautions)), new("Input.Sets", N(d.Sets)), new("Input.Reps", N(d.Reps)),
            new("Input.HoldSeconds", N(d.HoldSeconds)), new("Input.Side", N((int)d.Side)), new("Input.TimesPerDay", N(d.TimesPerDay)),
            new("Input.DaysPerWeek", N(d.DaysPerWeek)), new("Input.RestSeconds", N(d.RestSeconds)), new("Input.Load", d.Load ?? ""),
            new("Input.VideoUrl", e.VideoUrl ?? ""), new("Input.Version", e.Version.ToString(CultureInfo.InvariantCulture)),
        };
        fields.AddRange(e.Equipment.Select(x => new KeyValuePair<string, string>("Input.Equipment", x.ToString())));
        fields.AddRange(e.MovementTags.Select(x => new KeyValuePair<string, string>("Input.MovementTags", x.ToString())));
        foreach (var (key, value) in changes)
        {
            fields.RemoveAll(f => f.Key == key);
            fields.Add(new(key, value));
        }
        return fields;
    }

    [Fact]
    public async Task Admin_copies_Bridge_to_the_clinic_and_edits_the_copy()
    {
        var (client, admin) = await AdminAsync(App);
        var bridgeId = await ShippedIdAsync(App, "Bridge");
        var copyId = await CopyAsync(client, bridgeId);

        var copy = await LoadAsync(App, copyId);
        Assert.Equal(admin.ClinicId, copy.ClinicId);
        Assert.Equal(bridgeId, copy.CopiedFromId);
        Assert.Equal(2, copy.Pictures.Count);

        var response = await client.PostFormAsync($"/Library/Edit/{copyId}", await FormOf(App, copyId,
            ("Input.Name", "Bridge (post-op)"), ("Input.HoldSeconds", "10"), ("Input.Steps", "Lie on your back.\nLift your hips.")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var edited = await LoadAsync(App, copyId);
        Assert.Equal("Bridge (post-op)", edited.Name);
        Assert.Equal(10, edited.DefaultDose.HoldSeconds);
        Assert.Equal(["Lie on your back.", "Lift your hips."], edited.Steps);
        Assert.Equal(2, edited.Pictures.Count);
        Assert.Equal("Bridge", (await LoadAsync(App, bridgeId)).Name);

        var page = await client.GetPageAsync($"/Library/Details/{copyId}");
        Assert.Contains("Bridge (post-op)", page);
        Assert.Contains("Hold each one for 10 seconds", Text(page));
    }

    [Fact]
    public async Task Every_change_is_audited_with_old_and_new_values()
    {
        var (client, admin) = await AdminAsync(App);
        var copyId = await CopyAsync(client, await ShippedIdAsync(App, "Bridge"));
        await client.PostFormAsync($"/Library/Edit/{copyId}", await FormOf(App, copyId, ("Input.Sets", "3")));

        var copied = Assert.Single(await AuditAsync(App, "exercise.copied"));
        Assert.Equal(copyId.ToString(), copied.EntityId);
        Assert.Equal(admin.Id, copied.UserId);
        var edited = Assert.Single(await AuditAsync(App, "exercise.edited"));
        Assert.StartsWith("Do it 10 times.", Detail(edited, "changes", "Dose", "old"));
        Assert.StartsWith("Do 3 sets of 10.", Detail(edited, "changes", "Dose", "new"));
        Assert.Null(Detail(edited, "changes", "Steps"));
    }

    [Fact]
    public async Task Admin_creates_a_new_exercise()
    {
        var (client, admin) = await AdminAsync(App);
        var response = await client.PostFormAsync("/Library/Edit",
            ("Input.Name", "Seated pelvic tilt"), ("Input.BodyRegion", "Lumbar"), ("Input.Category", "Mobility"), ("Input.Position", "Sitting"),
            ("Input.Difficulty", "1"), ("Input.Steps", "Sit tall on a chair.\nRock your pelvis back and forth."), ("Input.Sets", "1"),
            ("Input.Reps", "10"), ("Input.HoldSeconds", "0"), ("Input.Side", "Both"), ("Input.TimesPerDay", "2"), ("Input.DaysPerWeek", "7"),
            ("Input.RestSeconds", "0"), ("Input.Equipment", "Chair"), ("Input.Version", "0"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var created = await LoadAsync(App, id);
        Assert.Equal(admin.ClinicId, created.ClinicId);
        Assert.Equal([Equipment.Chair], created.Equipment);
        Assert.Single(await AuditAsync(App, "exercise.created"));
        Assert.Contains((await SearchAsync(App, admin.ClinicId, new ExerciseSearchQuery("seated pelvic"))).Hits, h => h.Id == id);
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "Input.Name", "", "Enter a name." },
        { "Input.Name", new string('x', 121), "at most 120 characters" },
        { "Input.Steps", "", "Enter at least one step." },
        { "Input.Steps", string.Join('\n', Enumerable.Range(1, 13).Select(i => $"Step {i}.")), "at most 12 steps" },
        { "Input.Steps", new string('s', 401), "at most 400 characters" },
        { "Input.Sets", "11", "Sets must be a whole number from 1 to 10." },
        { "Input.Reps", "0", "Reps must be a whole number from 1 to 50." },
        { "Input.Reps", "51", "Reps must be a whole number from 1 to 50." },
        { "Input.HoldSeconds", "601", "Hold must be a whole number of seconds from 0 to 600." },
        { "Input.HoldSeconds", "-1", "Hold must be a whole number of seconds from 0 to 600." },
        { "Input.TimesPerDay", "7", "Times per day must be a whole number from 1 to 6." },
        { "Input.DaysPerWeek", "8", "Days per week must be a whole number from 1 to 7." },
        { "Input.DaysPerWeek", "0", "Days per week must be a whole number from 1 to 7." },
        { "Input.Sets", "lots", "Sets must be a whole number from 1 to 10." },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_input_gets_a_message_by_the_field_400_and_nothing_saved(string field, string value, string message)
    {
        var (client, _) = await AdminAsync(App);
        var copyId = await CopyAsync(client, await ShippedIdAsync(App, "Bridge"));
        var before = await LoadAsync(App, copyId);

        var response = await client.PostFormAsync($"/Library/Edit/{copyId}", await FormOf(App, copyId, (field, value), ("Input.Cues", "Changed cue")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(html));
        var after = await LoadAsync(App, copyId);
        Assert.Equal(before.Cues, after.Cues);
        Assert.Equal(before.Version, after.Version);
        Assert.Empty(await AuditAsync(App, "exercise.edited"));
    }

    [Fact]
    public async Task Dose_numbers_in_the_text_are_warned_of_by_the_field_marked_in_the_library_and_clinician_notes_never_print()
    {
        var (client, admin) = await AdminAsync(App);
        var copyId = await CopyAsync(client, await ShippedIdAsync(App, "Bridge"));

        var response = await client.PostFormAsync($"/Library/Edit/{copyId}", await FormOf(App, copyId,
            ("Input.Steps", "Lie on your back.\nHold for 30 seconds."), ("Input.ClinicianNotes", "Not in the first two weeks after fusion.")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await LoadAsync(App, copyId);
        Assert.True(saved.HasDoseNumbers);
        Assert.Equal(["Not in the first two weeks after fusion."], saved.ClinicianNotes);

        var edit = WebUtility.HtmlDecode(await client.GetPageAsync($"/Library/Edit/{copyId}"));
        Assert.Contains("This text has dose numbers of its own (“30 seconds”)", edit);
        var list = await client.GetPageAsync("/Library?q=bridge");
        Assert.Contains("Dose numbers in text", list);
        var details = WebUtility.HtmlDecode(await client.GetPageAsync($"/Library/Details/{copyId}"));
        Assert.Contains("For clinicians only", details);
        Assert.Contains("Not in the first two weeks after fusion.", details);

        // Written with the placeholder instead, the step prints the prescribed hold and the mark goes.
        await client.PostFormAsync($"/Library/Edit/{copyId}", await FormOf(App, copyId, ("Input.Steps", "Lie on your back.\nHold for {hold}.")));
        Assert.False((await LoadAsync(App, copyId)).HasDoseNumbers);
        Assert.DoesNotContain("Dose numbers in text", await client.GetPageAsync("/Library?q=bridge"));
        Assert.Contains("Hold for 5 seconds.", WebUtility.HtmlDecode(await client.GetPageAsync($"/Library/Details/{copyId}")));
    }

    [Fact]
    public async Task A_misspelt_placeholder_is_refused()
    {
        var (client, _) = await AdminAsync(App);
        var copyId = await CopyAsync(client, await ShippedIdAsync(App, "Bridge"));
        var response = await client.PostFormAsync($"/Library/Edit/{copyId}", await FormOf(App, copyId, ("Input.Steps", "Hold for {hld}.")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("{hld} is not something the handout can fill in", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_name_the_clinic_already_uses_is_rejected()
    {
        var (client, _) = await AdminAsync(App);
        await CopyAsync(client, await ShippedIdAsync(App, "Bridge"));
        var planks = await CopyAsync(client, await ShippedIdAsync(App, "Side plank"));

        var response = await client.PostFormAsync($"/Library/Edit/{planks}", await FormOf(App, planks, ("Input.Name", "bridge")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(LibraryNames.Taken, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal("Side plank", (await LoadAsync(App, planks)).Name);
    }

    [Fact]
    public async Task Second_of_two_concurrent_edits_is_told_and_shown_the_current_values()
    {
        var (first, admin) = await AdminAsync(App);
        var copyId = await CopyAsync(first, await ShippedIdAsync(App, "Bridge"));
        var second = App.Client();
        await second.SignInAsync(admin.Email, admin.Password);
        // Both admins open the form on the same version.
        var firstForm = await FormOf(App, copyId, ("Input.Name", "Bridge by Ada"));
        var secondForm = await FormOf(App, copyId, ("Input.Name", "Bridge by Bo"));

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync($"/Library/Edit/{copyId}", firstForm)).StatusCode);
        var late = await second.PostFormAsync($"/Library/Edit/{copyId}", secondForm);
        var html = WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains(EditModel.ChangedMeanwhile, html);
        Assert.Contains("value=\"Bridge by Ada\"", html);
        Assert.Equal("Bridge by Ada", (await LoadAsync(App, copyId)).Name);
    }

    [Fact]
    public async Task Shipped_exercises_are_read_only_even_for_admins()
    {
        var (client, _) = await AdminAsync(App);
        var bridgeId = await ShippedIdAsync(App, "Bridge");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Library/Edit/{bridgeId}")).StatusCode);
        var post = await client.PostFormAsync("/Library/Edit", await FormOf(App, bridgeId, ("Input.Name", "Hacked")), $"/Library/Edit/{bridgeId}");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("Bridge", (await LoadAsync(App, bridgeId)).Name);
    }

    [Fact]
    public async Task Duplicate_archive_and_unarchive_a_clinic_exercise()
    {
        var (client, _) = await AdminAsync(App);
        var copyId = await CopyAsync(client, await ShippedIdAsync(App, "Bird-dog"));
        var dup = await client.PostFormAsync($"/Library/Details/{copyId}", [], $"/Library/Actions/{copyId}?handler=Duplicate");
        var dupId = Guid.Parse(dup.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal("Bird-dog (copy)", (await LoadAsync(App, dupId)).Name);

        await client.PostFormAsync($"/Library/Details/{dupId}", [], $"/Library/Actions/{dupId}?handler=Archive");
        Assert.Equal(ExerciseStatus.Archived, (await LoadAsync(App, dupId)).Status);
        Assert.Contains("Unarchive", await client.GetPageAsync($"/Library/Details/{dupId}"));
        await client.PostFormAsync($"/Library/Details/{dupId}", [], $"/Library/Actions/{dupId}?handler=Unarchive");
        Assert.Equal(ExerciseStatus.Active, (await LoadAsync(App, dupId)).Status);
        var archived = Assert.Single(await AuditAsync(App, "exercise.archived"));
        Assert.Equal(("Active", "Archived"), (Detail(archived, "Status", "old"), Detail(archived, "Status", "new")));
    }

    [Fact]
    public async Task Preview_renders_the_card_from_the_form_as_typed()
    {
        var (client, _) = await AdminAsync(App);
        var copyId = await CopyAsync(client, await ShippedIdAsync(App, "Bridge"));
        var response = await client.PostFormAsync($"/Library/Edit/{copyId}",
            await FormOf(App, copyId, ("Input.Steps", "First <b>step</b>.\nSecond step."), ("Input.Sets", "2")), $"/Library/Edit/{copyId}?handler=Preview");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("First &lt;b&gt;step&lt;/b&gt;.", html);
        Assert.Contains("Do 2 sets of 10", html);
        Assert.Contains("<svg", html);
    }
}
