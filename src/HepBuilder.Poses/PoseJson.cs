using System.Text.Json;
using System.Text.Json.Serialization;

namespace HepBuilder.Poses;

/// <summary>Reads and writes pose pictures as camelCase JSON with enum names as strings.</summary>
public static class PoseJson
{
    public static PosePicture Deserialize(JsonElement element) =>
        element.Deserialize(PoseJsonContext.Default.PosePicture) ?? throw new JsonException("A pose picture cannot be null.");

    public static PosePicture Deserialize(string json) =>
        JsonSerializer.Deserialize(json, PoseJsonContext.Default.PosePicture) ?? throw new JsonException("A pose picture cannot be null.");

    public static string Serialize(PosePicture picture) => JsonSerializer.Serialize(picture, PoseJsonContext.Default.PosePicture);
}

/// <summary>
/// Source-generated metadata, so pose JSON also works where reflection-based serialisation is switched off
/// (trimmed or native AOT hosts). A misspelt joint name must surface as an error on import, not vanish.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [typeof(JsonStringEnumConverter<PoseSide>), typeof(JsonStringEnumConverter<PropKind>)])]
[JsonSerializable(typeof(PosePicture))]
internal sealed partial class PoseJsonContext : JsonSerializerContext;
