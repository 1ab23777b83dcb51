using System.Net;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using static HepBuilder.Tests.Pages.Programs.ProgramKit;

namespace HepBuilder.Tests.Pages.Programs;

public sealed class IsolationTests(AppFixture app) : AppTest(app)
{
    private readonly ProgramKit _kit = new(app);

    [Fact]
    public async Task Another_clinic_gets_404_from_every_program_handler()
    {
        var (a, aClient) = await _kit.ClinicAsync("Clinic A", "Okafor");
        var issued = await _kit.IssuedProgramAsync(aClient, a.PatientId, "Bridge");
        var drafted = await NewProgramAsync(aClient, a.PatientId);

        var (b, bClient) = await _kit.ClinicAsync("Clinic B", "Berg");
        var bProgram = await NewProgramAsync(bClient, b.PatientId);
        var bPage = await bClient.GetPageAsync(EditUrl(bProgram));
        var fields = FormFields(bPage).ToList();

        foreach (var url in new[]
        {
            $"/Programs/{issued}", $"/Programs/{drafted}/Edit", $"/Programs/{drafted}/Edit?handler=Thumbnail",
            $"/Programs/{issued}/versions/1/handout.pdf", $"/Programs/{drafted}/draft/preview.pdf", $"/Programs/New?patientId={a.PatientId}",
        })
        {
            Assert.True((await bClient.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, "GET " + url);
        }
        foreach (var handler in new[] { "Save", "Issue", "Add&exerciseId=" + await _kit.ExerciseIdAsync("Squat"), "Move&index=0&to=0", "Remove&index=0", "Refresh", "Thumbnail" })
        {
            var response = await bClient.PostAsync($"/Programs/{drafted}/Edit?handler={handler}", fields);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {handler}: {response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await bClient.PostAsync($"/Programs/{issued}?handler=Revise", fields)).StatusCode);
        var newWithA = await bClient.PostAsync($"/Programs/New?patientId={b.PatientId}",
            [new("Input.PatientId", a.PatientId.ToString()), new("Input.Title", "x"), new("__RequestVerificationToken", AppClient_Token(bPage))]);
        Assert.Equal(HttpStatusCode.NotFound, newWithA.StatusCode);
    }

    [Fact]
    public async Task Another_clinics_own_exercise_posted_into_a_program_is_404()
    {
        var (a, _) = await _kit.ClinicAsync("Clinic A", "Okafor");
        var aExercise = await App.WithDbAsync(async db =>
        {
            var e = new Exercise { ClinicId = a.Id, Name = "Clinic A secret stretch", Steps = ["Stretch."] };
            e.RefreshSearchText();
            db.Exercises.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        }, a.Id);

        var (b, bClient) = await _kit.ClinicAsync("Clinic B", "Berg");
        var id = await NewProgramAsync(bClient, b.PatientId);
        var html = await bClient.GetPageAsync(EditUrl(id));
        Assert.DoesNotContain("secret stretch", (await bClient.GetPageAsync($"{EditUrl(id)}?Library.Q=secret")));

        var (add, _) = await PostAsync(bClient, id, html, "Add", $"&exerciseId={aExercise}");
        var (save, _) = await PostAsync(bClient, id, html, "Save", change: f => f["Input.Items[0].ExerciseId"] = aExercise.ToString());
        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
    }

    [Fact]
    public async Task Pages_require_sign_in()
    {
        var (a, aClient) = await _kit.ClinicAsync();
        var id = await _kit.IssuedProgramAsync(aClient, a.PatientId, "Bridge");
        using var anonymous = App.Client();
        foreach (var url in new[] { $"/Programs/{id}", $"/Programs/{id}/versions/1/handout.pdf", $"/Programs/New?patientId={a.PatientId}" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task Program_list_shows_this_clinics_programs_only()
    {
        var (a, aClient) = await _kit.ClinicAsync("Clinic A", "Okafor");
        await NewProgramAsync(aClient, a.PatientId, "Okafor back plan");
        var (b, bClient) = await _kit.ClinicAsync("Clinic B", "Berg");
        await _kit.IssuedProgramAsync(bClient, b.PatientId, "Bridge");

        var aList = await aClient.GetPageAsync("/Programs");
        Assert.Contains("Okafor back plan", aList);
        Assert.Contains("Draft in progress", aList);
        Assert.DoesNotContain("Berg", aList);
        Assert.Contains("No drafts waiting", await bClient.GetPageAsync("/Programs?drafts=true"));
        Assert.Contains("Version 1 issued", await bClient.GetPageAsync("/Programs"));
    }

    private static string AppClient_Token(string html) => AppClient.AntiforgeryToken(html);
}
