using System.Net;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HepBuilder.Tests.Pages.Programs.ProgramKit;

namespace HepBuilder.Tests.Pages.Programs;

public sealed class BuilderTests(AppFixture app) : AppTest(app)
{
    private readonly ProgramKit _kit = new(app);

    private Task<List<(string Name, Dose Dose)>> SavedItemsAsync(Guid clinicId, Guid programId) => App.WithDbAsync(db =>
        db.ProgramItems.Where(i => db.ProgramVersions.Any(v => v.Id == i.VersionId && v.ProgramId == programId && v.State == VersionState.Draft))
            .OrderBy(i => i.Position).Select(i => new { i.Exercise!.Name, i.Dose }).ToListAsync()
            .ContinueWith(t => t.Result.Select(x => (x.Name, x.Dose)).ToList()), clinicId);

    [Fact]
    public async Task New_program_opens_an_empty_draft_in_the_builder()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var form = await client.GetPageAsync($"/Programs/New?patientId={clinic.PatientId}");
        Assert.Contains("New program for Ada Okafor", form);

        var id = await NewProgramAsync(client, clinic.PatientId, "Lumbar program");
        var builder = await client.GetPageAsync(EditUrl(id));
        Assert.Contains("No exercises yet", builder);
        Assert.Contains("Exercise library", builder);
        var draft = await App.WithDbAsync(db => db.ProgramVersions.Where(v => v.ProgramId == id).Select(v => new { v.State, v.Title, v.Number }).SingleAsync(), clinic.Id);
        Assert.Equal((VersionState.Draft, "Lumbar program", (int?)null), (draft.State, draft.Title, draft.Number));
        Assert.True(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "program.created" && a.PatientId == clinic.PatientId), clinic.Id));
    }

    [Fact]
    public async Task Added_exercise_arrives_with_its_default_dose_and_is_kept_only_when_saved()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Bridge");

        Assert.Contains("Bridge", html);
        Assert.Contains("Do it 10 times. Hold each one for 5 seconds. Rest 10 seconds between each one.", Text(html));
        Assert.Contains("not saved yet", html);
        Assert.Empty(await SavedItemsAsync(clinic.Id, id));

        var saved = await SaveAsync(client, id, html);
        Assert.Contains("Draft saved.", saved);
        var item = Assert.Single(await SavedItemsAsync(clinic.Id, id));
        Assert.Equal(("Bridge", 1, 10, 5), (item.Name, item.Dose.Sets, item.Dose.Reps, item.Dose.HoldSeconds));
        Assert.True(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "program.saved" && a.EntityId == id.ToString()), clinic.Id));
    }

    [Fact]
    public async Task Move_and_remove_buttons_rearrange_the_program_without_javascript()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Bridge", "Bird-dog", "Side plank");

        (_, html) = await PostAsync(client, id, html, "Move", "&index=2&to=1");   // Side plank up
        (_, html) = await PostAsync(client, id, html, "Move", "&index=0&to=1");   // Bridge down
        (_, html) = await PostAsync(client, id, html, "Remove", "&index=2");      // Bird-dog out
        await SaveAsync(client, id, html);

        Assert.Equal(["Side plank", "Bridge"], (await SavedItemsAsync(clinic.Id, id)).Select(i => i.Name));
    }

    [Fact]
    public async Task Edited_dose_is_saved_and_summarised_in_the_handouts_words()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Bridge");
        var saved = await SaveAsync(client, id, html, f =>
        {
            f["Input.Items[0].Sets"] = "3";
            f["Input.Items[0].Reps"] = "12";
            f["Input.Items[0].HoldSeconds"] = "10";
            f["Input.Items[0].TimesPerDay"] = "2";
            f["Input.Items[0].DaysPerWeek"] = "5";
            f["Input.Items[0].Load"] = "red band";
        });

        Assert.Contains("Do 3 sets of 12. Hold each one for 10 seconds. Resistance: red band.", Text(saved));
        Assert.Contains("twice a day, 5 days a week", Text(saved));
        var dose = Assert.Single(await SavedItemsAsync(clinic.Id, id)).Dose;
        Assert.Equal((3, 12, 10, 2, 5, "red band"), (dose.Sets, dose.Reps, dose.HoldSeconds, dose.TimesPerDay, dose.DaysPerWeek, dose.Load));
    }

    [Fact]
    public async Task Summary_estimates_minutes_and_nudges_above_six_exercises()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Bridge", "Walking program");
        // Bridge: 1 set × 10 reps × (5 s hold + 3 s) = 80 s; walking: 10 minutes. 680 s → 12 minutes a session;
        // a day is the bridge once and two walks: 80 + 1,200 s → 22 minutes.
        Assert.Contains("about 12 minutes per session", Text(html));
        Assert.Contains("about 22 minutes a day", Text(html));
        Assert.DoesNotContain("more than 6 exercises", html);

        html = await _kit.AddAsync(client, id, html, "Bird-dog", "Clamshell", "Squat", "Wall sit", "Calf raises");
        Assert.Contains("more than 6 exercises", html);
    }

    public static TheoryData<string, string, string> BadDoses => new()
    {
        { "Sets", "abc", "Sets must be a whole number from 1 to 10." },
        { "Reps", "lots", "Reps must be a whole number from 1 to 50." },
        { "Sets", "11", "Sets must be a whole number from 1 to 10." },
        { "Reps", "0", "Reps must be a whole number from 1 to 50." },
        { "HoldSeconds", "601", "Hold must be a whole number of seconds from 0 to 600." },
        { "TimesPerDay", "7", "Times per day must be a whole number from 1 to 6." },
        { "DaysPerWeek", "8", "Days per week must be a whole number from 1 to 7." },
        { "RestSeconds", "-5", "Rest must be a whole number of seconds from 0 to 600." },
        { "Load", new string('x', 81), "Load must be at most 80 characters." },
        { "Note", new string('x', 1001), "The note must be at most 1,000 characters." },
    };

    [Theory]
    [MemberData(nameof(BadDoses))]
    public async Task Bad_dose_is_refused_with_a_message_and_nothing_saved(string field, string value, string message)
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Bridge");

        var (response, page) = await PostAsync(client, id, html, "Save", change: f => f[$"Input.Items[0].{field}"] = value);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(page));
        Assert.Contains("Bridge", page); // the clinician's work is still on the page
        Assert.Empty(await SavedItemsAsync(clinic.Id, id));
    }

    [Fact]
    public async Task A_malformed_start_date_names_the_expected_format_and_the_card_says_to_fix_an_impossible_dose()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Bridge");

        var (response, page) = await PostAsync(client, id, html, "Save", change: f =>
        {
            f["Input.StartDate"] = "4 March";
            f["Input.Items[0].HoldSeconds"] = "100000";
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = WebUtility.HtmlDecode(page);
        Assert.Contains("Start date: enter a date as year-month-day, for example 2027-03-04.", text);
        Assert.Contains("Hold must be a whole number of seconds from 0 to 600.", text);
        Assert.Contains("Fix the dose fields marked below", text);
        Assert.DoesNotContain("100000 seconds", text);
        Assert.Contains("value=\"4 March\"", page);
    }

    [Fact]
    public async Task A_refused_issue_lists_every_problem_at_the_top_with_a_link_to_its_field()
    {
        var (clinic, client) = await _kit.ClinicAsync(precautions: new PatientPrecaution { Kind = PrecautionKind.NoLumbarFlexion });
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Bridge", "Abdominal crunch");

        var (response, page) = await PostAsync(client, id, html, "Issue", change: f => f["Input.Items[0].Reps"] = "lots");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-focus=\"issue-errors\"", page);
        Assert.Contains("href=\"#Input_Items_0__Reps\"", page);
        Assert.Contains("href=\"#override-1-0\"", page);
        var text = WebUtility.HtmlDecode(page);
        Assert.Contains("1. Bridge: Reps must be a whole number from 1 to 50.", text);
        Assert.Contains("Abdominal crunch conflicts with “No lumbar flexion”", text);
        Assert.False(await App.WithDbAsync(db => db.ProgramVersions.AnyAsync(v => v.Number != null), clinic.Id));
    }

    [Fact]
    public async Task Issue_check_answers_whether_issuing_would_go_through()
    {
        var (clinic, client) = await _kit.ClinicAsync(precautions: new PatientPrecaution { Kind = PrecautionKind.NoLumbarFlexion });
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Abdominal crunch");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(client, id, html, "IssueCheck")).Response.StatusCode);
        var reasoned = await PostAsync(client, id, html, "IssueCheck", change: f => f["Input.Items[0].Overrides[0].Reason"] = "Surgeon agreed");
        Assert.Equal(HttpStatusCode.NoContent, reasoned.Response.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.ProgramVersions.AnyAsync(v => v.Number != null), clinic.Id));
    }

    [Fact]
    public async Task Empty_program_cannot_be_issued()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        var response = await IssueAsync(client, id, await client.GetPageAsync(EditUrl(id)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Add at least one exercise before issuing.", await response.Content.ReadAsStringAsync());
        Assert.False(await App.WithDbAsync(db => db.ProgramVersions.AnyAsync(v => v.Number != null), clinic.Id));
    }

    [Fact]
    public async Task Two_hundred_exercises_are_refused_and_nothing_saved()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        var bridge = (await _kit.ExerciseIdAsync("Bridge")).ToString();
        var (response, page) = await PostAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Save", change: f =>
        {
            for (var i = 0; i < 200; i++) f[$"Input.Items[{i}].ExerciseId"] = bridge;
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A program can have at most 40 exercises; this one has 200.", page);
        Assert.Empty(await SavedItemsAsync(clinic.Id, id));
    }

    [Fact]
    public async Task Adding_beyond_the_cap_is_refused()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        var bridge = (await _kit.ExerciseIdAsync("Bridge")).ToString();
        var (response, page) = await PostAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Add", $"&exerciseId={bridge}", f =>
        {
            for (var i = 0; i < 40; i++) f[$"Input.Items[{i}].ExerciseId"] = bridge;
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A program can have at most 40 exercises.", page);
    }

    [Fact]
    public async Task Unknown_exercise_id_is_refused_and_nothing_saved()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Bridge");
        var (response, page) = await PostAsync(client, id, html, "Save", change: f => f["Input.Items[0].ExerciseId"] = Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not in the library", page);
        Assert.Empty(await SavedItemsAsync(clinic.Id, id));
        var (add, addPage) = await PostAsync(client, id, html, "Add", $"&exerciseId={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.Contains("is not in the library", addPage);
    }

    [Fact]
    public async Task Archived_exercise_cannot_be_added()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await client.GetPageAsync(EditUrl(id));
        var crunch = await _kit.ExerciseIdAsync("Abdominal crunch");
        await App.WithDbAsync(db => db.Exercises.Where(e => e.Id == crunch).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, ExerciseStatus.Archived)));

        var (add, addPage) = await PostAsync(client, id, html, "Add", $"&exerciseId={crunch}");
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.Contains("Abdominal crunch is archived in the library and cannot be added.", addPage);

        var (save, _) = await PostAsync(client, id, html, "Save", change: f => f["Input.Items[0].ExerciseId"] = crunch.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Empty(await SavedItemsAsync(clinic.Id, id));
    }

    [Fact]
    public async Task Markup_in_every_text_field_is_shown_escaped_and_printed_literally()
    {
        const string Evil = "<script>alert('x')</script><b>bold</b>";
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Bridge");
        var saved = await SaveAsync(client, id, html, f =>
        {
            f["Input.Title"] = "T " + Evil;
            f["Input.Instructions"] = "I " + Evil;
            f["Input.Items[0].Load"] = "L <b>band</b>";
            f["Input.Items[0].Note"] = "N " + Evil;
        });
        Assert.DoesNotContain("<script>alert", saved);
        Assert.DoesNotContain("<b>bold</b>", saved);
        Assert.Contains("&lt;script&gt;", saved);

        Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(client, id, saved)).StatusCode);
        var details = await client.GetPageAsync($"/Programs/{id}");
        Assert.DoesNotContain("<script>alert", details);
        var pdf = await (await client.GetAsync($"/Programs/{id}/versions/1/handout.pdf")).Content.ReadAsByteArrayAsync();
        var text = PdfWords.All(pdf);
        Assert.Contains("<script>alert('x')</script><b>bold</b>", text.Replace(" ", ""));
        Assert.Contains("<b>band</b>", text.Replace(" ", ""));
    }
}
