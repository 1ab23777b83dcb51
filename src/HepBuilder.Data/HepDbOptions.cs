using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HepBuilder.Data;

/// <summary>The one place the provider is configured, shared by the app, the design-time factory and tools.</summary>
public static class HepDbOptions
{
    /// <summary>Identity's table layout; the app and the migration tools must agree on it.</summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version3;

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            // EF warns that the tenant filter on exercises could hide the exercise of a template or program item.
            // It cannot: an item's exercise is always shipped or of the item's own clinic (the only ones the builder
            // offers), and those are exactly what the filter lets through.
            .ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
}
