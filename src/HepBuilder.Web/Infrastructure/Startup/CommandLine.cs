using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Infrastructure.Startup;

/// <summary>
/// Administrative verbs run through the app's own services: `add-clinic --name N --admin-email E`, and
/// `verify-audit` (every clinic's audit hash chain; exit code 1 when one is broken).
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args[0] == "verify-audit") return await VerifyAuditAsync(app);
        if (args[0] != "add-clinic")
        {
            Console.Error.WriteLine($"Unknown command '{args[0]}'. Known: add-clinic --name \"Clinic name\" --admin-email admin@example.org, verify-audit");
            return 64;
        }
        var name = Option(args, "--name");
        var email = Option(args, "--admin-email");
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(email))
        {
            Console.Error.WriteLine("Usage: scripts/run add-clinic --name \"Lakeside Spine\" --admin-email admin@lakeside.example");
            return 64;
        }
        if (!await DatabaseStartup.PrepareAsync(app, bootstrapFirstClinic: false)) return 2;

        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<ClinicProvisioning>()
                .CreateAsync(name, email, app.Configuration["HEP_ADMIN_PASSWORD"]);
            Console.WriteLine($"Clinic '{result.Clinic.Name}' created with admin {result.Admin.Email}.");
            Console.WriteLine(result.GeneratedPassword is { } p
                ? $"Password: {p}    (shown once: write it down now)"
                : "Password: the one in HEP_ADMIN_PASSWORD");
            return 0;
        }
        catch (ProvisioningException e)
        {
            foreach (var error in e.Errors) Console.Error.WriteLine(error);
            return 1;
        }
    }

    private static async Task<int> VerifyAuditAsync(WebApplication app)
    {
        if (!await DatabaseStartup.PrepareAsync(app, bootstrapFirstClinic: false)) return 2;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HepBuilder.Data.HepDbContext>();
        var names = await db.Clinics.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name);
        var reports = await Audit.AuditChain.VerifyAsync(db, null, CancellationToken.None);
        foreach (var r in reports)
        {
            var name = names.GetValueOrDefault(r.ClinicId, r.ClinicId.ToString());
            Console.WriteLine(r.Intact
                ? $"{name}: intact, {r.Rows} rows, latest hash {r.HeadHash}"
                : $"{name}: BROKEN at row {r.BrokenAt} ({r.Problem}); {r.Rows} rows");
        }
        Console.WriteLine(reports.All(r => r.Intact) ? $"Audit trail intact ({reports.Count} clinics)." : "Audit trail BROKEN.");
        return reports.All(r => r.Intact) ? 0 : 1;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
