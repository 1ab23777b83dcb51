using System.Diagnostics;
using HepBuilder.Data;
using HepBuilder.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HepBuilder.SearchBench.Dataset;

/// <summary>
/// The performance suite's clinic group (issue 8): 50 clinics, 500 users who can sign in, 10,000 exercises, 50,000
/// patients, 200,000 programs with 1–4 versions of 5–12 items and the audit trail of all of it. The database named by
/// the connection string is dropped and created again, migrated by the app's own migrations and seeded by its seeders,
/// then filled with binary COPY. Same seed, same rows.
/// </summary>
public static class DatasetGenerator
{
    public const int Seed = 20261129;

    /// <summary>Every generated user signs in with this password (one shared hash: it is test data).</summary>
    public const string Password = "perf dataset password 2026";

    /// <summary>Tables whose secondary indexes are dropped during the load and built again after it.</summary>
    private static readonly string[] BulkTables =
        ["patients", "patient_precautions", "programs", "program_versions", "program_items", "audit_events"];

    public static async Task<int> RunAsync(string connectionString, DatasetSize size)
    {
        var total = Stopwatch.StartNew();
        var lap = Stopwatch.StartNew();
        void Step(string what)
        {
            Console.WriteLine($"  {what,-58} {lap.Elapsed.TotalSeconds,6:F1} s");
            lap.Restart();
        }

        var target = new NpgsqlConnectionStringBuilder(connectionString);
        await RecreateDatabaseAsync(target);
        Step($"database '{target.Database}' dropped and created");

        var options = BenchDb.Options(connectionString);
        // The design-time factory builds the model with the app's Identity options, as the migrations were made.
        await using (var migrating = new DesignTimeFactory().CreateDbContext([]))
        {
            migrating.Database.SetConnectionString(connectionString);
            await migrating.Database.MigrateAsync();
        }
        Step("migrated (the app's EF Core migrations)");
        await using (var db = new HepDbContext(options))
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var people = await People.WriteAsync(connection, size, Seed);
            Step($"{people.Clinics.Count} clinics, {people.Clinics.Sum(c => c.Users.Count)} users with roles");
            if (await LibraryGenerator.RunAsync(connectionString, size.Exercises) != 0) return 1;
            await new TemplateSeeder(db).SeedAsync(SeedFiles.Directory(Directory.GetCurrentDirectory()));
            Step($"{size.Exercises} exercises (shipped + variants of clinic 01), templates");

            var library = await ExercisePool.LoadAsync(connectionString);
            var indexes = await DropIndexesAsync(connection);
            Step($"exercise pool loaded; {indexes.Count} secondary indexes dropped for the load");

            var counts = await ClinicalRows.WriteAsync(connectionString, size, people, library, Seed);
            Step($"COPY {counts}");

            await RebuildIndexesAsync(connectionString, indexes);
            Step($"{indexes.Count} indexes built again");
            await ExecAsync(connection, "SELECT setval(pg_get_serial_sequence('audit_events', 'id'), (SELECT max(id) FROM audit_events))");
            // Two at a time, the biggest table alone on one connection.
            await Task.WhenAll(
                VacuumAsync(connectionString, "program_items"),
                VacuumAsync(connectionString, string.Join(", ", BulkTables.Where(t => t != "program_items"))
                    + ", exercises, exercise_pictures, asp_net_users"));
            Step("VACUUM ANALYZE (visibility map and statistics, so autovacuum does not start during a benchmark)");
        }
        Console.WriteLine($"Dataset ready in {total.Elapsed.TotalSeconds:F1} s. Sign in as {People.Email(0, 1)} (clinic 01, 10,000 exercises), "
            + $"password \"{Password}\"; {People.Email(0, 0)} is that clinic's admin.");
        return 0;
    }

    private static async Task RecreateDatabaseAsync(NpgsqlConnectionStringBuilder target)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        var name = target.Database ?? throw new InvalidOperationException("HEP_DB names no database.");
        var quoted = "\"" + name.Replace("\"", "\"\"") + "\"";
        await ExecAsync(connection, $"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)");
        await ExecAsync(connection, $"CREATE DATABASE {quoted}");
    }

    /// <summary>The indexes EF created on the big tables (not the primary keys), so they can be built once after the load.</summary>
    private static async Task<List<string>> DropIndexesAsync(NpgsqlConnection connection)
    {
        var definitions = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            ORDER BY i.tablename, i.indexname
            """, connection))
        {
            command.Parameters.AddWithValue("tables", BulkTables);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) definitions.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in definitions) await ExecAsync(connection, $"DROP INDEX \"{name}\"");
        return definitions.Select(d => d.Definition).ToList();
    }

    /// <summary>Two at a time: one per core, each with plenty of sort memory.</summary>
    private static async Task RebuildIndexesAsync(string connectionString, List<string> definitions)
    {
        var queue = new Queue<string>(definitions.OrderByDescending(d => d.Contains("program_items", StringComparison.Ordinal)));
        async Task Worker()
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await ExecAsync(connection, "SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 0");
            while (true)
            {
                string? next;
                lock (queue) next = queue.Count > 0 ? queue.Dequeue() : null;
                if (next is null) return;
                await ExecAsync(connection, next);
            }
        }
        await Task.WhenAll(Worker(), Worker());
    }

    private static async Task VacuumAsync(string connectionString, string tables)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecAsync(connection, $"VACUUM (ANALYZE) {tables}");
    }

    internal static async Task ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The sizes from issue 8; smaller ones are for trying the generator.</summary>
public sealed record DatasetSize(int Clinics, int UsersPerClinic, int PatientsPerClinic, int Programs, int Exercises)
{
    public static readonly DatasetSize Full = new(50, 10, 1_000, 200_000, 10_000);
}
