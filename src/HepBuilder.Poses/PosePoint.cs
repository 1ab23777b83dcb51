using System.Text.Json;
using System.Text.Json.Serialization;

namespace HepBuilder.Poses;

/// <summary>
/// A point in figure units. X grows to the right; Y grows upward from the floor, which is Y = 0.
/// Serialised as a compact <c>[x, y]</c> array because a picture holds dozens of them.
/// </summary>
[JsonConverter(typeof(PosePointJsonConverter))]
public readonly record struct PosePoint(double X, double Y)
{
    public static PosePoint operator +(PosePoint a, PosePoint b) => new(a.X + b.X, a.Y + b.Y);

    public static PosePoint operator -(PosePoint a, PosePoint b) => new(a.X - b.X, a.Y - b.Y);

    public static PosePoint operator *(PosePoint a, double k) => new(a.X * k, a.Y * k);

    public static PosePoint Midpoint(PosePoint a, PosePoint b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);

    public double Length => Math.Sqrt(X * X + Y * Y);

    public bool IsFinite => double.IsFinite(X) && double.IsFinite(Y);
}

internal sealed class PosePointJsonConverter : JsonConverter<PosePoint>
{
    public override PosePoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A point must be an array [x, y].");
        }

        var x = ReadNumber(ref reader);
        var y = ReadNumber(ref reader);
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("A point must have exactly two numbers [x, y].");
        }

        return new PosePoint(x, y);
    }

    public override void Write(Utf8JsonWriter writer, PosePoint value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(Math.Round(value.X, 2));
        writer.WriteNumberValue(Math.Round(value.Y, 2));
        writer.WriteEndArray();
    }

    private static double ReadNumber(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("A point must have exactly two numbers [x, y].");
        }

        return reader.GetDouble();
    }
}
