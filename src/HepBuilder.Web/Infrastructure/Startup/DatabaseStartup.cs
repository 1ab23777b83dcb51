using System.Net.Sockets;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Data.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace HepBuilder.Web.Infrastructure.Startup;

/// <summary>Migrates, seeds and bootstraps before the app serves anything; refuses to start half-way.</summary>
public static class DatabaseStartup
{
    // Serialises start-up work when several instances start against one database at once.
    private const long StartupLockKey = 0x4845_5042_5549_4C44;

    public static async Task<bool> PrepareAsync(WebApplication app, bool bootstrapFirstClinic = true)
    {
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HepDbContext>();
            // Schema work as the owner role; everything after it (seed, bootstrap, serving) as the app role.
            var ownerCs = DatabaseRoles.OwnerConnectionString(app.Configuration);
            await using var owner = ownerCs is null ? null : DatabaseRoles.OwnerContext(app.Services, ownerCs);
            var schema = owner ?? db;
            var creator = schema.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync())
            {
                try { await creator.CreateAsync(); }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { }
            }

            await schema.Database.OpenConnectionAsync();
            await schema.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartupLockKey})");
            await schema.Database.MigrateAsync();
            if (owner is not null) await DatabaseRoles.GrantAppRoleAsync(owner, db.Database.GetConnectionString()!);
            Hosting.DataProtectionSetup.CheckKeyRingReadable(scope.ServiceProvider, app.Configuration);
            await scope.ServiceProvider.GetRequiredService<Auth.PersonalDataProtector>().ProtectStoredTokensAsync(db);
            var seeded = await SeedAsync(scope.ServiceProvider, app.Environment);
            app.Logger.LogInformation("Shipped library: {Added} added, {Updated} updated, {Unchanged} unchanged",
                seeded.Added, seeded.Updated, seeded.Unchanged);
            if (bootstrapFirstClinic)
            {
                await BootstrapAsync(app, scope.ServiceProvider, db);
            }
            await schema.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartupLockKey})");
            return true;
        }
        catch (Exception e) when (Unreachable(e) is { } reason)
        {
            var cs = new NpgsqlConnectionStringBuilder(app.Configuration["HEP_DB"] ?? app.Configuration.GetConnectionString("Hep"));
            Console.Error.WriteLine(
                $"HepBuilder cannot start: PostgreSQL at {cs.Host}:{cs.Port} (database '{cs.Database}') {reason}. " +
                "Start the database (scripts/run starts one for you) or set HEP_DB to a reachable connection string.");
            return false;
        }
    }

    private static string? Unreachable(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
            "rejected the user name or password",
        NpgsqlException { InnerException: SocketException or TimeoutException } or SocketException => "is not reachable",
        NpgsqlException n when n.InnerException is not null => Unreachable(n.InnerException),
        InvalidOperationException { InnerException: { } inner } => Unreachable(inner),
        _ => null,
    };

    /// <summary>Roles and the shipped library; idempotent, so every start (and every test reset) runs it.</summary>
    public static async Task<SeedResult> SeedAsync(IServiceProvider services, IWebHostEnvironment env)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
        var library = await new LibrarySeeder(services.GetRequiredService<HepDbContext>()).SeedAsync(SeedFiles.Directory(env.ContentRootPath));
        await new TemplateSeeder(services.GetRequiredService<HepDbContext>()).SeedAsync(SeedFiles.Directory(env.ContentRootPath));
        return library;
    }

    private static async Task BootstrapAsync(WebApplication app, IServiceProvider services, HepDbContext db)
    {
        var config = app.Configuration;
        if (await db.Clinics.AnyAsync())
        {
            var admins = await services.GetRequiredService<UserManager<ApplicationUser>>().GetUsersInRoleAsync(Roles.Admin);
            var first = admins.OrderBy(a => a.CreatedAt).FirstOrDefault();
            app.Lifetime.ApplicationStarted.Register(() => Banner(app, first is null ? [] :
                [$"Sign in as: {first.Email}", "(The password was printed when this admin was created.)"]));
            return;
        }

        var email = config["HEP_ADMIN_EMAIL"] ?? "admin@hepbuilder.local";
        var result = await services.GetRequiredService<ClinicProvisioning>().CreateAsync(
            config["HEP_CLINIC_NAME"] ?? "My Clinic", email, config["HEP_ADMIN_PASSWORD"], clinicPhone: config["HEP_CLINIC_PHONE"]);
        var lines = new List<string> { "First clinic and admin created.", $"Email:    {email}" };
        lines.Add(result.GeneratedPassword is { } p
            ? $"Password: {p}    (shown once: write it down now)"
            : "Password: the one in HEP_ADMIN_PASSWORD");
        app.Lifetime.ApplicationStarted.Register(() => Banner(app, lines));
    }

    private static void Banner(WebApplication app, IEnumerable<string> lines)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        Console.WriteLine();
        Console.WriteLine("  HepBuilder is running at " + string.Join(", ", addresses ?? []));
        foreach (var line in lines) Console.WriteLine("  " + line);
        Console.WriteLine("  Press Ctrl-C to stop.");
        Console.WriteLine();
    }
}
