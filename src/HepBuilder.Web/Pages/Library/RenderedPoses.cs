using System.Collections.Concurrent;
using HepBuilder.Poses;

namespace HepBuilder.Web.Pages.Library;

/// <summary>
/// Inline pose SVG by (pose JSON, title, size). The builder draws 30 of them per view (its items and 20 library hits)
/// and the library page 20; the drawings only change when the JSON does, which is part of the key, so a cached
/// string can never be stale. Bounded: when full it starts again rather than grow with the library.
/// </summary>
public static class RenderedPoses
{
    private const int Capacity = 4096;
    private static readonly ConcurrentDictionary<(string Json, string Title, int Width, int Height), string> Cache = new();

    /// <exception cref="System.Text.Json.JsonException">The JSON is not a pose (not cached).</exception>
    public static string Svg(string poseJson, string title, int width, int height)
    {
        var key = (poseJson, title, width, height);
        if (Cache.TryGetValue(key, out var svg)) return svg;
        svg = PoseSvg.Render(PoseJson.Deserialize(poseJson), width, height, title);
        if (Cache.Count >= Capacity) Cache.Clear();
        Cache[key] = svg;
        return svg;
    }
}
