using System.Diagnostics;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace HepBuilder.SearchBench;

/// <summary>
/// Builds the benchmark library: the shipped exercises plus deterministic variants of them (same seed, same rows),
/// owned by one clinic, written with binary COPY. Re-running replaces the earlier variants.
/// </summary>
public static class LibraryGenerator
{
    public const string VariantMarker = " · v";

    private static readonly string[] Modifiers =
    [
        "slow", "with band", "on a ball", "single-leg", "progression", "easy", "with pause", "on a step", "with towel", "wide stance",
        "narrow stance", "with hold", "tempo", "seated", "standing", "assisted", "post-op", "advanced", "with weight", "at the wall",
    ];

    private static readonly string[] ExtraSteps =
    [
        "Breathe out as you move and breathe in as you return.", "Move slowly and keep the motion smooth.",
        "Keep your stomach muscles gently tight.", "Stop if the pain spreads down your leg.", "Rest for a moment between each one.",
        "Keep your neck long and your chin tucked.", "Use a mirror to check your position.", "Hold on to a chair if you need balance.",
    ];

    /// <summary>Ids from the seeded generator too, so two runs write identical rows.</summary>
    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    public static async Task<int> RunAsync(string connectionString, int total)
    {
        var clock = Stopwatch.StartNew();
        await using var db = new HepDbContext(BenchDb.Options(connectionString));
        // The schema is the app's: scripts/run migrates at start, and must have run once against this database.
        var seed = await new LibrarySeeder(db).SeedAsync(SeedFiles.Directory(Directory.GetCurrentDirectory()));
        Console.WriteLine($"Shipped library: {seed.Added} added, {seed.Updated} updated, {seed.Unchanged} unchanged.");

        var clinicId = await db.Clinics.OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        if (clinicId is null)
        {
            Console.Error.WriteLine("No clinic yet: start the app once against this database (scripts/run) so its first clinic exists.");
            return 1;
        }
        var shipped = await db.Exercises.IgnoreQueryFilters().AsNoTracking().Include(e => e.Pictures)
            .Where(e => e.ClinicId == null).OrderBy(e => e.ShippedKey).ToListAsync();
        var count = Math.Max(0, total - shipped.Count);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var delete = new NpgsqlCommand(
            "DELETE FROM exercise_pictures p USING exercises e WHERE p.exercise_id = e.id AND e.clinic_id = @c AND strpos(e.name, @m) > 0;"
            + "DELETE FROM exercises WHERE clinic_id = @c AND strpos(name, @m) > 0;", connection))
        {
            delete.Parameters.AddWithValue("c", clinicId.Value);
            delete.Parameters.AddWithValue("m", VariantMarker);
            await delete.ExecuteNonQueryAsync();
        }

        var random = new Random(20261123);
        var now = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var pictures = new List<(Guid ExerciseId, string? Caption, string PoseJson, int Order)>();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY exercises (id, clinic_id, copied_from_id, name, aliases, body_region, category, position, equipment, difficulty, steps, cues, "
            + "precautions, movement_tags, status, search_text, created_at, modified_at, default_dose_sets, default_dose_reps, "
            + "default_dose_hold_seconds, default_dose_side, default_dose_times_per_day, default_dose_days_per_week, "
            + "default_dose_rest_seconds, default_dose_load) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var source = shipped[i % shipped.Count];
                var modifier = Modifiers[random.Next(Modifiers.Length)];
                var e = new Exercise
                {
                    Id = NextGuid(random),
                    Name = $"{source.Name} {modifier}{VariantMarker}{i + 1}",
                    Aliases = [.. source.Aliases, $"{modifier} {source.Name.ToLowerInvariant()}"],
                    BodyRegion = source.BodyRegion,
                    Category = source.Category,
                    Position = source.Position,
                    Equipment = [.. source.Equipment],
                    Difficulty = 1 + random.Next(3),
                    Steps = [.. source.Steps.Take(Exercise.MaxSteps - 1), ExtraSteps[random.Next(ExtraSteps.Length)]],
                    Cues = [.. source.Cues],
                    Precautions = [.. source.Precautions],
                    MovementTags = [.. source.MovementTags],
                    DefaultDose = source.DefaultDose.Copy(),
                    // A tenth archived, as a real library ages.
                    Status = random.Next(10) == 0 ? ExerciseStatus.Archived : ExerciseStatus.Active,
                };
                e.DefaultDose.Sets = 1 + random.Next(3);
                e.RefreshSearchText();
                await writer.StartRowAsync();
                await writer.WriteAsync(e.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(clinicId.Value, NpgsqlDbType.Uuid);
                await writer.WriteAsync(source.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(e.Name, NpgsqlDbType.Varchar);
                await writer.WriteAsync(e.Aliases.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(e.BodyRegion.ToString(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(e.Category.ToString(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(e.Position.ToString(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(e.Equipment.Select(x => x.ToString()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(e.Difficulty, NpgsqlDbType.Integer);
                await writer.WriteAsync(e.Steps.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(e.Cues.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(e.Precautions.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(e.MovementTags.Select(x => x.ToString()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(e.Status.ToString(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(e.SearchText, NpgsqlDbType.Text);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(e.DefaultDose.Sets, NpgsqlDbType.Integer);
                await writer.WriteAsync(e.DefaultDose.Reps, NpgsqlDbType.Integer);
                await writer.WriteAsync(e.DefaultDose.HoldSeconds, NpgsqlDbType.Integer);
                await writer.WriteAsync(e.DefaultDose.Side.ToString(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(e.DefaultDose.TimesPerDay, NpgsqlDbType.Integer);
                await writer.WriteAsync(e.DefaultDose.DaysPerWeek, NpgsqlDbType.Integer);
                await writer.WriteAsync(e.DefaultDose.RestSeconds, NpgsqlDbType.Integer);
                if (e.DefaultDose.Load is null) await writer.WriteNullAsync();
                else await writer.WriteAsync(e.DefaultDose.Load, NpgsqlDbType.Varchar);
                foreach (var p in source.Pictures.Where(p => p.PoseJson is not null).OrderBy(p => p.SortOrder))
                {
                    pictures.Add((e.Id, p.Caption, p.PoseJson!, p.SortOrder));
                }
            }
            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY exercise_pictures (id, exercise_id, sort_order, caption, pose_json) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (exerciseId, caption, poseJson, order) in pictures)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(NextGuid(random), NpgsqlDbType.Uuid);
                await writer.WriteAsync(exerciseId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(order, NpgsqlDbType.Integer);
                if (caption is null) await writer.WriteNullAsync();
                else await writer.WriteAsync(caption, NpgsqlDbType.Varchar);
                await writer.WriteAsync(poseJson, NpgsqlDbType.Jsonb);
            }
            await writer.CompleteAsync();
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE exercises; ANALYZE exercise_pictures;", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        var visible = await db.Exercises.IgnoreQueryFilters().CountAsync(e => e.ClinicId == null || e.ClinicId == clinicId);
        Console.WriteLine($"Generated {count} variants for clinic {clinicId} in {clock.Elapsed.TotalSeconds:F1} s; that clinic now sees {visible} exercises.");
        return 0;
    }
}
