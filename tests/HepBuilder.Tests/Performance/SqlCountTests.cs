using System.Net;
using HepBuilder.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HepBuilder.Tests.Performance;

/// <summary>
/// Query discipline (issue 8): each main page is opened in a small clinic and in a large one (more patients,
/// programs, versions, items, exercises, templates and audit rows) and the SQL commands EF sends for that one request
/// are counted. A page must issue the same number in both — nothing per row (no N+1) — and no more than its budget,
/// so a new query on a page is a deliberate change to this table.
/// </summary>
public sealed class SqlCountTests(AppFixture app) : AppTest(app)
{
    /// <summary>Commands per request as measured when these tests were written; the comment says what they are.</summary>
    public static readonly TheoryData<string, int> Pages = new()
    {
        // clinic name, recent patients, drafts in progress, recently issued, adherence alerts (links, pain entries), the
        // patients of the listed programs and the audit row of whom the page listed
        { "home", 8 },
        // count, page of rows, the audit row of which patients were listed
        { "patient list", 3 },
        // count, page of rows (the trigram threshold is a setting of every connection), the audit row of the listing
        { "patient search", 3 },
        // patient with precautions, programs, history, view count, the audit row of the view, adherence components
        { "patient page", 8 },
        // program, draft with items, exercises with pictures, the audit row of the view, library page (ranking, rows
        // and first pictures in one)
        { "builder", 5 },
        // program, versions with items, current names, override users, the audit row of the view, adherence (issued
        // items, log entries, last comments), the patient link
        { "program page", 9 },
        // count, page of programs with patient, draft flag and latest number, the audit row of which patients were listed
        { "program list", 3 },
        // one statement: the ranked page with its rows and first pictures
        { "library list", 1 },
        { "library search", 1 },
        // templates with item counts
        { "template list", 1 },
        // two-factor requirement check, users, actions, count, page, patient names
        { "audit list", 6 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_issues_a_fixed_number_of_SQL_commands_whatever_the_data_size(string page, int budget)
    {
        var small = await SqlCountWorld.BuildAsync(App, "Small Spine", WorldSize.Small);
        var large = await SqlCountWorld.BuildAsync(App, "Large Spine", WorldSize.Large);

        var inSmall = await CommandsAsync(small, page);
        var inLarge = await CommandsAsync(large, page);

        Assert.True(inSmall.Count == inLarge.Count,
            $"{page}: {inSmall.Count} commands in the small clinic, {inLarge.Count} in the large one.\nLarge:\n{string.Join("\n---\n", inLarge)}");
        Assert.True(inLarge.Count <= budget, $"{page}: {inLarge.Count} commands, budget {budget}:\n{string.Join("\n---\n", inLarge)}");
        Assert.NotEmpty(inLarge);
    }

    private async Task<IReadOnlyList<string>> CommandsAsync(CountClinic clinic, string page)
    {
        var (client, url) = page switch
        {
            "home" => (clinic.Clinician, "/"),
            "patient list" => (clinic.Clinician, "/Patients"),
            "patient search" => (clinic.Clinician, "/Patients?q=smiht"),
            "patient page" => (clinic.Clinician, $"/Patients/{clinic.PatientId}"),
            "builder" => (clinic.Clinician, $"/Programs/{clinic.ProgramId}/Edit"),
            "program page" => (clinic.Clinician, $"/Programs/{clinic.ProgramId}"),
            "program list" => (clinic.Clinician, "/Programs"),
            "library list" => (clinic.Clinician, "/Library"),
            "library search" => (clinic.Clinician, "/Library?q=brige"),
            "template list" => (clinic.Clinician, "/Templates"),
            "audit list" => (clinic.Admin, "/Admin/Audit"),
            _ => throw new ArgumentOutOfRangeException(nameof(page), page, null),
        };
        var key = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(SqlCommandCounter.Header, key);
        using var response = await client.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} → {(int)response.StatusCode}");
        await response.Content.ReadAsStringAsync();
        return App.Factory.Services.GetRequiredService<SqlCommandCounter>().CommandsOf(key);
    }
}
