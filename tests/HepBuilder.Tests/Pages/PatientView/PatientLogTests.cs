using System.Net;
using System.Text.Json;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HepBuilder.Tests.Pages.Programs.ProgramKit;
using static HepBuilder.Tests.Pages.PatientView.PatientViewKit;

namespace HepBuilder.Tests.Pages.PatientView;

public sealed class PatientLogTests(AppFixture app) : AppTest(app)
{
    private readonly PatientViewKit _kit = new(app);

    [Fact]
    public async Task Check_off_and_pain_are_stored_with_the_version_and_shown_to_the_clinician()
    {
        var issued = await _kit.IssuedAsync("Bridge", "Bird-dog");
        var bridge = await _kit.ExerciseIdAsync("Bridge");
        using var phone = _kit.Phone();

        var response = await PostEntryAsync(phone, issued.Token, f =>
        {
            f.Add(new("Input.Done", bridge.ToString()));
            f.Add(new("Input.Pain", "4"));
            f.Add(new("Input.Comment", "<b>Stiff</b> in the morning"));
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Saved", await phone.GetPageAsync(response.Headers.Location!.OriginalString));

        var entry = Assert.Single(await _kit.EntriesAsync(issued.Clinic.Id, issued.ProgramId));
        var version = await App.WithDbAsync(db => db.ProgramVersions.SingleAsync(v => v.ProgramId == issued.ProgramId), issued.Clinic.Id);
        Assert.Equal((Today, 4, "<b>Stiff</b> in the morning", version.Id), (entry.Day, entry.Pain, entry.Comment, entry.VersionId));
        Assert.Equal([bridge], entry.DoneExerciseIds);
        Assert.Equal(issued.Clinic.PatientId, entry.PatientId);
        var audit = await App.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.Action == "patient_log.saved"), issued.Clinic.Id);
        Assert.Equal(issued.Clinic.PatientId, audit.PatientId);
        Assert.Null(audit.UserId);
        Assert.Equal(4, JsonDocument.Parse(audit.Details!).RootElement.GetProperty("pain").GetInt32());
        Assert.DoesNotContain(issued.Token, audit.Details);

        foreach (var page in new[] { $"/Programs/{issued.ProgramId}", $"/Patients/{issued.Clinic.PatientId}" })
        {
            var html = await issued.Clinician.GetPageAsync(page);
            var text = Text(html);
            Assert.Contains($"Last entry {Today:d MMM yyyy}", text);
            Assert.Contains("“<b>Stiff</b> in the morning”", text);
            Assert.Contains("&lt;b&gt;Stiff&lt;/b&gt;", html);
            // Counted from the day of issue: the program has existed for one day, not 28.
            Assert.Contains("1 of 1 day logged since it was issued", text);
            Assert.Equal(1, CountOf(html, "adherence-cell done"));
            Assert.Contains("latest 4", html);
        }
    }

    [Fact]
    public async Task Each_session_of_the_day_is_its_own_tick_and_counts_up_to_the_prescription()
    {
        var (clinic, client) = await _kit.Programs.ClinicAsync();
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.Programs.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Bridge", "Bird-dog");
        Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(client, id, html, f => f["Input.Items[0].TimesPerDay"] = "3")).StatusCode);
        var token = await _kit.TokenAsync(id);
        var (bridge, birdDog) = (await _kit.ExerciseIdAsync("Bridge"), await _kit.ExerciseIdAsync("Bird-dog"));
        using var phone = _kit.Phone();

        var page = await phone.GetPageAsync($"/p/{token}");
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(page, $"name=\"Input.Done\" value=\"{bridge}\"").Count);
        Assert.Contains("3rd time", page);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, $"name=\"Input.Done\" value=\"{birdDog}\""));

        // Two of the bridge's three sessions, and a forged fifth tick of bird-dog: one counts.
        await PostEntryAsync(phone, token, f =>
        {
            f.Add(new("Input.Done", bridge.ToString()));
            f.Add(new("Input.Done", bridge.ToString()));
            for (var i = 0; i < 5; i++) f.Add(new("Input.Done", birdDog.ToString()));
        });
        var entry = Assert.Single(await _kit.EntriesAsync(clinic.Id, id));
        Assert.Equal([bridge, bridge, birdDog], entry.DoneExerciseIds);

        page = await phone.GetPageAsync($"/p/{token}");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(page, $"value=\"{bridge}\"[^>]*checked").Count);
        Assert.Contains("3 of 4 sessions done", Text(page));

        var clinician = Text(await client.GetPageAsync($"/Programs/{id}"));
        Assert.Contains("Bridge (3× a day) 2 of 3 (67%)", clinician);
        Assert.Contains("Bird-dog 1 of 1 (100%)", clinician);
    }

    [Fact]
    public async Task Patient_can_correct_today_and_recent_days_but_not_days_older_than_a_week()
    {
        var issued = await _kit.IssuedAsync("Bridge", "Bird-dog");
        var (bridge, birdDog) = (await _kit.ExerciseIdAsync("Bridge"), await _kit.ExerciseIdAsync("Bird-dog"));
        using var phone = _kit.Phone();
        await PostEntryAsync(phone, issued.Token, f => { f.Add(new("Input.Done", bridge.ToString())); f.Add(new("Input.Pain", "6")); });

        var corrected = await PostEntryAsync(phone, issued.Token, f =>
        {
            f.Add(new("Input.Done", bridge.ToString()));
            f.Add(new("Input.Done", birdDog.ToString()));
            f.Add(new("Input.Pain", "3"));
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var entry = Assert.Single(await _kit.EntriesAsync(issued.Clinic.Id, issued.ProgramId));
        Assert.Equal([bridge, birdDog], entry.DoneExerciseIds);
        Assert.Equal(3, entry.Pain);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(await phone.GetPageAsync($"/p/{issued.Token}"), "name=\"Input.Done\"[^>]*checked").Count);

        var twoDaysAgo = Today.AddDays(-2);
        var earlier = await PostEntryAsync(phone, issued.Token, f => f.Add(new("Input.Pain", "5")), twoDaysAgo);
        Assert.Equal(HttpStatusCode.Redirect, earlier.StatusCode);
        Assert.Contains(await _kit.EntriesAsync(issued.Clinic.Id, issued.ProgramId), e => e.Day == twoDaysAgo && e.Pain == 5);

        var tooOld = await PostEntryAsync(phone, issued.Token, f => { Set(f, "Input.Day", Today.AddDays(-8).ToString("yyyy-MM-dd")); f.Add(new("Input.Pain", "2")); });
        Assert.Equal(HttpStatusCode.BadRequest, tooOld.StatusCode);
        Assert.Contains("Only the last 7 days can be changed.", await tooOld.Content.ReadAsStringAsync());
        var tomorrow = await PostEntryAsync(phone, issued.Token, f => Set(f, "Input.Day", Today.AddDays(1).ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.BadRequest, tomorrow.StatusCode);
        Assert.Equal(2, (await _kit.EntriesAsync(issued.Clinic.Id, issued.ProgramId)).Count);

        // An entry from nine days ago is listed, but offers no change.
        await App.WithDbAsync(async db =>
        {
            var first = await db.PatientLogEntries.IgnoreQueryFilters().FirstAsync();
            db.PatientLogEntries.Add(new PatientLogEntry
            {
                ClinicId = first.ClinicId, ProgramId = first.ProgramId, PatientId = first.PatientId, LinkId = first.LinkId, VersionId = first.VersionId,
                Day = Today.AddDays(-9), Pain = 7,
            });
            return await db.SaveChangesAsync();
        });
        var page = Text(await phone.GetPageAsync($"/p/{issued.Token}"));
        Assert.Contains("pain 7 (older than 7 days, cannot be changed)", page);
    }

    [Theory]
    [InlineData("Input.Pain", "11", "Choose a pain number from 0 to 10.")]
    [InlineData("Input.Pain", "-1", "Choose a pain number from 0 to 10.")]
    [InlineData("Input.Pain", "lots", "is not valid")]
    [InlineData("Input.Done", "00000000-0000-0000-0000-000000000001", "That exercise is not in your current program.")]
    [InlineData("Input.Day", "yesterday-ish", "enter a date as year-month-day")]
    public async Task Bad_entries_are_refused_with_a_message_and_nothing_saved(string field, string value, string message)
    {
        var issued = await _kit.IssuedAsync("Bridge");
        using var phone = _kit.Phone();

        var response = await PostEntryAsync(phone, issued.Token, f => Set(f, field, value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Empty(await _kit.EntriesAsync(issued.Clinic.Id, issued.ProgramId));
        Assert.False(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "patient_log.saved"), issued.Clinic.Id));
    }

    [Fact]
    public async Task Comment_over_280_characters_and_a_post_without_the_form_token_are_refused()
    {
        var issued = await _kit.IssuedAsync("Bridge");
        using var phone = _kit.Phone();

        var long_ = await PostEntryAsync(phone, issued.Token, f => f.Add(new("Input.Comment", new string('a', 281))));
        Assert.Equal(HttpStatusCode.BadRequest, long_.StatusCode);
        Assert.Contains("280 characters or fewer", await long_.Content.ReadAsStringAsync());

        var forged = await phone.PostAsync($"/p/{issued.Token}", [new("Input.Day", Today.ToString("yyyy-MM-dd")), new("Input.Pain", "1")]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await _kit.EntriesAsync(issued.Clinic.Id, issued.ProgramId));
    }

    [Fact]
    public async Task Clinician_of_another_clinic_cannot_see_the_adherence_or_touch_the_link()
    {
        var issued = await _kit.IssuedAsync("Bridge");
        var (otherClinic, _) = await App.Data.ClinicAsync("Other Spine");
        var other = await App.Data.UserAsync(otherClinic);
        using var client = App.Client();
        await client.SignInAsync(other.Email, other.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Programs/{issued.ProgramId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Patients/{issued.Clinic.PatientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Programs/{issued.ProgramId}/patient-link")).StatusCode);
        foreach (var handler in new[] { "Revoke", "New" })
        {
            var response = await client.PostFormAsync("/", [], $"/Programs/{issued.ProgramId}/patient-link?handler={handler}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Contains("Hello Ada", await _kit.Phone().GetPageAsync($"/p/{issued.Token}"));
        Assert.DoesNotContain("Ada Okafor", await client.GetPageAsync("/"));
    }

    [Fact]
    public async Task Signed_out_visitor_cannot_revoke_a_link()
    {
        var issued = await _kit.IssuedAsync("Bridge");
        using var anonymous = _kit.Phone();
        var response = await anonymous.PostFormAsync($"/p/{issued.Token}", [], $"/Programs/{issued.ProgramId}/patient-link?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.OriginalString);
        Assert.Contains("Hello Ada", await anonymous.GetPageAsync($"/p/{issued.Token}"));
    }

    private static int CountOf(string html, string needle) => (html.Length - html.Replace(needle, "").Length) / needle.Length;
}
