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
    /// Connection settings the app's data access is measured with (bench/README.md, "Performance suite"):
    /// <list type="bullet">
    /// <item>The trigram threshold is a session setting from the start, rather than <c>SET LOCAL</c> in each search,
    /// which needed a transaction: two more round trips a search. (<c>DISCARD ALL</c> keeps start-up options.)</item>
    /// <item>Statements used twice on a connection are prepared, so PostgreSQL stops planning the same queries again
    /// (builder page: PostgreSQL CPU 3.5 → 2.2 ms a view). The generic plans of the trigram and full-text searches
    /// were checked to keep their GIN index scans.</item>
    /// <item>No <c>DISCARD ALL</c> when a connection goes back to the pool: EF opens and closes the connection around
    /// every query, so a page of four queries paid four resets. Nothing here leaves session state behind (settings
    /// are <c>SET LOCAL</c> or start-up options; the start-up advisory lock is released before serving).</item>
    /// </list>
    /// A connection string that sets its own preparation limit keeps it.
    /// </summary>
    public static string WithSessionSettings(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c pg_trgm.word_similarity_threshold={WordSimilarityThreshold}".Trim();
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 128;
            builder.AutoPrepareMinUsages = 2;
        }
        builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}
