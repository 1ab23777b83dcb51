using System.Net;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HepBuilder.Tests.Pages.Patients.PatientForms;

namespace HepBuilder.Tests.Pages.Patients;

public sealed class PatientBadInputTests(AppFixture app) : AppTest(app)
{
    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Input.DateOfBirth", "2999-01-01", "The date of birth cannot be in the future." },
        { "Input.DateOfBirth", "not a date", "Date of birth: enter a date as year-month-day, for example 2027-03-04." },
        { "Input.SurgeryDate", "03/04/2027", "Surgery date: enter a date as year-month-day, for example 2027-03-04." },
        { "Input.SurgeryDate", "1950-01-01", "The surgery date cannot be before the date of birth." },
        { "Input.LastName", new string('x', 81), "The last name must be at most 80 characters." },
        { "Input.FirstName", "   ", "Enter the first name." },
        { "Input.Precautions[0].MaxLiftPounds", "0", "The lifting limit must be 1 to 200 lb." },
        { "Input.Precautions[0].MaxLiftPounds", "201", "The lifting limit must be 1 to 200 lb." },
        { "Input.Precautions[0].MaxLiftPounds", "ten", "The value 'ten' is not valid for Max lift (lb)." },
        { "Input.Notes", new string('n', 2001), "Notes must be at most 2000 characters." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_answered_400_with_the_message_and_nothing_is_saved(string field, string value, string message)
    {
        var (client, user) = await ClinicianAsync(App);
        var fields = Fields(more: [("Input.Precautions[0].Kind", "NoLifting")]).Where(f => f.Key != field).ToList();
        fields.Add(new(field, value));
        var response = await client.PostFormAsync("/Patients/New", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.Patients.CountAsync(), user.ClinicId));
    }

    [Fact]
    public async Task A_duplicate_mrn_in_the_clinic_is_refused_even_in_other_case()
    {
        var (client, user) = await ClinicianAsync(App);
        await CreateAsync(client, Fields(mrn: "A-10042"));
        var response = await client.PostFormAsync("/Patients/New", Fields("Peter", "Smith", "1960-01-01", "a-10042"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Another patient in this clinic already has this MRN.", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.WithDbAsync(db => db.Patients.CountAsync(), user.ClinicId));
    }

    [Fact]
    public async Task The_same_mrn_in_another_clinic_is_fine()
    {
        var (a, _) = await ClinicianAsync(App, "Clinic A");
        var (b, _) = await ClinicianAsync(App, "Clinic B");
        await CreateAsync(a, Fields(mrn: "A-10042"));
        await CreateAsync(b, Fields(mrn: "A-10042"));
    }

    [Fact]
    public async Task Editing_to_another_patients_mrn_is_refused_and_changes_nothing()
    {
        var (client, user) = await ClinicianAsync(App);
        await CreateAsync(client, Fields(mrn: "A-1"));
        var id = await CreateAsync(client, Fields("Peter", "Smith", "1960-01-01", "B-2"));
        var response = await client.PostFormAsync($"/Patients/{id}/Edit", Fields("Pete", "Smith", "1960-01-01", "A-1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var saved = await App.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == id), user.ClinicId);
        Assert.Equal(("Peter", "B-2"), (saved.FirstName, saved.Mrn));
    }

    [Fact]
    public async Task A_custom_precaution_needs_a_description()
    {
        var (client, user) = await ClinicianAsync(App);
        var response = await client.PostFormAsync("/Patients/New", Fields(more: [("Input.Precautions[0].Kind", "Custom")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Describe the precaution.", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await App.WithDbAsync(db => db.Patients.CountAsync(), user.ClinicId));
    }

    [Fact]
    public async Task Html_in_text_fields_is_stored_as_typed_and_shown_escaped()
    {
        const string script = "<script>alert(1)</script>";
        var (client, user) = await ClinicianAsync(App);
        var id = await CreateAsync(client, Fields(first: script, last: "<b>Bold</b>", more:
        [
            ("Input.Diagnosis", script), ("Input.Notes", script), ("Input.Mrn", "<i>1</i>"),
            ("Input.Precautions[0].Kind", "Custom"), ("Input.Precautions[0].Text", script),
        ]));

        Assert.Equal(script, await App.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.FirstName).SingleAsync(), user.ClinicId));
        foreach (var url in new[] { $"/Patients/{id}", "/Patients", $"/Patients/{id}/Edit", "/" })
        {
            var html = await client.GetPageAsync(url);
            Assert.DoesNotContain(script, html);
            Assert.DoesNotContain("<b>Bold</b>", html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        }
    }
}
