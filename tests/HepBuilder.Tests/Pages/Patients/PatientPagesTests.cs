using System.Net;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HepBuilder.Tests.Pages.Patients.PatientForms;

namespace HepBuilder.Tests.Pages.Patients;

public sealed class PatientPagesTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Creating_a_patient_saves_every_field_and_shows_the_patient_page()
    {
        var (client, user) = await ClinicianAsync(App);
        var id = await CreateAsync(client, Fields(mrn: "A-10042", more:
        [
            ("Input.Diagnosis", "L4–L5 microdiscectomy"), ("Input.SurgeryDate", "2026-11-02"), ("Input.Notes", "Prefers mornings"),
        ]));

        var saved = await App.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == id), user.ClinicId);
        Assert.Equal(("Margaret", "Johnson", new DateOnly(1957, 3, 14), "A-10042"), (saved.FirstName, saved.LastName, saved.DateOfBirth, saved.Mrn));
        Assert.Equal(("L4–L5 microdiscectomy", new DateOnly(2026, 11, 2), "Prefers mornings"), (saved.Diagnosis, saved.SurgeryDate, saved.Notes));
        Assert.Equal(user.ClinicId, saved.ClinicId);

        var page = await TextAsync(client, $"/Patients/{id}");
        Assert.Contains("Margaret Johnson", page);
        Assert.Contains("L4–L5 microdiscectomy", page);
        Assert.Contains($"href=\"/Programs/New?patientId={id}\"", page);
    }

    [Fact]
    public async Task Precautions_are_saved_with_until_dates_and_shown_active_or_expired()
    {
        var (client, user) = await ClinicianAsync(App);
        var id = await CreateAsync(client, Fields(more:
        [
            ("Input.Precautions[0].Kind", "NoLumbarFlexion"), ("Input.Precautions[0].Until", "2099-01-10"),
            ("Input.Precautions[1].Kind", "NoLifting"), ("Input.Precautions[1].MaxLiftPounds", "10"), ("Input.Precautions[1].Until", "2020-01-01"),
            ("Input.Precautions[2].Kind", "Custom"), ("Input.Precautions[2].Text", "No driving"),
        ]));

        var saved = await App.WithDbAsync(db => db.Patients.Include(p => p.Precautions).SingleAsync(p => p.Id == id), user.ClinicId);
        Assert.Equal(3, saved.Precautions.Count);
        Assert.Contains(saved.Precautions, p => p.Kind == PrecautionKind.NoLumbarFlexion && p.Until == new DateOnly(2099, 1, 10));
        Assert.Contains(saved.Precautions, p => p.Kind == PrecautionKind.NoLifting && p.MaxLiftPounds == 10 && p.Until == new DateOnly(2020, 1, 1));
        Assert.Contains(saved.Precautions, p => p.Kind == PrecautionKind.Custom && p.Text == "No driving" && p.Until == null);

        var page = await client.GetPageAsync($"/Patients/{id}");
        var active = Section(page, "precautions-active");
        Assert.Contains("No lumbar flexion until 2099-01-10", active);
        Assert.Contains("No driving", active);
        Assert.DoesNotContain("No lifting", active);
        Assert.Contains("No lifting over 10 lb until 2020-01-01", Section(page, "precautions-expired"));
    }

    [Fact]
    public async Task Add_another_precaution_adds_a_row_without_saving()
    {
        var (client, user) = await ClinicianAsync(App);
        var fields = Fields(more: [("Input.Precautions[0].Kind", "NoTwisting")]);
        var response = await client.PostFormAsync("/Patients/New", fields, "/Patients/New?handler=AddPrecaution");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Input.Precautions[1].Kind", html);
        Assert.Equal(0, await App.WithDbAsync(db => db.Patients.CountAsync(), user.ClinicId));
    }

    [Fact]
    public async Task Editing_changes_fields_and_precautions_and_audits_old_and_new_values()
    {
        var (client, user) = await ClinicianAsync(App);
        var id = await CreateAsync(client, Fields(more: [("Input.Precautions[0].Kind", "NoTwisting")]));
        var version = await App.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.Version).SingleAsync(), user.ClinicId);

        var response = await client.PostFormAsync($"/Patients/{id}/Edit", Fields(last: "Johnston", more:
        [
            ("Input.Version", version.ToString()),
            ("Input.Precautions[0].Kind", "NoTwisting"), ("Input.Precautions[0].Remove", "true"),
            ("Input.Precautions[1].Kind", "NoImpact"), ("Input.Precautions[1].Until", "2099-02-01"),
        ]));

        await ExpectAsync(HttpStatusCode.Redirect, response);
        var saved = await App.WithDbAsync(db => db.Patients.Include(p => p.Precautions).SingleAsync(p => p.Id == id), user.ClinicId);
        Assert.Equal("Johnston", saved.LastName);
        Assert.Equal(PrecautionKind.NoImpact, Assert.Single(saved.Precautions).Kind);

        var edit = await App.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.PatientId == id && a.Action == "patient.edited"), user.ClinicId);
        Assert.Equal(user.Id, edit.UserId);
        using var details = System.Text.Json.JsonDocument.Parse(edit.Details!);
        var changes = details.RootElement.GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("Field").GetString()!, c => (c.GetProperty("From").GetString(), c.GetProperty("To").GetString()));
        Assert.Equal(("Johnson", "Johnston"), changes["Last name"]);
        Assert.Equal(("No twisting", "No impact until 2099-02-01"), changes["Precautions"]);
        Assert.Equal(2, changes.Count);
        var page = await client.GetPageAsync($"/Patients/{id}");
        Assert.Contains("Edited the patient", page);
        Assert.Contains("Johnston", Section(page, "patient-history"));
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_is_refused_and_changes_nothing()
    {
        var (client, user) = await ClinicianAsync(App);
        var id = await CreateAsync(client, Fields());
        var response = await client.PostFormAsync($"/Patients/{id}/Edit", Fields(last: "Stale", more: [("Input.Version", "1")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Someone else changed this patient", await response.Content.ReadAsStringAsync());
        Assert.Equal("Johnson", await App.WithDbAsync(db => db.Patients.Select(p => p.LastName).SingleAsync(), user.ClinicId));
    }

    [Fact]
    public async Task Viewing_a_patient_writes_an_audit_row_every_time()
    {
        var (client, user) = await ClinicianAsync(App);
        var id = await CreateAsync(client, Fields());
        await client.GetPageAsync($"/Patients/{id}");
        await client.GetPageAsync($"/Patients/{id}");

        var views = await App.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "patient.viewed").ToListAsync(), user.ClinicId);
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.Equal((id, user.Id, id.ToString()), (v.PatientId!.Value, v.UserId!, v.EntityId!)));
        Assert.Single(await App.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "patient.created" && a.PatientId == id).ToListAsync(), user.ClinicId));
    }

    [Fact]
    public async Task History_lists_program_changes_in_words_folds_autosaves_and_leaves_out_views()
    {
        var (client, user) = await ClinicianAsync(App);
        var id = await CreateAsync(client, Fields());
        await App.WithDbAsync(async db =>
        {
            var at = DateTimeOffset.UtcNow;
            foreach (var (action, n) in new[] { ("program.created", 0), ("program.saved", 1), ("program.saved", 2), ("program.saved", 3), ("program.viewed", 4), ("program.issued", 5) })
            {
                db.AuditEvents.Add(new AuditEvent
                {
                    ClinicId = user.ClinicId, UserId = user.Id, UserName = user.Email, Action = action, EntityType = "Program",
                    PatientId = id, At = at.AddSeconds(n),
                });
            }
            return await db.SaveChangesAsync();
        }, user.ClinicId);

        var history = Section(await client.GetPageAsync($"/Patients/{id}"), "patient-history");
        Assert.Contains("Started a program", history);
        Assert.Contains("Saved a program draft (3 times)", history);
        Assert.Contains("Issued a program version", history);
        Assert.DoesNotContain("viewed", history);
        Assert.Contains("Casey Clinician, DPT", history);
        Assert.DoesNotContain(user.Email, history);
        Assert.True(history.IndexOf("Issued", StringComparison.Ordinal) < history.IndexOf("Started a program", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Archiving_hides_the_patient_from_the_list_keeps_the_data_and_can_be_undone()
    {
        var (client, user) = await ClinicianAsync(App);
        var id = await CreateAsync(client, Fields());
        var archive = await client.PostFormAsync($"/Patients/{id}", [], $"/Patients/{id}?handler=Archive");
        Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);

        Assert.DoesNotContain("Johnson, Margaret", await client.GetPageAsync("/Patients"));
        Assert.Contains("Johnson, Margaret", await client.GetPageAsync("/Patients?q=Johnson&archived=true"));
        Assert.True(await App.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.IsArchived).SingleAsync(), user.ClinicId));
        Assert.Single(await App.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "patient.archived" && a.PatientId == id).ToListAsync(), user.ClinicId));

        await client.PostFormAsync($"/Patients/{id}", [], $"/Patients/{id}?handler=Unarchive");
        Assert.Contains("Johnson, Margaret", await client.GetPageAsync("/Patients"));
    }

    [Fact]
    public async Task A_patient_with_a_program_cannot_be_deleted()
    {
        var (client, user) = await ClinicianAsync(App);
        var id = await CreateAsync(client, Fields());
        await App.WithDbAsync(async db =>
        {
            db.Programs.Add(new Data.Entities.Program { ClinicId = user.ClinicId, PatientId = id, Title = "Back program" });
            return await db.SaveChangesAsync();
        }, user.ClinicId);

        var page = await client.GetPageAsync($"/Patients/{id}");
        Assert.DoesNotContain("handler=Delete", page);
        var delete = await client.PostFormAsync($"/Patients/{id}", [], $"/Patients/{id}?handler=Delete");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Patients.CountAsync(), user.ClinicId));
    }

    [Fact]
    public async Task A_patient_without_programs_can_be_deleted_after_confirmation()
    {
        var (client, user) = await ClinicianAsync(App);
        var id = await CreateAsync(client, Fields());
        Assert.Contains("data-confirm=\"Delete Margaret Johnson for good?", await client.GetPageAsync($"/Patients/{id}"));

        var delete = await client.PostFormAsync($"/Patients/{id}", [], $"/Patients/{id}?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Patients.CountAsync(), user.ClinicId));
    }

    [Fact]
    public async Task Home_page_lists_recent_patients()
    {
        var (client, _) = await ClinicianAsync(App);
        Assert.Contains("No patients yet", await client.GetPageAsync("/"));
        var id = await CreateAsync(client, Fields());
        var home = await client.GetPageAsync("/");
        Assert.Contains("Recent patients", home);
        Assert.Contains($"href=\"/Patients/{id}\">Margaret Johnson</a>", home);
    }

    /// <summary>The HTML from an element with the given class or id to the end of its list or section (enough for Contains).</summary>
    internal static string Section(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0) return "";
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        var endList = html.IndexOf("</ul>", start, StringComparison.Ordinal);
        if (marker.StartsWith("precautions-", StringComparison.Ordinal) && endList > 0) end = endList;
        return end < 0 ? html[start..] : html[start..end];
    }
}
