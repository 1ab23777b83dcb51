using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace HepBuilder.Data;

/// <summary>The one place the provider is configured, shared by the app, the design-time factory and tools.</summary>
public static class HepDbOptions
{
    /// <summary>Identity's table layout; the app and the migration tools must agree on it.</summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version3;

    /// <summary>
    /// The word-similarity cut-off of pg_trgm's <c>&lt;%</c> operator, used by the library and patient searches. A typo in
    /// a short word keeps about half its trigrams ("hamstirng" ~ "hamstring" is 0.5), below pg_trgm's default 0.6.
    /// </summary>
    public const string WordSimilarityThreshold = "0.4";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(WithSessionSettings(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            // EF warns that the tenant filter on exercises could hide the exercise of a template or program item.
            // It cannot: an item's exercise is always shipped or of the item's own clinic (the only ones the builder
            // offers), and those are exactly what the filter lets through.
            .ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));

    /// <summary>
    /// Session settings every connection of the app starts with. The threshold is set here rather than with
    /// <c>SET LOCAL</c> in each search: that needed a transaction, two more round trips a search.
    /// </summary>
    public static string WithSessionSettings(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c pg_trgm.word_similarity_threshold={WordSimilarityThreshold}".Trim();
        return builder.ConnectionString;
    }
}
