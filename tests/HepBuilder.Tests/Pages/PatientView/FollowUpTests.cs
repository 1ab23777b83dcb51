using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HepBuilder.Tests.Pages.Programs.ProgramKit;
using static HepBuilder.Tests.Pages.PatientView.PatientViewKit;

namespace HepBuilder.Tests.Pages.PatientView;

public sealed class FollowUpTests(AppFixture app) : AppTest(app)
{
    private readonly PatientViewKit _kit = new(app);

    [Fact]
    public async Task Home_page_lists_patients_who_stopped_logging_and_whose_pain_rose_by_two_over_a_week()
    {
        var issued = await _kit.IssuedAsync("Bridge");
        var second = await _kit.Programs.PatientAsync(issued.Clinic.Id, "Ben", "Quiet");
        var quietProgram = await _kit.Programs.IssuedProgramAsync(issued.Clinician, second, "Bird-dog");

        // Ada: pain 3 the week before, 6 this week. Ben: last logged ten days ago.
        await AddEntriesAsync(issued.Clinic.Id, issued.ProgramId, (Today.AddDays(-10), 3), (Today.AddDays(-8), 3), (Today.AddDays(-2), 6), (Today, 6));
        await AddEntriesAsync(issued.Clinic.Id, quietProgram, (Today.AddDays(-10), 2));

        var home = await issued.Clinician.GetPageAsync("/");
        var quiet = Text(Section(home, "alerts-quiet"));
        var pain = Text(Section(home, "alerts-pain"));
        Assert.Contains("Ben Quiet", quiet);
        Assert.Contains("last entry 10 days ago", quiet);
        Assert.DoesNotContain("Ada Okafor", quiet);
        Assert.Contains("Ada Okafor", pain);
        Assert.Contains("pain 3 → 6 (weekly average)", pain);
        Assert.DoesNotContain("Ben Quiet", pain);
    }

    private Task AddEntriesAsync(Guid clinicId, Guid programId, params (DateOnly Day, int Pain)[] entries) => App.WithDbAsync(async db =>
    {
        var link = await db.PatientLinks.SingleAsync(l => l.ProgramId == programId);
        var version = await db.ProgramVersions.Where(v => v.ProgramId == programId).Select(v => v.Id).SingleAsync();
        foreach (var (day, pain) in entries)
        {
            db.PatientLogEntries.Add(new PatientLogEntry
            {
                ClinicId = clinicId, ProgramId = programId, PatientId = link.PatientId, LinkId = link.Id, VersionId = version, Day = day, Pain = pain,
            });
        }
        return await db.SaveChangesAsync();
    }, clinicId);

    /// <summary>The markup of one list of the card, from its class to where the next part begins.</summary>
    private static string Section(string html, string cssClass)
    {
        var at = html.IndexOf(cssClass + "\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No {cssClass} on the page");
        var end = cssClass == "alerts-quiet" ? html.IndexOf("Pain up by 2", at, StringComparison.Ordinal) : html.IndexOf("</div>", at, StringComparison.Ordinal);
        return html[at..end];
    }
}
