using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Pages.Programs;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.SearchBench.Dataset;

/// <summary>An exercise as a program item freezes it when issued (the app's own <see cref="ProgramItem.Freeze"/>).</summary>
public sealed record PoolExercise(Guid Id, string Name, string[] Steps, string[] Cues, string[] Precautions, string PicturesJson, Dose Dose);

/// <summary>What each clinic's programs may prescribe: the shipped library and the clinic's own active exercises.</summary>
public sealed class ExercisePool(IReadOnlyList<PoolExercise> shipped, IReadOnlyDictionary<Guid, PoolExercise[]> byClinic)
{
    public PoolExercise[] For(Guid clinicId) => byClinic.TryGetValue(clinicId, out var own) ? own : [.. shipped];

    public static async Task<ExercisePool> LoadAsync(string connectionString)
    {
        await using var db = new HepDbContext(BenchDb.Options(connectionString));
        var active = await db.Exercises.IgnoreQueryFilters().AsNoTracking().Include(e => e.Pictures)
            .Where(e => e.Status == ExerciseStatus.Active).OrderBy(e => e.Name).ThenBy(e => e.Id).ToListAsync();
        var frozen = active.Select(e =>
        {
            var item = new ProgramItem();
            item.Freeze(e);
            return (e.ClinicId, Exercise: new PoolExercise(e.Id, e.Name, [.. item.FrozenSteps!], [.. item.FrozenCues!],
                [.. item.FrozenPrecautions!], item.FrozenPicturesJson!, e.DefaultDose));
        }).ToList();
        var shipped = frozen.Where(x => x.ClinicId is null).Select(x => x.Exercise).ToList();
        var byClinic = frozen.Where(x => x.ClinicId is not null).GroupBy(x => x.ClinicId!.Value)
            .ToDictionary(g => g.Key, g => shipped.Concat(g.Select(x => x.Exercise)).ToArray());
        return new ExercisePool(shipped, byClinic);
    }
}
