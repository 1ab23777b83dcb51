using System.Text.Json;
using HepBuilder.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Data.Seeding;

/// <summary>The shape of one template in db/seed/templates.json.</summary>
public sealed class TemplateSeed
{
    public string? Key { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Instructions { get; set; }
    public List<TemplateItemSeed> Items { get; set; } = [];
}

public sealed class TemplateItemSeed
{
    /// <summary>The shipped exercise's key in exercises.json.</summary>
    public string Exercise { get; set; } = "";

    /// <summary>Left out: the exercise's default dose.</summary>
    public Dose? Dose { get; set; }
}

/// <summary>
/// Loads the shipped starter templates idempotently, after the library (items point at shipped exercises by key):
/// keyed by <see cref="Template.ShippedKey"/>, rewritten only when its content differs from the seed (templates
/// have no hash column, and comparing three small templates is cheap). Shipped templates
/// are read-only in the app, so rewriting their items loses nothing a clinic made; a clinic's copies have no key.
/// </summary>
public sealed class TemplateSeeder(HepDbContext db)
{
    public async Task<SeedResult> SeedAsync(string seedDirectory, CancellationToken ct = default)
    {
        var path = Path.Combine(seedDirectory, "templates.json");
        using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(path, ct));
        var exercises = await db.Exercises.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.ClinicId == null && e.ShippedKey != null)
            .Select(e => new { Key = e.ShippedKey!, e.Id, e.DefaultDose })
            .ToDictionaryAsync(e => e.Key, ct);
        var existing = await db.Templates.IgnoreQueryFilters().Include(t => t.Items)
            .Where(t => t.ClinicId == null && t.ShippedKey != null)
            .ToDictionaryAsync(t => t.ShippedKey!, ct);

        int added = 0, updated = 0, unchanged = 0;
        foreach (var element in doc.RootElement.GetProperty("templates").EnumerateArray())
        {
            var seed = element.Deserialize<TemplateSeed>(LibrarySeeder.Json)
                ?? throw new InvalidDataException($"{path}: a template entry is empty.");
            var key = seed.Key ?? throw new InvalidDataException($"{path}: '{seed.Title}' has no key.");
            var items = seed.Items.Select((item, n) =>
            {
                var exercise = exercises.GetValueOrDefault(item.Exercise)
                    ?? throw new InvalidDataException($"{path}: '{key}' names unknown exercise '{item.Exercise}'.");
                var dose = item.Dose ?? exercise.DefaultDose;
                if (DoseRules.Validate(dose).FirstOrDefault() is { } problem)
                {
                    throw new InvalidDataException($"{path}: '{key}', exercise '{item.Exercise}': {problem.Message}");
                }
                return new TemplateItem { Position = n, ExerciseId = exercise.Id, Dose = dose.Copy() };
            }).ToList();

            if (existing.TryGetValue(key, out var template))
            {
                if (SameContent(template, seed, items)) { unchanged++; continue; }
                db.RemoveRange(template.Items);
                updated++;
            }
            else
            {
                template = new Template { Title = seed.Title, ShippedKey = key };
                db.Templates.Add(template);
                added++;
            }
            template.Title = seed.Title;
            template.Description = seed.Description;
            template.Instructions = seed.Instructions;
            template.Items = items;
        }
        await db.SaveChangesAsync(ct);
        return new SeedResult(added, updated, unchanged);
    }

    private static bool SameContent(Template t, TemplateSeed seed, List<TemplateItem> items) =>
        t.Title == seed.Title && t.Description == seed.Description && t.Instructions == seed.Instructions
        && t.Items.Count == items.Count
        && t.Items.OrderBy(i => i.Position).Zip(items).All(p =>
            p.First.ExerciseId == p.Second.ExerciseId && p.First.Dose.SameAs(p.Second.Dose));
}
