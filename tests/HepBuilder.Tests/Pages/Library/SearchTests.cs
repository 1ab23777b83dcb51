using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Web.Pages.Library;
using static HepBuilder.Tests.Pages.Library.LibraryKit;

namespace HepBuilder.Tests.Pages.Library;

public sealed class SearchTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Misspelt_brige_finds_Bridge_first()
    {
        var (clinicId, _) = await App.Data.ClinicAsync();
        var result = await SearchAsync(App, clinicId, new ExerciseSearchQuery("brige"));
        Assert.Equal("Bridge", result.Hits[0].Name);
        Assert.Contains(result.Hits, h => h.Name == "Glute bridge");
    }

    [Fact]
    public async Task Misspelt_hamstirng_finds_the_hamstring_stretch()
    {
        var (clinicId, _) = await App.Data.ClinicAsync();
        var result = await SearchAsync(App, clinicId, new ExerciseSearchQuery("hamstirng"));
        Assert.StartsWith("Hamstring stretch", result.Hits[0].Name);
    }

    [Fact]
    public async Task Name_matches_rank_before_matches_in_steps()
    {
        var (clinicId, _) = await App.Data.ClinicAsync();
        var result = await SearchAsync(App, clinicId, new ExerciseSearchQuery("plank", PageSize: 50));
        var names = result.Hits.Select(h => h.Name).ToList();
        var firstWithout = names.FindIndex(n => !n.Contains("plank", StringComparison.OrdinalIgnoreCase));
        var lastWith = names.FindLastIndex(n => n.Contains("plank", StringComparison.OrdinalIgnoreCase));
        Assert.True(lastWith >= 1, "both plank exercises are found");
        Assert.True(firstWithout == -1 || firstWithout > lastWith, string.Join(", ", names));
    }

    [Fact]
    public async Task Aliases_and_steps_are_searched()
    {
        var (clinicId, _) = await App.Data.ClinicAsync();
        var byAlias = await SearchAsync(App, clinicId, new ExerciseSearchQuery("bridging"));
        Assert.Contains(byAlias.Hits, h => h.Name == "Bridge");
        var byStep = await SearchAsync(App, clinicId, new ExerciseSearchQuery("buttocks"));
        Assert.NotEmpty(byStep.Hits);
    }

    [Fact]
    public async Task The_start_of_a_word_is_enough()
    {
        var (clinicId, _) = await App.Data.ClinicAsync();
        var result = await SearchAsync(App, clinicId, new ExerciseSearchQuery("clam"));
        Assert.Equal("Clamshell", result.Hits[0].Name);
    }

    [Fact]
    public async Task Filters_narrow_the_results_to_matching_exercises()
    {
        var (clinicId, _) = await App.Data.ClinicAsync();
        var result = await SearchAsync(App, clinicId, new ExerciseSearchQuery(null, Region: BodyRegion.Hip,
            Category: ExerciseCategory.Stretching, PageSize: 100));
        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.True(h.Region == BodyRegion.Hip && h.Category == ExerciseCategory.Stretching));

        var banded = await SearchAsync(App, clinicId, new ExerciseSearchQuery(null, Equipment: Equipment.Band, PageSize: 100));
        Assert.Contains(banded.Hits, h => h.Name == "Band rows");
        var supineEasy = await SearchAsync(App, clinicId, new ExerciseSearchQuery(null, Position: BodyPosition.Supine, Difficulty: 1, PageSize: 100));
        Assert.All(supineEasy.Hits, h => Assert.True(h.Position == BodyPosition.Supine && h.Difficulty == 1));
    }

    [Fact]
    public async Task Results_are_paged_with_the_total()
    {
        var (clinicId, _) = await App.Data.ClinicAsync();
        var first = await SearchAsync(App, clinicId, new ExerciseSearchQuery(null, Page: 1, PageSize: 10));
        var third = await SearchAsync(App, clinicId, new ExerciseSearchQuery(null, Page: 3, PageSize: 10));
        var beyond = await SearchAsync(App, clinicId, new ExerciseSearchQuery(null, Page: 99, PageSize: 10));
        Assert.True(first.Total >= 40);
        Assert.Equal(10, first.Hits.Count);
        Assert.Empty(first.Hits.Select(h => h.Id).Intersect(third.Hits.Select(h => h.Id)));
        Assert.Equal(first.Total, beyond.Total);
        Assert.Empty(beyond.Hits);
    }

    [Fact]
    public async Task Hits_carry_the_first_picture_and_default_dose()
    {
        var (clinicId, _) = await App.Data.ClinicAsync();
        var bridge = (await SearchAsync(App, clinicId, new ExerciseSearchQuery("Bridge"))).Hits[0];
        Assert.True(bridge.IsShipped);
        Assert.NotNull(bridge.FirstPoseJson);
        Assert.Equal(5, bridge.DefaultDose.HoldSeconds);
    }

    [Fact]
    public async Task Another_clinics_exercises_are_never_found()
    {
        var (client, admin) = await AdminAsync(App, "Clinic A");
        var copyId = await CopyAsync(client, await ShippedIdAsync(App, "Bridge"));
        await client.PostFormAsync($"/Library/Edit/{copyId}", await EditTests.FormOf(App, copyId, ("Input.Name", "Zebra bridge secret")));
        var (otherClinic, _) = await App.Data.ClinicAsync("Clinic B");

        var mine = await SearchAsync(App, admin.ClinicId, new ExerciseSearchQuery("zebra"));
        var theirs = await SearchAsync(App, otherClinic, new ExerciseSearchQuery("zebra"));
        Assert.Contains(mine.Hits, h => h.Name == "Zebra bridge secret" && !h.IsShipped);
        Assert.DoesNotContain(theirs.Hits, h => h.Id == copyId);
    }

    [Fact]
    public async Task Archived_exercises_are_left_out_unless_asked_for()
    {
        var (client, admin) = await AdminAsync(App);
        var copyId = await CopyAsync(client, await ShippedIdAsync(App, "Clamshell"));
        await client.PostFormAsync($"/Library/Details/{copyId}", [], $"/Library/Actions/{copyId}?handler=Archive");

        var active = await SearchAsync(App, admin.ClinicId, new ExerciseSearchQuery("clamshell"));
        var all = await SearchAsync(App, admin.ClinicId, new ExerciseSearchQuery("clamshell", IncludeArchived: true));
        Assert.DoesNotContain(active.Hits, h => h.Id == copyId);
        Assert.Contains(all.Hits, h => h.Id == copyId && h.Status == ExerciseStatus.Archived);
    }

    [Fact]
    public async Task Search_page_finds_a_misspelt_exercise_for_a_clinician()
    {
        var (clinicId, _) = await App.Data.ClinicAsync();
        var (client, _) = await ClinicianAsync(App, clinicId);
        var html = await client.GetPageAsync("/Library?q=brige");
        Assert.Contains("/Library/Details/" + await ShippedIdAsync(App, "Bridge"), html);
        Assert.DoesNotContain("New exercise", html);
    }

    [Fact]
    public async Task Search_page_without_matches_says_what_to_do_next()
    {
        var (clinicId, _) = await App.Data.ClinicAsync();
        var (client, _) = await ClinicianAsync(App, clinicId);
        var html = await client.GetPageAsync("/Library?q=xqzzvw");
        Assert.Contains("No exercises match your search", html);
        Assert.Contains("clear the filters", html);
    }

    [Fact]
    public async Task Search_text_is_a_parameter_not_sql()
    {
        var (clinicId, _) = await App.Data.ClinicAsync();
        var result = await SearchAsync(App, clinicId, new ExerciseSearchQuery("'; DROP TABLE exercises; --"));
        Assert.NotNull(result);
        Assert.True((await SearchAsync(App, clinicId, new ExerciseSearchQuery(null))).Total >= 40);
    }
}
