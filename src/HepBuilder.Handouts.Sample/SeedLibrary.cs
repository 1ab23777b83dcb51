using System.Text.Json;
using HepBuilder.Poses;

namespace HepBuilder.Handouts.Sample;

/// <summary>Reads the shipped exercise library (db/seed/exercises.json) into handout exercises, no database.</summary>
public static class SeedLibrary
{
    public const string RelativePath = "db/seed/exercises.json";

    public static IReadOnlyList<HandoutExercise> Load(string path, int count)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new List<HandoutExercise>();
        foreach (var e in json.RootElement.GetProperty("exercises").EnumerateArray().Take(count))
        {
            var number = result.Count + 1;
            result.Add(new HandoutExercise
            {
                Number = number,
                Name = e.GetProperty("name").GetString() ?? "",
                Steps = Strings(e, "steps"),
                Cues = Strings(e, "cues"),
                Precautions = Strings(e, "precautions"),
                Dose = Dose(e.GetProperty("dose")),
                Pictures = Pictures(e),
            });
        }

        return result;
    }

    /// <summary>Walks up from <paramref name="start"/> to the folder that holds the seed file.</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, RelativePath)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(s => s.GetString() ?? "").Where(s => s.Length > 0).ToList()
            : [];

    private static HandoutDose Dose(JsonElement d) => new()
    {
        Sets = Int(d, "sets"),
        Reps = Int(d, "reps"),
        HoldSeconds = Int(d, "holdSeconds"),
        TimesPerDay = Int(d, "timesPerDay"),
        DaysPerWeek = Int(d, "daysPerWeek"),
        RestSeconds = Int(d, "restSeconds"),
        Side = d.TryGetProperty("side", out var side) && Enum.TryParse<DoseSide>(side.GetString(), true, out var s) ? s : DoseSide.Both,
        Load = d.TryGetProperty("load", out var load) && load.ValueKind == JsonValueKind.String ? load.GetString() ?? "" : "",
    };

    private static int? Int(JsonElement d, string name) =>
        d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static List<HandoutPicture> Pictures(JsonElement e) =>
        e.TryGetProperty("pictures", out var pictures) && pictures.ValueKind == JsonValueKind.Array
            ? pictures.EnumerateArray()
                .Where(p => p.TryGetProperty("pose", out var pose) && pose.ValueKind == JsonValueKind.Object)
                .Select(p => HandoutPicture.Drawn(PoseJson.Deserialize(p.GetProperty("pose")), p.TryGetProperty("caption", out var c) ? c.GetString() ?? "" : ""))
                .ToList()
            : [];
}
