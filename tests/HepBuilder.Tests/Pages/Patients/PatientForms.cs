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

    /// <summary>Asserts the status, showing the page's validation messages when it differs.</summary>
    public static async Task ExpectAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        if (response.StatusCode == expected) return;
        var html = await response.Content.ReadAsStringAsync();
        var messages = System.Text.RegularExpressions.Regex.Matches(html, "(field-validation-error|validation-summary-errors)[^>]*>(.*?)</(span|div)>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Select(m => m.Groups[2].Value);
        Assert.Fail($"Expected {expected}, got {response.StatusCode}: {string.Join(" | ", messages)}");
    }

    /// <summary>The page's text with entities decoded (Razor encodes non-ASCII such as en dashes).</summary>
    public static async Task<string> TextAsync(AppClient client, string url) => WebUtility.HtmlDecode(await client.GetPageAsync(url));

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
