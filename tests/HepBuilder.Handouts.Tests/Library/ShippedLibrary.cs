using System.Text.Json;
using HepBuilder.Poses;

namespace HepBuilder.Handouts.Tests.Library;

/// <summary>The shipped exercise library (db/seed/exercises.json) read the way the seeder reads it.</summary>
internal static class ShippedLibrary
{
    private static readonly Lazy<IReadOnlyList<SeedExercise>> Loaded = new(Load);

    public static IReadOnlyList<SeedExercise> Exercises => Loaded.Value;

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SeedPath => Path.Combine(RepoRoot, "db", "seed", "exercises.json");

    private static IReadOnlyList<SeedExercise> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SeedPath));
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        return root.GetProperty("exercises").EnumerateArray().Select(Read).ToList();
    }

    private static SeedExercise Read(JsonElement e)
    {
        var dose = e.GetProperty("dose");
        return new SeedExercise(
            Key: e.GetProperty("key").GetString()!,
            Name: e.GetProperty("name").GetString()!,
            Aliases: Strings(e, "aliases"),
            BodyRegion: e.GetProperty("bodyRegion").GetString()!,
            Category: e.GetProperty("category").GetString()!,
            Position: e.GetProperty("position").GetString()!,
            Equipment: Strings(e, "equipment"),
            Difficulty: e.GetProperty("difficulty").GetInt32(),
            Steps: Strings(e, "steps"),
            Cues: Strings(e, "cues"),
            Precautions: Strings(e, "precautions"),
            MovementTags: Strings(e, "movementTags"),
            Dose: new SeedDose(
                dose.GetProperty("sets").GetInt32(),
                dose.GetProperty("reps").GetInt32(),
                dose.GetProperty("holdSeconds").GetInt32(),
                dose.GetProperty("side").GetString()!,
                dose.GetProperty("timesPerDay").GetInt32(),
                dose.GetProperty("daysPerWeek").GetInt32(),
                dose.GetProperty("restSeconds").GetInt32()),
            Pictures: e.GetProperty("pictures").EnumerateArray()
                .Select(p => new SeedPicture(p.GetProperty("caption").GetString()!, PoseJson.Deserialize(p.GetProperty("pose"))))
                .ToList());
    }

    private static IReadOnlyList<string> Strings(JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(s => s.GetString()!).ToList();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HepBuilder.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find HepBuilder.sln above the test output folder.");
    }
}

internal sealed record SeedExercise(
    string Key,
    string Name,
    IReadOnlyList<string> Aliases,
    string BodyRegion,
    string Category,
    string Position,
    IReadOnlyList<string> Equipment,
    int Difficulty,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> Cues,
    IReadOnlyList<string> Precautions,
    IReadOnlyList<string> MovementTags,
    SeedDose Dose,
    IReadOnlyList<SeedPicture> Pictures);

internal sealed record SeedDose(int Sets, int Reps, int HoldSeconds, string Side, int TimesPerDay, int DaysPerWeek, int RestSeconds);

internal sealed record SeedPicture(string Caption, PosePicture Pose);
