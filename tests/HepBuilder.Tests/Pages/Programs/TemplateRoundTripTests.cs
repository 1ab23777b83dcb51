using System.Net;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HepBuilder.Tests.Pages.Programs.ProgramKit;

namespace HepBuilder.Tests.Pages.Programs;

public sealed class TemplateRoundTripTests(AppFixture app) : AppTest(app)
{
    private readonly ProgramKit _kit = new(app);

    private async Task<Guid> TemplateAsync(Guid clinicId, string title, params (string Exercise, int Sets, int Reps)[] items)
    {
        var ids = new List<Guid>();
        foreach (var item in items) ids.Add(await _kit.ExerciseIdAsync(item.Exercise));
        return await App.WithDbAsync(async db =>
        {
            var t = new Template
            {
                ClinicId = clinicId, Title = title,
                Items = items.Select((x, n) => new TemplateItem { Position = n, ExerciseId = ids[n], Dose = new Dose { Sets = x.Sets, Reps = x.Reps } }).ToList(),
            };
            db.Templates.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        }, clinicId);
    }

    [Fact]
    public async Task Program_started_from_a_template_copies_its_items_and_never_changes_it()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var templateId = await TemplateAsync(clinic.Id, "Core stability starter", ("Bird-dog", 2, 8), ("Side plank", 1, 3));

        var form = await client.GetPageAsync($"/Programs/New?patientId={clinic.PatientId}&templateId={templateId}");
        Assert.Contains("value=\"Core stability starter\"", form);
        var id = await NewProgramAsync(client, clinic.PatientId, "Core stability starter", templateId);
        var html = await client.GetPageAsync(EditUrl(id));
        Assert.Contains("Do 2 sets of 8.", Text(html));

        await SaveAsync(client, id, html, f => f["Input.Items[0].Sets"] = "4");
        var templateDose = await App.WithDbAsync(db => db.Templates.Where(t => t.Id == templateId).SelectMany(t => t.Items)
            .OrderBy(i => i.Position).Select(i => i.Dose.Sets).ToListAsync(), clinic.Id);
        Assert.Equal([2, 1], templateDose);
        var programDose = await App.WithDbAsync(db => db.ProgramItems.OrderBy(i => i.Position).Select(i => i.Dose.Sets).ToListAsync(), clinic.Id);
        Assert.Equal([4, 1], programDose);
    }

    [Fact]
    public async Task Another_clinics_template_is_404()
    {
        var (other, _) = await _kit.ClinicAsync("Other clinic");
        var foreign = await TemplateAsync(other.Id, "Theirs", ("Bridge", 1, 10));
        var (clinic, client) = await _kit.ClinicAsync("Our clinic");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Programs/New?patientId={clinic.PatientId}&templateId={foreign}")).StatusCode);
        var response = await client.PostFormAsync($"/Programs/New?patientId={clinic.PatientId}",
            [new("Input.PatientId", clinic.PatientId.ToString()), new("Input.Title", "x"), new("Input.TemplateId", foreign.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.Programs.AnyAsync(), clinic.Id));
    }

    [Fact]
    public async Task Issued_version_saved_as_a_template_starts_the_next_program_with_the_same_doses()
    {
        var (clinic, client) = await _kit.ClinicAsync();
        var first = await NewProgramAsync(client, clinic.PatientId);
        var html = await _kit.AddAsync(client, first, await client.GetPageAsync(EditUrl(first)), "Bridge", "Clamshell");
        Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(client, first, html, f => f["Input.Items[0].Sets"] = "3")).StatusCode);

        var details = await client.GetPageAsync($"/Programs/{first}");
        var link = System.Text.RegularExpressions.Regex.Match(details, "href=\"(/Templates/New\\?fromVersionId=[0-9a-f-]+)\"").Groups[1].Value;
        Assert.NotEmpty(link);
        var saved = await client.PostFormAsync(link, [new("Input.Title", "Okafor bridge plan"), new("Input.ClinicWide", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var templateId = await App.WithDbAsync(db => db.Templates.Where(t => t.Title == "Okafor bridge plan").Select(t => t.Id).SingleAsync(), clinic.Id);

        var second = await NewProgramAsync(client, clinic.PatientId, "From template", templateId);
        var page = await client.GetPageAsync(EditUrl(second));
        var fields = FormFields(page);
        Assert.Equal("3", fields["Input.Items[0].Sets"]);
        Assert.Contains("Clamshell", page);
    }
}
