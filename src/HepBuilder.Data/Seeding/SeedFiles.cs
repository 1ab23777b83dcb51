namespace HepBuilder.Data.Seeding;

/// <summary>Finds db/seed: copied beside the app at build time, or found by walking up from a source checkout.</summary>
public static class SeedFiles
{
    public static string Directory(string startFrom)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "seed");
        if (File.Exists(Path.Combine(beside, "exercises.json"))) return beside;
        for (var dir = new DirectoryInfo(startFrom); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "db", "seed");
            if (File.Exists(Path.Combine(candidate, "exercises.json"))) return candidate;
        }
        throw new FileNotFoundException($"db/seed/exercises.json not found beside the app or above {startFrom}.");
    }
}
