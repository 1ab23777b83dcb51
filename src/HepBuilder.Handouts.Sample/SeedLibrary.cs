using System.Text.Json;
using System.Text.Json.Serialization;
using HepBuilder.Clinical.Dosing;
using HepBuilder.Clinical.Text;
using HepBuilder.Poses;

namespace HepBuilder.Handouts.Sample;

/// <summary>Reads the shipped exercise library (db/seed/exercises.json) into handout exercises, no database.</summary>
public static class SeedLibrary
{
    public const string RelativePath = "db/seed/exercises.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static IReadOnlyList<HandoutExercise> Load(string path, int count)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new List<HandoutExercise>();
        foreach (var e in json.RootElement.GetProperty("exercises").EnumerateArray().Take(count))
        {
            var number = result.Count + 1;
            var dose = e.GetProperty("dose").Deserialize<Dose>(Json) ?? new Dose();
            result.Add(SampleHandout.Dosed(new HandoutExercise
            {
                Number = number,
                Name = e.GetProperty("name").GetString() ?? "",
                Steps = Strings(e, "steps"),
                Cues = Strings(e, "cues"),
                Precautions = Strings(e, "precautions"),
                Dose = "",
                Pictures = Pictures(e),
            }, dose));
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

    private static List<HandoutPicture> Pictures(JsonElement e) =>
        e.TryGetProperty("pictures", out var pictures) && pictures.ValueKind == JsonValueKind.Array
            ? pictures.EnumerateArray()
                .Where(p => p.TryGetProperty("pose", out var pose) && pose.ValueKind == JsonValueKind.Object)
                .Select(p => HandoutPicture.Drawn(PoseJson.Deserialize(p.GetProperty("pose")), p.TryGetProperty("caption", out var c) ? c.GetString() ?? "" : ""))
                .ToList()
            : [];
}
