using System.Net;
using System.Security.Cryptography;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static HepBuilder.Tests.Pages.Programs.ProgramKit;

namespace HepBuilder.Tests.Pages.Programs;

public sealed class LifecycleTests(AppFixture app) : AppTest(app)
{
    private readonly ProgramKit _kit = new(app);

    private Task<List<ProgramVersion>> VersionsAsync(Guid clinicId, Guid programId) => App.WithDbAsync(db =>
        db.ProgramVersions.AsNoTracking().Include(v => v.Items.OrderBy(i => i.Position))
            .Where(v => v.ProgramId == programId).OrderBy(v => v.Number).ToListAsync(), clinicId);

    [Fact]
    public async Task Issuing_freezes_the_exercises_and_stores_the_handout_with_its_hash()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await _kit.IssuedProgramAsync(client, clinic.PatientId, "Bridge", "Bird-dog");

        var v = Assert.Single(await VersionsAsync(clinic.Id, id));
        Assert.Equal((1, VersionState.Issued, "Dana Reyes, DPT"), (v.Number, v.State, v.IssuedByName));
        Assert.Equal(clinic.Clinician.Id, v.IssuedById);
        Assert.NotNull(v.IssuedAt);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(v.HandoutPdf!)), v.HandoutSha256);
        Assert.Equal(["Bridge", "Bird-dog"], v.Items.Select(i => i.FrozenName));
        Assert.All(v.Items, i => Assert.NotEmpty(i.FrozenSteps!));
        Assert.All(v.Items, i => Assert.Contains("PoseJson", i.FrozenPicturesJson));
        Assert.True(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "program.issued" && a.EntityId == id.ToString()), clinic.Id));

        var details = await client.GetPageAsync($"/Programs/{id}");
        Assert.Contains("Version 1", details);
        Assert.Contains("Dana Reyes, DPT", details);
        Assert.Contains("Print handout (version 1)", details);
    }

    [Fact]
    public async Task Handout_download_serves_the_stored_bytes_under_a_stable_name()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Bridge", "Abdominal crunch");
        Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(client, id, html, f =>
        {
            f["Input.StartDate"] = "2026-12-01";
            f["Input.Instructions"] = "Go gently for the first week.";
        })).StatusCode);
        var stored = Assert.Single(await VersionsAsync(clinic.Id, id));

        // The library changes after issue; the issued handout must not.
        await App.WithDbAsync(db => db.Exercises.Where(e => e.Name == "Bridge").ExecuteUpdateAsync(s => s.SetProperty(e => e.Name, "Renamed bridge")));

        var first = await client.GetAsync($"/Programs/{id}/versions/1/handout.pdf");
        var second = await client.GetAsync($"/Programs/{id}/versions/1/handout.pdf");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType!.MediaType);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(stored.HandoutPdf, bytes);
        Assert.Equal(stored.HandoutPdf, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(stored.HandoutSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        var date = stored.IssuedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd");
        Assert.Equal("inline", first.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"Okafor-HEP-v1-{date}.pdf", first.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        // It carries the patient's name and the live QR token: nothing may keep a copy, so every view is audited (below).
        Assert.True(first.Headers.CacheControl!.NoStore);

        var text = PdfWords.All(bytes);
        Assert.Contains("Ada Okafor", text);
        Assert.Contains("Bridge", text);
        Assert.DoesNotContain("Renamed", text);
        Assert.Contains("Abdominal crunch", text);
        Assert.Contains("Do it 10 times. Hold each one for 5 seconds. Rest 10 seconds between each one.", text);
        Assert.Contains("Do 2 sets of 10. Hold each one for 2 seconds.", text);
        Assert.Contains("Start on Tuesday, December 1, 2026. Go gently for the first week.", text);
        Assert.Equal(2, await App.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "handout.downloaded" && a.EntityId == id.ToString()), clinic.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Programs/{id}/versions/2/handout.pdf")).StatusCode);
    }

    [Fact]
    public async Task Draft_preview_is_marked_on_every_page_and_not_stored()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        await SaveAsync(client, id, await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Bridge", "Squat"));

        var response = await client.GetAsync($"/Programs/{id}/draft/preview.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var pages = PdfWords.Pages(pdf);
        Assert.All(PdfWords.Glyphs(pdf), p => Assert.Contains("DRAFT—notissued", p));
        Assert.Contains("Squat", string.Join(" ", pages));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.Null(Assert.Single(await VersionsAsync(clinic.Id, id)).HandoutPdf);

        var thumb = await client.GetAsync($"{EditUrl(id)}?handler=Thumbnail");
        Assert.Equal("image/png", thumb.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Revise_copies_the_latest_version_into_one_new_draft()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await _kit.IssuedProgramAsync(client, clinic.PatientId, "Bridge", "Bird-dog");

        var revise = await client.PostFormAsync($"/Programs/{id}", [], $"/Programs/{id}?handler=Revise");
        Assert.Equal(HttpStatusCode.Redirect, revise.StatusCode);
        Assert.Equal($"/Programs/{id}/Edit", revise.Headers.Location!.OriginalString);
        await client.PostFormAsync($"/Programs/{id}", [], $"/Programs/{id}?handler=Revise");

        var versions = await VersionsAsync(clinic.Id, id);
        var draft = Assert.Single(versions, v => v.State == VersionState.Draft);
        Assert.Equal(["Bridge", "Bird-dog"], await App.WithDbAsync(db => db.ProgramItems.Where(i => i.VersionId == draft.Id)
            .OrderBy(i => i.Position).Select(i => i.Exercise!.Name).ToListAsync(), clinic.Id));
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "program.revised"), clinic.Id));
    }

    [Fact]
    public async Task Second_issue_supersedes_the_first_and_history_shows_what_changed()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await _kit.IssuedProgramAsync(client, clinic.PatientId, "Bridge", "Abdominal crunch", "Squat");
        await client.PostFormAsync($"/Programs/{id}", [], $"/Programs/{id}?handler=Revise");

        var html = await client.GetPageAsync(EditUrl(id));
        (_, html) = await PostAsync(client, id, html, "Remove", "&index=1");         // crunch out
        (_, html) = await PostAsync(client, id, html, "Move", "&index=1&to=0");      // squat first
        html = await _kit.AddAsync(client, id, html, "Bird-dog");
        var issue = await IssueAsync(client, id, html, f =>
        {
            f["Input.Items[1].Sets"] = "3";   // the bridge, now second
            f["Input.Items[1].Reps"] = "12";
            f["Input.Items[1].HoldSeconds"] = "10";
        });
        Assert.Equal(HttpStatusCode.Redirect, issue.StatusCode);

        var versions = await VersionsAsync(clinic.Id, id);
        Assert.Equal([(1, VersionState.Superseded), (2, VersionState.Issued)], versions.Select(v => (v.Number!.Value, v.State)));
        var history = Text(await client.GetPageAsync($"/Programs/{id}"));
        Assert.Contains("Added Bird-dog (as number 3)", history);
        Assert.Contains("Removed Abdominal crunch", history);
        Assert.Contains("Moved Squat from number 3 to number 1", history);
        Assert.Contains("Bridge: sets 1 → 3; reps 10 → 12; hold 5 s → 10 s", history);
        Assert.Contains("Do 3 sets of 12. Hold each one for 10 seconds.",
            PdfWords.All(await (await client.GetAsync($"/Programs/{id}/versions/2/handout.pdf")).Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Issue_is_all_or_nothing()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var id = await _kit.IssuedProgramAsync(client, clinic.PatientId, "Bridge");
        await client.PostFormAsync($"/Programs/{id}", [], $"/Programs/{id}?handler=Revise");
        var html = await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Squat");

        // The audit row is the last thing the issue writes; make the database refuse it.
        await using (var connection = new NpgsqlConnection(App.ConnectionString))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand("""
                CREATE OR REPLACE FUNCTION test_refuse_issue_audit() RETURNS trigger AS $$
                BEGIN IF NEW.action = 'program.issued' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
                CREATE TRIGGER test_refuse_issue_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_refuse_issue_audit();
                """, connection).ExecuteNonQueryAsync();
        }
        HttpResponseMessage response;
        try
        {
            response = await IssueAsync(client, id, html);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(App.ConnectionString);
            await connection.OpenAsync();
            await new NpgsqlCommand("DROP TRIGGER test_refuse_issue_audit ON audit_events; DROP FUNCTION test_refuse_issue_audit();", connection)
                .ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("refused by test", await response.Content.ReadAsStringAsync());
        var versions = await VersionsAsync(clinic.Id, id);
        Assert.Equal([(1, VersionState.Issued), (null, VersionState.Draft)], versions.OrderBy(v => v.Number ?? 99).Select(v => (v.Number, v.State)));
        var draft = versions.Single(v => v.State == VersionState.Draft);
        Assert.Null(draft.HandoutPdf);
        Assert.Null(draft.IssuedAt);
        Assert.Single(draft.Items);   // the pre-issue save of the form did not happen either
        Assert.All(draft.Items, i => Assert.Null(i.FrozenName));
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "program.issued"), clinic.Id));
    }

    [Fact]
    public async Task Second_of_two_concurrent_saves_is_told_what_changed_and_keeps_its_input()
    {
        var (clinic, dana) = await _kit.ClinicAsync();
        var sam = await App.Data.UserAsync(clinic.Id, fullName: "Sam Ortiz", credentials: "MD");
        using var samClient = App.Client();
        await samClient.SignInAsync(sam.Email, sam.Password);
        var id = await NewProgramAsync(dana, clinic.PatientId);
        await SaveAsync(dana, id, await _kit.AddAsync(dana, id, await dana.GetPageAsync(EditUrl(id)), "Bridge"));

        var danaPage = await dana.GetPageAsync(EditUrl(id));
        var samPage = await samClient.GetPageAsync(EditUrl(id));
        await SaveAsync(dana, id, danaPage, f => f["Input.Items[0].Sets"] = "2");
        var (conflict, html) = await PostAsync(samClient, id, samPage, "Save", change: f => f["Input.Items[0].Reps"] = "15");

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("This draft changed since you opened it", html);
        Assert.Contains("Dana Reyes saved it", html);
        Assert.Contains("Bridge: sets 1 → 2; reps 15 → 10", Text(html));
        Assert.Equal("15", FormFields(html)["Input.Items[0].Reps"]);   // nothing of Sam's is lost
        var saved = await App.WithDbAsync(db => db.ProgramItems.Select(i => i.Dose).SingleAsync(), clinic.Id);
        Assert.Equal((2, 10), (saved.Sets, saved.Reps));

        // Saving again from the conflict page is a deliberate overwrite.
        var (again, _) = await PostAsync(samClient, id, html, "Save");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        saved = await App.WithDbAsync(db => db.ProgramItems.Select(i => i.Dose).SingleAsync(), clinic.Id);
        Assert.Equal((1, 15), (saved.Sets, saved.Reps));
    }
}
