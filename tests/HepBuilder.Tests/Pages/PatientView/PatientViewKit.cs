using System.Net;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Tests.Pages.Programs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HepBuilder.Tests.Pages.PatientView;

/// <summary>An issued program and its patient link, and a second, anonymous client: the patient's phone.</summary>
public sealed class PatientViewKit(AppFixture app)
{
    public ProgramKit Programs { get; } = new(app);
    public AppFixture App { get; } = app;

    public sealed record Issued(ProgramKit.Clinic Clinic, AppClient Clinician, Guid ProgramId, string Token);

    public async Task<Issued> IssuedAsync(params string[] exercises)
    {
        var (clinic, client) = await Programs.ClinicAsync();
        await App.WithDbAsync(db => db.Clinics.Where(c => c.Id == clinic.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phone, "555-0142")));
        var programId = await Programs.IssuedProgramAsync(client, clinic.PatientId, exercises.Length == 0 ? ["Bridge", "Bird-dog"] : exercises);
        return new Issued(clinic, client, programId, await TokenAsync(programId));
    }

    /// <summary>The live link's token, recovered the way the app does (Data Protection), since only its hash is stored.</summary>
    public async Task<string> TokenAsync(Guid programId)
    {
        var protectedToken = await App.WithDbAsync(db => db.PatientLinks.IgnoreQueryFilters()
            .Where(l => l.ProgramId == programId && l.RevokedAt == null).Select(l => l.ProtectedToken).SingleAsync());
        return App.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("PatientLink").Unprotect(protectedToken);
    }

    public AppClient Phone() => App.Client();

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Posts the patient's form as the page renders it, changed by <paramref name="change"/>.</summary>
    public static async Task<HttpResponseMessage> PostEntryAsync(AppClient phone, string token, Action<List<KeyValuePair<string, string>>> change,
        DateOnly? day = null)
    {
        var html = await phone.GetPageAsync($"/p/{token}" + (day is { } d ? $"?day={d:yyyy-MM-dd}" : ""));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", AppClient.AntiforgeryToken(html)),
            new("Input.Day", ProgramKit.Attr(System.Text.RegularExpressions.Regex.Match(html, "<input[^>]*name=\"Input.Day\"[^>]*>").Value, "value")!),
        };
        change(fields);
        return await phone.PostAsync($"/p/{token}", fields);
    }

    public static void Set(List<KeyValuePair<string, string>> fields, string key, string value)
    {
        fields.RemoveAll(f => f.Key == key);
        fields.Add(new(key, value));
    }

    public Task<List<PatientLogEntry>> EntriesAsync(Guid clinicId, Guid programId) =>
        App.WithDbAsync(db => db.PatientLogEntries.AsNoTracking().Where(e => e.ProgramId == programId).OrderBy(e => e.Day).ToListAsync(), clinicId);

    public Task<Guid> ExerciseIdAsync(string name) => Programs.ExerciseIdAsync(name);

    public static HttpStatusCode Status(HttpResponseMessage r) => r.StatusCode;

    public AppClient ClientWith(string key, string value, out IDisposable owner)
    {
        var factory = App.Factory.WithWebHostBuilder(b => b.UseSetting(key, value));
        owner = factory;
        return new AppClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
    }
}
