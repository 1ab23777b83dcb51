using System.Net;
using HepBuilder.Data;
using HepBuilder.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HepBuilder.Tests.Pages.Programs.ProgramKit;

namespace HepBuilder.Tests.Reliability;

/// <summary>
/// Two app instances (two Kestrel servers) against one PostgreSQL database, as behind a load balancer: sign-in and
/// antiforgery work across them, and the same draft saved through both at once is never silently overwritten.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private TestDatabaseServer _server = null!;
    private KestrelApp _a = null!;
    private KestrelApp _b = null!;

    public async Task InitializeAsync()
    {
        _server = await TestDatabaseServer.StartAsync();
        var cs = _server.ForDatabase("hep_two_" + Guid.NewGuid().ToString("N")[..8]);
        _a = KestrelApp.Start(cs);
        _b = KestrelApp.Start(cs);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Both_instances_use_the_one_key_ring_stored_in_PostgreSQL()
    {
        await using var scope = _a.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HepDbContext>();
        var stored = await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync();

        Assert.NotEmpty(stored);
        foreach (var app in new[] { _a, _b })
        {
            var keys = app.Factory.Services.GetRequiredService<IKeyManager>().GetAllKeys();
            Assert.Equal(stored.Order(), keys.Select(k => "key-" + k.KeyId.ToString("D")).Order());
        }
    }

    [Fact]
    public async Task Session_cookie_and_antiforgery_token_from_one_instance_are_accepted_by_the_other()
    {
        var (clinicId, admin) = await _a.Data.ClinicAsync("Harbour Spine");
        var patientId = await _a.PatientAsync(clinicId, "Okafor");
        var cookies = new CookieContainer();
        using var viaA = _a.Client(cookies);
        using var viaB = _b.Client(cookies);

        await viaA.SignInAsync(admin.Email, admin.Password);
        var page = await viaB.GetAsync($"/Patients/{patientId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);   // signed in on A, recognised by B
        Assert.Contains("Okafor", await page.Content.ReadAsStringAsync());

        // The form (and its antiforgery token) comes from A; B accepts the post.
        var token = AppClient.AntiforgeryToken(await viaA.GetPageAsync($"/Programs/New?patientId={patientId}"));
        var created = await viaB.PostAsync($"/Programs/New?patientId={patientId}",
            [new("Input.PatientId", patientId.ToString()), new("Input.Title", "Back program"), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Matches("^/Programs/[0-9a-f-]{36}/Edit$", created.Headers.Location!.OriginalString);

        // A token that was never issued is still refused: the check is real, not switched off.
        var forged = await viaB.PostAsync($"/Programs/New?patientId={patientId}",
            [new("Input.PatientId", patientId.ToString()), new("Input.Title", "Forged"), new("__RequestVerificationToken", token[..^4] + "AAAA")]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Same_draft_saved_through_both_instances_at_once_is_a_conflict_never_a_silent_overwrite()
    {
        var (clinicId, _) = await _a.Data.ClinicAsync("Harbour Spine");
        var dana = await _a.Data.UserAsync(clinicId, fullName: "Dana Reyes");
        var sam = await _a.Data.UserAsync(clinicId, fullName: "Sam Ortiz");
        var patientId = await _a.PatientAsync(clinicId, "Okafor");
        using var danaOnA = _a.Client(new CookieContainer());
        using var samOnB = _b.Client(new CookieContainer());
        await danaOnA.SignInAsync(dana.Email, dana.Password);
        await samOnB.SignInAsync(sam.Email, sam.Password);
        var id = await NewProgramAsync(danaOnA, patientId);

        for (var round = 1; round <= 4; round++)
        {
            // Both open the same draft (same stamp), each on their own instance, and press Save together.
            var danaPage = await danaOnA.GetPageAsync(EditUrl(id));
            var samPage = await samOnB.GetPageAsync(EditUrl(id));
            var danaText = $"Dana's instructions, round {round}";
            var samText = $"Sam's instructions, round {round}";
            var saves = await Task.WhenAll(
                PostAsync(danaOnA, id, danaPage, "Save", change: f => f["Input.Instructions"] = danaText),
                PostAsync(samOnB, id, samPage, "Save", change: f => f["Input.Instructions"] = samText));

            var statuses = saves.Select(s => s.Response.StatusCode).ToList();
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Redirect));
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Conflict));
            var loser = saves.Single(s => s.Response.StatusCode == HttpStatusCode.Conflict);
            Assert.Contains("This draft changed since you opened it", loser.Html);
            var winnerText = saves[0].Response.StatusCode == HttpStatusCode.Redirect ? danaText : samText;
            var loserText = winnerText == danaText ? samText : danaText;
            Assert.Equal(loserText, FormFields(loser.Html)["Input.Instructions"]);   // the loser's edit is still in their form

            await using var scope = _a.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HepDbContext>();
            db.CurrentClinicId = clinicId;
            Assert.Equal(winnerText, await db.ProgramVersions.Where(v => v.ProgramId == id).Select(v => v.Instructions).SingleAsync());
            Assert.Equal(round, await db.AuditEvents.CountAsync(a => a.Action == "program.saved" && a.EntityId == id.ToString()));
        }
    }
}
