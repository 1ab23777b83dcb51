using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using HepBuilder.Data;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Tests.Pages.Programs;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HepBuilder.Tests.Reliability;

/// <summary>
/// `scripts/run backup` of a clinic in use, `scripts/run restore` into a fresh PostgreSQL cluster, and the app started
/// on the copy: the same patients, versions and handout bytes, an intact audit chain, and the same people can sign in.
/// </summary>
public sealed class BackupRestoreTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_backup_restored_into_a_fresh_cluster_serves_the_same_records_handouts_and_audit_chain()
    {
        var kit = new ProgramKit(App);
        var (clinic, clinician) = await kit.ClinicAsync("Backup Spine", "Okafor");
        var first = await kit.IssuedProgramAsync(clinician, clinic.PatientId, "Bridge", "Forearm plank");
        var secondPatient = await kit.PatientAsync(clinic.Id, "Bea", "Lindqvist");
        await kit.IssuedProgramAsync(clinician, secondPatient, "Bird-dog");
        await clinician.PostFormAsync($"/Programs/{first}", [], $"/Programs/{first}?handler=Revise");
        var before = await SnapshotAsync(App.Factory.Services, clinic.Id);
        Assert.Equal(2, before.Patients.Count);
        Assert.Equal(2, before.Versions.Count(v => v.Sha256 is not null));

        var dump = Path.Combine(Path.GetTempPath(), $"hep-backup-{Guid.NewGuid():N}.dump");
        await using var fresh = await TestDatabaseServer.StartAsync();
        var restoredDb = fresh.ForDatabase("hep_restored");
        try
        {
            var backup = await ScriptAsync(App.ConnectionString, "backup", dump);
            Assert.True(backup.ExitCode == 0, backup.Error);
            var restore = await ScriptAsync(restoredDb, "restore", dump);
            Assert.True(restore.ExitCode == 0, restore.Error);
            // A second restore would overwrite what is there: refused unless asked for.
            var again = await ScriptAsync(restoredDb, "restore", dump);
            Assert.NotEqual(0, again.ExitCode);
            Assert.Contains("not empty", again.Error);
            var forced = await ScriptAsync(restoredDb, "restore", dump, "--force");
            Assert.True(forced.ExitCode == 0, forced.Error);

            await using var restored = new HepWebFactory(restoredDb);
            var after = await SnapshotAsync(restored.Services, clinic.Id);
            Assert.Equal(before.Patients, after.Patients);
            Assert.Equal(before.Versions, after.Versions);
            Assert.Equal(before.Chain, after.Chain);
            Assert.True(after.Chain.Intact, after.Chain.Problem);

            using var client = new AppClient(restored.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
            await client.SignInAsync(clinic.Clinician.Email, clinic.Clinician.Password);
            var list = await client.GetPageAsync("/Patients");
            Assert.Contains("Okafor", list);
            Assert.Contains("Lindqvist", list);
            foreach (var version in after.Versions.Where(v => v.Sha256 is not null))
            {
                var pdf = await client.Http.GetByteArrayAsync($"/Programs/{version.ProgramId}/versions/{version.Number}/handout.pdf");
                Assert.Equal(version.Sha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
            }
        }
        finally
        {
            File.Delete(dump);
        }
    }

    private sealed record Snapshot(List<string> Patients, List<VersionRow> Versions, ChainReport Chain);

    private sealed record VersionRow(Guid ProgramId, int? Number, string? Sha256, string? StoredSha256);

    private static async Task<Snapshot> SnapshotAsync(IServiceProvider services, Guid clinic)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HepDbContext>();
        db.CurrentClinicId = clinic;
        var patients = await db.Patients.OrderBy(p => p.Id).Select(p => p.Id + " " + p.FirstName + " " + p.LastName + " " + p.DateOfBirth).ToListAsync();
        var versions = (await db.ProgramVersions.OrderBy(v => v.Id).Select(v => new { v.ProgramId, v.Number, v.HandoutSha256, v.HandoutPdf }).ToListAsync())
            .Select(v => new VersionRow(v.ProgramId, v.Number, v.HandoutSha256, v.HandoutPdf is null ? null : Convert.ToHexStringLower(SHA256.HashData(v.HandoutPdf))))
            .ToList();
        Assert.All(versions, v => Assert.Equal(v.Sha256, v.StoredSha256));
        var chain = Assert.Single(await AuditChain.VerifyAsync(db, clinic, default));
        return new Snapshot(patients, versions, chain);
    }

    /// <summary>scripts/run as an operator runs it, against the database named by a superuser connection string (as its owner role).</summary>
    private static async Task<AppProcess.Result> ScriptAsync(string database, params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot.Path };
        psi.ArgumentList.Add(Path.Combine(RepoRoot.Path, "scripts", "run"));
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("HEP_", StringComparison.Ordinal) || k.StartsWith("PG", StringComparison.Ordinal)).ToList())
        {
            psi.Environment.Remove(key);
        }
        psi.Environment["HEP_DB"] = TestDatabaseServer.As(database, TestDatabaseServer.AppRole);
        psi.Environment["HEP_DB_OWNER"] = TestDatabaseServer.As(database, TestDatabaseServer.OwnerRole);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new AppProcess.Result(process.ExitCode, await output, await error);
    }
}
