using HepBuilder.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HepBuilder.Web.Infrastructure.Startup;

/// <summary>
/// Two database roles: the owner (HEP_DB_OWNER) creates the database, runs the migrations and owns every table; the
/// app (HEP_DB) reads and writes data but owns nothing, so it cannot ALTER, TRUNCATE or drop a table or switch a
/// trigger off, and may only INSERT and SELECT audit events. Without HEP_DB_OWNER one role does both (a developer's
/// own server); scripts/run and docker compose always set both.
/// </summary>
public static class DatabaseRoles
{
    public const string OwnerSetting = "HEP_DB_OWNER";

    public static string? OwnerConnectionString(IConfiguration config) =>
        config[OwnerSetting] is { Length: > 0 } cs ? Health.DatabaseOutage.WithConnectTimeout(cs) : null;

    /// <summary>The owner's context, sharing the app's Identity options (which shape the model).</summary>
    public static HepDbContext OwnerContext(IServiceProvider services, string connectionString)
    {
        var options = new DbContextOptionsBuilder<HepDbContext>().UseApplicationServiceProvider(services);
        HepDbOptions.Configure(options, connectionString);
        return new HepDbContext(options.Options);
    }

    /// <summary>
    /// Run by the owner after every migration, so tables added later are covered too. Idempotent. The app role's
    /// name comes from HEP_DB; a quoted identifier, since grants cannot take parameters.
    /// </summary>
    public static async Task GrantAppRoleAsync(HepDbContext owner, string appConnectionString, CancellationToken ct = default)
    {
        var appRole = new NpgsqlConnectionStringBuilder(appConnectionString).Username;
        var ownerRole = new NpgsqlConnectionStringBuilder(owner.Database.GetConnectionString()).Username;
        if (string.IsNullOrEmpty(appRole) || appRole == ownerRole) return;
        var role = "\"" + appRole.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
#pragma warning disable EF1002 // the only interpolated value is the role name, quoted as an identifier above
        await owner.Database.ExecuteSqlRawAsync($"""
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM {role};
            REVOKE INSERT, UPDATE, DELETE ON __ef_migrations_history FROM {role};
            """, ct);
#pragma warning restore EF1002
    }
}
