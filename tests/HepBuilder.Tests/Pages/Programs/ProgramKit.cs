using System.Net;
using System.Text.RegularExpressions;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Tests.Pages.Programs;

/// <summary>
/// Drives the builder the way a browser does: reads the form fields off the rendered page, changes what a clinician
/// would change, and posts them (with the page's antiforgery token) to the handler the pressed button names.
/// </summary>
public sealed partial class ProgramKit(AppFixture app)
{
    public AppFixture App { get; } = app;

    public sealed record Clinic(Guid Id, TestUser Clinician, Guid PatientId);

    /// <summary>A clinic with a signed-in clinician and one patient (created directly: the Patients pages are not under test here).</summary>
    public async Task<(Clinic Clinic, AppClient Client)> ClinicAsync(string name = "Harbour Spine", string lastName = "Okafor",
        params PatientPrecaution[] precautions)
    {
        var (clinicId, _) = await App.Data.ClinicAsync(name);
        var clinician = await App.Data.UserAsync(clinicId, fullName: "Dana Reyes", credentials: "DPT");
        var patientId = await PatientAsync(clinicId, "Ada", lastName, precautions);
        var client = App.Client();
        await client.SignInAsync(clinician.Email, clinician.Password);
        return (new Clinic(clinicId, clinician, patientId), client);
    }

    public Task<Guid> PatientAsync(Guid clinicId, string first, string last, params PatientPrecaution[] precautions) =>
        App.WithDbAsync(async db =>
        {
            var patient = new Patient
            {
                ClinicId = clinicId, FirstName = first, LastName = last, DateOfBirth = new DateOnly(1961, 4, 2), Precautions = [.. precautions],
            };
            db.Patients.Add(patient);
            await db.SaveChangesAsync();
            return patient.Id;
        }, clinicId);

    public Task<Guid> ExerciseIdAsync(string name) =>
        App.WithDbAsync(db => db.Exercises.Where(e => e.Name == name).Select(e => e.Id).SingleAsync());

    /// <summary>Creates a program through the New page and returns its id (from the redirect to the builder).</summary>
    public static async Task<Guid> NewProgramAsync(AppClient client, Guid patientId, string title = "Back program", Guid? templateId = null)
    {
        var response = await client.PostFormAsync($"/Programs/New?patientId={patientId}",
            [new("Input.PatientId", patientId.ToString()), new("Input.Title", title), new("Input.TemplateId", templateId?.ToString() ?? "")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/Programs/[0-9a-f-]{36}/Edit$", location);
        return Guid.Parse(location.Split('/')[2]);
    }

    public static string EditUrl(Guid programId) => $"/Programs/{programId}/Edit";

    /// <summary>Posts the form as it is on <paramref name="html"/>, changed by <paramref name="change"/>, to a builder handler.</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> PostAsync(AppClient client, Guid programId, string html,
        string handler, string query = "", Action<Dictionary<string, string>>? change = null)
    {
        var fields = FormFields(html);
        change?.Invoke(fields);
        var response = await client.PostAsync($"{EditUrl(programId)}?handler={handler}{query}", fields.ToList());
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Adds exercises by name one after another (unsaved), returning the page that shows them.</summary>
    public async Task<string> AddAsync(AppClient client, Guid programId, string html, params string[] names)
    {
        foreach (var name in names)
        {
            var (response, page) = await PostAsync(client, programId, html, "Add", $"&exerciseId={await ExerciseIdAsync(name)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            html = page;
        }
        return html;
    }

    public static async Task<string> SaveAsync(AppClient client, Guid programId, string html, Action<Dictionary<string, string>>? change = null)
    {
        var (response, _) = await PostAsync(client, programId, html, "Save", change: change);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(EditUrl(programId));
    }

    public static async Task<HttpResponseMessage> IssueAsync(AppClient client, Guid programId, string html,
        Action<Dictionary<string, string>>? change = null) =>
        (await PostAsync(client, programId, html, "Issue", change: change)).Response;

    /// <summary>Builds, saves and issues a program with the given exercises; returns the program id.</summary>
    public async Task<Guid> IssuedProgramAsync(AppClient client, Guid patientId, params string[] names)
    {
        var id = await NewProgramAsync(client, patientId);
        var html = await AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), names);
        var response = await IssueAsync(client, id, html);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return id;
    }

    /// <summary>The successful form fields of a page, as a browser would submit them (checked boxes only, selected options).</summary>
    public static Dictionary<string, string> FormFields(string html)
    {
        var fields = new Dictionary<string, string>();
        void Add(string name, string value)
        {
            name = WebUtility.HtmlDecode(name);
            if (!fields.ContainsKey(name)) fields[name] = WebUtility.HtmlDecode(value);
        }
        foreach (Match m in InputRegex().Matches(html))
        {
            var tag = m.Value;
            var name = Attr(tag, "name");
            var type = Attr(tag, "type") ?? "text";
            if (name is null || type is "submit" or "button") continue;
            if (type is "checkbox" or "radio" && !Regex.IsMatch(tag, @"\schecked[\s=>/]")) continue;
            Add(name, Attr(tag, "value") ?? "");
        }
        foreach (Match m in TextareaRegex().Matches(html))
        {
            if (Attr(m.Groups[1].Value, "name") is { } name) Add(name, m.Groups[2].Value.TrimStart('\r', '\n'));
        }
        foreach (Match m in SelectRegex().Matches(html))
        {
            if (Attr(m.Groups[1].Value, "name") is not { } name) continue;
            var selected = Regex.Match(m.Groups[2].Value, "<option[^>]*selected[^>]*>");
            var option = selected.Success ? selected.Value : Regex.Match(m.Groups[2].Value, "<option[^>]*>").Value;
            Add(name, Attr(option, "value") ?? "");
        }
        return fields;
    }

    public static string? Attr(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return m.Success ? m.Groups[1].Value : null;
    }

    public static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " "));

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputRegex();

    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TextareaRegex();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SelectRegex();
}
