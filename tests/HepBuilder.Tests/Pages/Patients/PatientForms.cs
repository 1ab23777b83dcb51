using System.Net;
using HepBuilder.Tests.Infrastructure;

namespace HepBuilder.Tests.Pages.Patients;

/// <summary>Signing in a clinician and filling the patient form, as a browser would.</summary>
public static class PatientForms
{
    public static async Task<(AppClient Client, TestUser User)> ClinicianAsync(AppFixture app, string clinic = "Harbour Spine")
    {
        var (clinicId, _) = await app.Data.ClinicAsync(clinic);
        var user = await app.Data.UserAsync(clinicId);
        var client = app.Client();
        await client.SignInAsync(user.Email, user.Password);
        return (client, user);
    }

    public static List<KeyValuePair<string, string>> Fields(string first = "Margaret", string last = "Johnson", string dob = "1957-03-14",
        string? mrn = null, params (string Key, string Value)[] more)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.FirstName", first), new("Input.LastName", last), new("Input.DateOfBirth", dob),
        };
        if (mrn is not null) fields.Add(new("Input.Mrn", mrn));
        fields.AddRange(more.Select(m => new KeyValuePair<string, string>(m.Key, m.Value)));
        return fields;
    }

    public static async Task<Guid> CreateAsync(AppClient client, List<KeyValuePair<string, string>> fields)
    {
        var response = await client.PostFormAsync("/Patients/New", fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Creating a patient answered {(int)response.StatusCode}:\n{await response.Content.ReadAsStringAsync()}");
        }
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }
}
