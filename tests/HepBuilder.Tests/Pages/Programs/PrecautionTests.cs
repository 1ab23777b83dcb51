using System.Net;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HepBuilder.Tests.Pages.Programs.ProgramKit;

namespace HepBuilder.Tests.Pages.Programs;

public sealed class PrecautionTests(AppFixture app) : AppTest(app)
{
    private readonly ProgramKit _kit = new(app);
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Conflicting_exercise_is_flagged_and_needs_a_reason_to_issue()
    {
        var (clinic, client) = await _kit.ClinicAsync(precautions: new PatientPrecaution { Kind = PrecautionKind.NoLumbarFlexion, Until = Today.AddDays(45) });
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Bridge", "Abdominal crunch");

        Assert.Contains("Conflicts with: No lumbar flexion until", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "Conflicts with:"));   // the bridge is fine

        var refused = await IssueAsync(client, id, html);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Abdominal crunch conflicts with", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.False(await App.WithDbAsync(db => db.ProgramVersions.AnyAsync(v => v.Number != null), clinic.Id));

        var issued = await IssueAsync(client, id, html, f => f["Input.Items[1].Overrides[0].Reason"] = "Pain-free in clinic; surgeon agreed");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);

        var item = await App.WithDbAsync(db => db.ProgramItems.SingleAsync(i => i.FrozenName == "Abdominal crunch"), clinic.Id);
        var o = Assert.Single(item.Overrides);
        Assert.Equal(("No lumbar flexion", "Pain-free in clinic; surgeon agreed", clinic.Clinician.Id), (o.Conflict, o.Reason, o.ById));
        var audit = await App.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.Action == "program.precaution_overridden"), clinic.Id);
        Assert.Contains("surgeon agreed", audit.Details);
        Assert.Equal(clinic.PatientId, audit.PatientId);
        var history = Text(await client.GetPageAsync($"/Programs/{id}"));
        Assert.Contains("Abdominal crunch despite “No lumbar flexion”: Pain-free in clinic; surgeon agreed", history);
        Assert.Contains("Dana Reyes", history);
    }

    [Fact]
    public async Task Expired_precaution_no_longer_warns()
    {
        var (clinic, client) = await _kit.ClinicAsync(precautions: new PatientPrecaution { Kind = PrecautionKind.NoLumbarFlexion, Until = Today.AddDays(-1) });
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Abdominal crunch");

        Assert.DoesNotContain("Conflicts with", html);
        Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(client, id, html)).StatusCode);
    }

    [Fact]
    public async Task Reasons_survive_a_save_with_who_gave_them()
    {
        var (clinic, client) = await _kit.ClinicAsync(precautions: new PatientPrecaution { Kind = PrecautionKind.NoLumbarExtension });
        var id = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Alternating superman");
        var saved = await SaveAsync(client, id, html, f => f["Input.Items[0].Overrides[0].Reason"] = "Gentle range only");

        Assert.Equal("Gentle range only", FormFields(saved)["Input.Items[0].Overrides[0].Reason"]);
        var o = Assert.Single(await App.WithDbAsync(db => db.ProgramItems.AsNoTracking().Select(i => i.Overrides).SingleAsync(), clinic.Id));
        Assert.Equal(clinic.Clinician.Id, o.ById);
    }
}
