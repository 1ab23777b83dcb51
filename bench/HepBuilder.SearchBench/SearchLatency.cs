using System.Diagnostics;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Pages.Library;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.SearchBench;

/// <summary>
/// Times ExerciseSearch.SearchAsync, exactly as the pages call it, over a mix of realistic queries (typos, whole
/// names, words from steps, filters, later pages) against the generated library, one query at a time.
/// </summary>
public static class SearchLatency
{
    private static readonly ExerciseSearchQuery[] Mix =
    [
        new("brige"), new("hamstirng"), new("bridge"), new("side plank"), new("plnk"), new("clamshel"), new("pirformis"),
        new("knee to chest"), new("heels"), new("band"), new("cat camel"), new("superman"), new("dead bug"), new("wall sit"),
        new(null), new(null, Region: BodyRegion.Hip), new(null, Category: ExerciseCategory.Stretching, Position: BodyPosition.Supine),
        new("stretch", Region: BodyRegion.Lumbar), new("bridge", Page: 3), new("squat", Equipment: Equipment.Ball),
        new("bird dog", Difficulty: 2), new("walking"), new("chin tuck"), new("rotation"),
    ];

    public static async Task<int> RunAsync(string connectionString, int iterations)
    {
        var options = BenchDb.Options(connectionString);
        await using var setup = new HepDbContext(options);
        var clinicId = await setup.Clinics.OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var visible = await setup.Exercises.IgnoreQueryFilters().CountAsync(e => e.ClinicId == null || e.ClinicId == clinicId);

        var perQuery = Mix.ToDictionary(q => q, _ => new List<double>());
        var all = new List<double>(iterations);
        for (var i = -300; i < iterations; i++)
        {
            var query = Mix[(i + 300) % Mix.Length];
            // A context per query, as a request gets one.
            await using var db = new HepDbContext(options) { CurrentClinicId = clinicId };
            var search = new ExerciseSearch(db);
            var clock = Stopwatch.StartNew();
            var result = await search.SearchAsync(query, CancellationToken.None);
            var ms = clock.Elapsed.TotalMilliseconds;
            if (i < 0) continue; // warm-up: JIT, connection pool, plan caches
            all.Add(ms);
            perQuery[query].Add(ms);
            if (i < Mix.Length) Console.WriteLine($"  {Describe(query),-44} {result.Total,6} matches, first: {result.Hits.FirstOrDefault()?.Name}");
        }

        Console.WriteLine();
        Console.WriteLine($"ExerciseSearch over {visible} visible exercises, {all.Count} queries, one at a time ({Environment.ProcessorCount} cores)");
        Console.WriteLine($"  all queries  p50 {P(all, 50):F2} ms  p95 {P(all, 95):F2} ms  p99 {P(all, 99):F2} ms  max {all.Max():F2} ms");
        foreach (var (query, times) in perQuery.OrderByDescending(kv => P(kv.Value, 95)))
        {
            Console.WriteLine($"  {Describe(query),-44} p50 {P(times, 50),6:F2} ms  p95 {P(times, 95),6:F2} ms");
        }
        return 0;
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string Describe(ExerciseSearchQuery q)
    {
        var parts = new List<string> { q.Text is null ? "(no text)" : $"\"{q.Text}\"" };
        if (q.Region is not null) parts.Add("region=" + q.Region);
        if (q.Category is not null) parts.Add("category=" + q.Category);
        if (q.Position is not null) parts.Add("position=" + q.Position);
        if (q.Equipment is not null) parts.Add("equipment=" + q.Equipment);
        if (q.Difficulty is not null) parts.Add("difficulty=" + q.Difficulty);
        if (q.Page != 1) parts.Add("page=" + q.Page);
        return string.Join(' ', parts);
    }
}
