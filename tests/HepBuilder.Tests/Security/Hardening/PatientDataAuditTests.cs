using System.Net;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Tests.Pages.PatientView;
using HepBuilder.Tests.Pages.Programs;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Tests.Security.Hardening;

/// <summary>Every page or file that shows a patient's data leaves a row: who, what, when, from where; lists say whom they listed.</summary>
public sealed class PatientDataAuditTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Patient_edit_page_patient_list_program_list_and_builder_views_are_audited()
    {
        var kit = new ProgramKit(App);
        var (clinic, client) = await kit.ClinicAsync();
        var other = await kit.PatientAsync(clinic.Id, "Bea", "Okafor");
        var program = await ProgramKit.NewProgramAsync(client, clinic.PatientId);

        await client.GetPageAsync($"/Patients/{clinic.PatientId}/Edit");
        await client.GetPageAsync("/Patients?q=okafor");
        await client.GetPageAsync("/Programs");
        await client.GetPageAsync(ProgramKit.EditUrl(program));

        var rows = await RowsAsync(clinic.Id);
        var edit = Assert.Single(rows, r => r.Action == "patient.viewed" && r.Details == """{"view": "edit"}""");
        Assert.Equal(clinic.PatientId, edit.PatientId);
        Assert.Equal(clinic.Clinician.Id, edit.UserId);
        var listed = rows.Where(r => r.Action == "patient.listed").ToList();
        var patients = Assert.Single(listed, r => r.Details!.Contains("\"view\": \"patients\"") && r.Details.Contains("\"q\": \"okafor\""));
        Assert.Contains(clinic.PatientId.ToString(), patients.Details);
        Assert.Contains(other.ToString(), patients.Details);
        var programs = Assert.Single(listed, r => r.Details!.Contains("\"view\": \"programs\""));
        Assert.Contains(clinic.PatientId.ToString(), programs.Details);
        var builder = Assert.Single(rows, r => r.Action == "program.viewed" && r.Details == """{"view": "builder"}""");
        Assert.Equal(clinic.PatientId, builder.PatientId);
    }

    [Fact]
    public async Task The_home_page_records_in_one_row_the_patients_its_cards_list()
    {
        var kit = new ProgramKit(App);
        var (clinic, client) = await kit.ClinicAsync();
        var drafted = await kit.PatientAsync(clinic.Id, "Cy", "Drafted");
        await ProgramKit.NewProgramAsync(client, drafted);

        await client.GetPageAsync("/");

        var row = Assert.Single(await RowsAsync(clinic.Id), r => r.Action == "patient.listed" && r.Details!.Contains("\"view\": \"/\""));
        Assert.Contains(clinic.PatientId.ToString(), row.Details);   // recent patients
        Assert.Contains(drafted.ToString(), row.Details);            // drafts in progress, by program
        Assert.Equal(clinic.Clinician.Id, row.UserId);
    }

    [Fact]
    public async Task Opening_the_patient_link_is_audited_with_the_phones_address_and_archiving_the_patient_locks_it()
    {
        var kit = new PatientViewKit(App);
        var issued = await kit.IssuedAsync("Bridge");
        using var phone = kit.Phone();
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/p/{issued.Token}")).StatusCode);

        var opened = Assert.Single(await RowsAsync(issued.Clinic.Id), r => r.Action == "patient_link.opened");
        Assert.Equal(issued.Clinic.PatientId, opened.PatientId);
        Assert.Null(opened.UserId);
        Assert.DoesNotContain(issued.Token, opened.Details);

        var archived = await issued.Clinician.PostFormAsync($"/Patients/{issued.Clinic.PatientId}", [], $"/Patients/{issued.Clinic.PatientId}?handler=Archive");
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync($"/p/{issued.Token}")).StatusCode);
        Assert.Contains(await RowsAsync(issued.Clinic.Id), r => r.Action == "patient_link.revoked" && r.Details!.Contains("patient_archived"));
    }

    private Task<List<AuditEvent>> RowsAsync(Guid clinic) =>
        App.WithDbAsync(db => db.AuditEvents.AsNoTracking().OrderBy(a => a.Id).ToListAsync(), clinic);
}
