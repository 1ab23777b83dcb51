using System.Net;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Tests.Pages.Admin;
using HepBuilder.Tests.Pages.PatientView;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HepBuilder.Tests.Foundation;

/// <summary>The clinic's day, not UTC's: 7 pm in Los Angeles on the 23rd is the 24th in UTC.</summary>
public sealed class ClinicTimeZoneTests(AppFixture app) : AppTest(app)
{
    private static readonly DateTimeOffset EveningInLosAngeles = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_patient_logs_the_clinics_today_and_cannot_log_utcs_tomorrow()
    {
        var clock = new FakeTimeProvider(EveningInLosAngeles);
        await using var factory = App.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var kit = new PatientViewKit(App);
        var issued = await kit.IssuedAsync("Bridge");
        await App.WithDbAsync(db => db.Clinics.Where(c => c.Id == issued.Clinic.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TimeZone, "America/Los_Angeles")));
        using var phone = new AppClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

        var page = await phone.GetPageAsync($"/p/{issued.Token}");
        Assert.Contains("name=\"Input.Day\" value=\"2026-11-23\"", page);

        var utcTomorrow = await PatientViewKit.PostEntryAsync(phone, issued.Token, f =>
        {
            PatientViewKit.Set(f, "Input.Day", "2026-11-24");
            f.Add(new("Input.Pain", "3"));
        });
        Assert.Equal(HttpStatusCode.BadRequest, utcTomorrow.StatusCode);
        var today = await PatientViewKit.PostEntryAsync(phone, issued.Token, f => f.Add(new("Input.Pain", "3")));
        Assert.Equal(HttpStatusCode.Redirect, today.StatusCode);
        var entry = Assert.Single(await kit.EntriesAsync(issued.Clinic.Id, issued.ProgramId));
        Assert.Equal(new DateOnly(2026, 11, 23), entry.Day);
    }

    [Fact]
    public async Task Admin_chooses_the_zone_from_a_list_of_known_zones()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync("Pacific Spine");
        using var client = App.Client();
        await client.SignInAsync(admin.Email, admin.Password);
        var html = await client.GetPageAsync("/Admin/Clinic");
        Assert.Contains("<option value=\"America/Los_Angeles\">America/Los Angeles (UTC-08:00)</option>", html);

        var response = await client.PostMultipartAsync("/Admin/Clinic",
        [
            ("Input.Name", "Pacific Spine"), ("Input.EmergencyNumber", "911"), ("Input.EmergencyText", string.Join("\n", HepBuilder.Clinical.Safety.SafetyDefaults.EmergencyLines)), ("Input.CallUsText", string.Join("\n", HepBuilder.Clinical.Safety.SafetyDefaults.CallUsLines)),
            ("Input.PaperSize", "Letter"), ("Input.RequireAdminTwoFactor", "false"), ("Input.TimeZone", "America/Los_Angeles"),
            ("Input.Version", AdminHtml.FieldValue(html, "Input.Version")),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("America/Los_Angeles", await App.WithDbAsync(db => db.Clinics.Where(c => c.Id == clinicId).Select(c => c.TimeZone).SingleAsync()));
        Assert.Matches("<option[^>]*selected[^>]*value=\"America/Los_Angeles\"|<option value=\"America/Los_Angeles\"[^>]*selected",
            await client.GetPageAsync("/Admin/Clinic"));
    }
}
