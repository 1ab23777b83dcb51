using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HepBuilder.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Data.Seeding;

public sealed record SeedResult(int Added, int Updated, int Unchanged);

/// <summary>
/// Loads the shipped library idempotently: keyed by <see cref="Exercise.ShippedKey"/>, updated only when its seed
/// text changed, never touching a clinic's own exercises (their copies have no shipped key).
/// </summary>
public sealed class LibrarySeeder(HepDbContext db)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    public async Task<SeedResult> SeedAsync(string seedDirectory, CancellationToken ct = default)
    {
        var path = Path.Combine(seedDirectory, "exercises.json");
        using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(path, ct));
        var existing = await db.Set<Exercise>().IgnoreQueryFilters().Include(e => e.Pictures)
            .Where(e => e.ClinicId == null && e.ShippedKey != null)
            .ToDictionaryAsync(e => e.ShippedKey!, ct);

        int added = 0, updated = 0, unchanged = 0;
        foreach (var element in doc.RootElement.GetProperty("exercises").EnumerateArray())
        {
            var seed = element.Deserialize<ExerciseSeed>(Json)
                ?? throw new InvalidDataException($"{path}: an exercise entry is empty.");
            var key = seed.Key ?? throw new InvalidDataException($"{path}: '{seed.Name}' has no key.");
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(element.GetRawText())));
            if (existing.TryGetValue(key, out var exercise))
            {
                if (exercise.ShippedHash == hash) { unchanged++; continue; }
                db.RemoveRange(exercise.Pictures);
                updated++;
            }
            else
            {
                exercise = new Exercise { Name = seed.Name, ShippedKey = key };
                db.Add(exercise);
                added++;
            }
            seed.ApplyTo(exercise);
            exercise.ShippedHash = hash;
        }
        await db.SaveChangesAsync(ct);
        await MarkDoseNumbersAsync(ct);
        return new SeedResult(added, updated, unchanged);
    }

    /// <summary>
    /// Clinic exercises saved before the dose-number mark existed get it now, once: the rule is .NET code (the clinical
    /// core's), so a migration could not compute it.
    /// </summary>
    private async Task MarkDoseNumbersAsync(CancellationToken ct)
    {
        while (true)
        {
            var batch = await db.Set<Exercise>().IgnoreQueryFilters().Where(e => e.HasDoseNumbers == null)
                .Select(e => new { e.Id, e.Steps, e.Cues, e.Precautions }).Take(500).ToListAsync(ct);
            if (batch.Count == 0) return;
            foreach (var group in batch.GroupBy(e => Exercise.PatientTextHasDoseNumbers(e.Steps, e.Cues, e.Precautions)))
            {
                var ids = group.Select(e => e.Id).ToList();
                await db.Set<Exercise>().IgnoreQueryFilters().Where(e => ids.Contains(e.Id))
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.HasDoseNumbers, group.Key), ct);
            }
        }
    }
}
