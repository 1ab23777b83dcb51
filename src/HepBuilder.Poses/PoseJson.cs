using System.Text.Json;
using System.Text.Json.Serialization;

namespace HepBuilder.Poses;

/// <summary>Reads and writes pose pictures as camelCase JSON with enum names as strings.</summary>
public static class PoseJson
{
    // Read-only options are safe to share between threads.
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static PosePicture Deserialize(JsonElement element) =>
        element.Deserialize<PosePicture>(Options) ?? throw new JsonException("A pose picture cannot be null.");

    public static PosePicture Deserialize(string json) =>
        JsonSerializer.Deserialize<PosePicture>(json, Options) ?? throw new JsonException("A pose picture cannot be null.");

    public static string Serialize(PosePicture picture) => JsonSerializer.Serialize(picture, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // A misspelt joint name must surface as an error on import, not vanish silently.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
