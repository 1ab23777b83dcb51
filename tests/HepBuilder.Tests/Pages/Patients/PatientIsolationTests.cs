using System.Net;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HepBuilder.Tests.Pages.Patients.PatientForms;

namespace HepBuilder.Tests.Pages.Patients;

public sealed class PatientIsolationTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Another_clinics_clinician_gets_404_on_every_patient_page_and_handler()
    {
        var (a, userA) = await ClinicianAsync(App, "Clinic A");
        var (b, _) = await ClinicianAsync(App, "Clinic B");
        var id = await CreateAsync(a, Fields(mrn: "A-1", more: [("Input.Precautions[0].Kind", "NoTwisting")]));

        foreach (var url in new[] { $"/Patients/{id}", $"/Patients/{id}/Edit" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(url)).StatusCode);
        }
        foreach (var action in new[]
        {
            $"/Patients/{id}/Edit", $"/Patients/{id}/Edit?handler=AddPrecaution", $"/Patients/{id}?handler=Archive",
            $"/Patients/{id}?handler=Unarchive", $"/Patients/{id}?handler=Delete",
        })
        {
            var response = await b.PostFormAsync("/Patients/New", Fields(last: "Hijacked"), action);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var saved = await App.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == id), userA.ClinicId);
        Assert.Equal(("Johnson", false), (saved.LastName, saved.IsArchived));
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "patient.viewed"), userA.ClinicId));
    }

    [Fact]
    public async Task Another_clinics_patients_never_appear_in_search_or_on_the_home_page()
    {
        var (a, _) = await ClinicianAsync(App, "Clinic A");
        var (b, _) = await ClinicianAsync(App, "Clinic B");
        await CreateAsync(a, Fields(mrn: "A-10042"));

        foreach (var url in new[] { "/Patients", "/Patients?q=Johnson", "/Patients?q=Jonson", "/Patients?q=A-10042",
                     "/Patients?q=1957-03-14", "/Patients?q=Johnson&archived=true", "/" })
        {
            var html = await b.GetPageAsync(url);
            Assert.DoesNotContain("Johnson, Margaret", html);
            Assert.DoesNotContain("Margaret Johnson", html);
        }
        Assert.Contains("No patients yet", await b.GetPageAsync("/Patients"));
    }
}
