using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HepBuilder.Tests.Pages.Programs.ProgramKit;

namespace HepBuilder.Tests.Pages.Programs;

/// <summary>The home page's "Drafts in progress" and "Recently issued" cards.</summary>
public sealed class DashboardTests(AppFixture app) : AppTest(app)
{
    private readonly ProgramKit _kit = new(app);

    /// <summary>The card's HTML: from its class to the end of its card body.</summary>
    private static string Card(string html, string cssClass)
    {
        var start = html.IndexOf(cssClass, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {cssClass} card on the page");
        return html[start..html.IndexOf("</div></div>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Empty_cards_say_what_to_do_next()
    {
        var (_, client) = await _kit.ClinicAsync();
        var home = await client.GetPageAsync("/");

        var drafts = Text(Card(home, "dashboard-drafts"));
        Assert.Contains("No drafts waiting. Open a patient and press New program", drafts);
        Assert.Contains("href=\"/Patients\"", Card(home, "dashboard-drafts"));
        Assert.Contains("Nothing issued in the last 14 days. Finish a draft and press Issue", Text(Card(home, "dashboard-issued")));
    }

    [Fact]
    public async Task Drafts_are_the_clinicians_own_newest_edit_first_and_issued_versions_are_the_clinics()
    {
        var (clinic, dana) = await _kit.ClinicAsync();
        var older = await NewProgramAsync(dana, clinic.PatientId, "Neck program");
        var laterPatient = await _kit.PatientAsync(clinic.Id, "Lena", "Hart");
        var newer = await NewProgramAsync(dana, laterPatient, "Low back program");
        await SaveAsync(dana, newer, await _kit.AddAsync(dana, newer, await dana.GetPageAsync(EditUrl(newer)), "Bridge"));

        // A colleague in the same clinic: her draft is not Dana's, her issued program is the clinic's.
        var sam = App.Client();
        var samUser = await App.Data.UserAsync(clinic.Id, fullName: "Sam Ito");
        await sam.SignInAsync(samUser.Email, samUser.Password);
        var samsPatient = await _kit.PatientAsync(clinic.Id, "Noor", "Haddad");
        await NewProgramAsync(sam, samsPatient, "Sam's draft");
        var issued = await _kit.IssuedProgramAsync(sam, samsPatient, "Bird-dog");

        var home = await dana.GetPageAsync("/");
        var drafts = Card(home, "dashboard-drafts");
        Assert.Contains($"href=\"/Programs/{newer}/Edit\">Lena Hart</a>", drafts);
        Assert.Contains($"href=\"/Programs/{older}/Edit\">Ada Okafor</a>", drafts);
        Assert.True(drafts.IndexOf("Lena Hart", StringComparison.Ordinal) < drafts.IndexOf("Ada Okafor", StringComparison.Ordinal),
            "newest edit first");
        Assert.Contains("Low back program · 1 exercise · edited today", Text(drafts));
        Assert.DoesNotContain("Noor Haddad", drafts);
        Assert.DoesNotContain("Sam's draft", Text(drafts));

        var recent = Card(home, "dashboard-issued");
        Assert.Contains($"href=\"/Programs/{issued}\">Noor Haddad</a>", recent);
        Assert.Contains("Back program · version 1 · issued today", Text(recent));
        Assert.Contains($"href=\"/Programs/{issued}/versions/1/handout.pdf\"", recent);
        Assert.DoesNotContain("Ada Okafor", recent);

        // Issued three weeks ago: no longer "recent".
        await App.WithDbAsync(db => db.ProgramVersions.Where(v => v.ProgramId == issued)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.IssuedAt, DateTimeOffset.UtcNow.AddDays(-21))), clinic.Id);
        Assert.DoesNotContain("Noor Haddad", Card(await dana.GetPageAsync("/"), "dashboard-issued"));
    }

    [Fact]
    public async Task Never_shows_another_clinics_programs()
    {
        var (b, bClient) = await _kit.ClinicAsync("Clinic B", "Berg");
        await _kit.IssuedProgramAsync(bClient, b.PatientId, "Bridge");
        await NewProgramAsync(bClient, await _kit.PatientAsync(b.Id, "Otto", "Lind"), "B draft");

        var (_, aClient) = await _kit.ClinicAsync("Clinic A", "Okafor");
        var home = await aClient.GetPageAsync("/");
        Assert.DoesNotContain("Berg", home);
        Assert.DoesNotContain("Otto Lind", home);
        Assert.Contains("No drafts waiting", Text(Card(home, "dashboard-drafts")));
        Assert.Contains("Nothing issued", Text(Card(home, "dashboard-issued")));
    }
}
