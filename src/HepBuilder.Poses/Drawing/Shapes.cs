using System.Globalization;

namespace HepBuilder.Poses.Drawing;

internal readonly record struct PoseColor(byte R, byte G, byte B)
{
    public string Hex => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");
}

/// <summary>
/// Drawing primitives in figure units. The Skia renderer and the SVG writer both draw from these, so a
/// handout and a web page show exactly the same picture.
/// </summary>
internal abstract record Shape;

/// <summary>
/// A round-capped stroke along the points. When <paramref name="Curved"/> and there are three points the
/// line is a smooth curve that passes through the middle one.
/// </summary>
internal sealed record StrokeShape(IReadOnlyList<PosePoint> Points, double Width, PoseColor Color, bool Curved = false)
    : Shape;

internal sealed record PolygonShape(IReadOnlyList<PosePoint> Points, PoseColor Fill, PoseColor? Stroke = null, double StrokeWidth = 0)
    : Shape;

internal sealed record CircleShape(PosePoint Center, double Radius, PoseColor? Fill, PoseColor? Stroke = null, double StrokeWidth = 0)
    : Shape;

internal static class Curves
{
    /// <summary>The quadratic control point that makes the curve from a to b pass through m at its middle.</summary>
    public static PosePoint ControlThrough(PosePoint a, PosePoint m, PosePoint b) =>
        (m * 2) - PosePoint.Midpoint(a, b);
}

internal static class Palette
{
    public static readonly PoseColor Body = new(0x3E, 0x55, 0x6B);
    public static readonly PoseColor NearLimb = new(0x2B, 0x3D, 0x4F);
    public static readonly PoseColor FarLimb = new(0xA9, 0xB7, 0xC4);
    public static readonly PoseColor Halo = new(0xFF, 0xFF, 0xFF);
    public static readonly PoseColor Floor = new(0x8E, 0x9B, 0xA8);
    public static readonly PoseColor PropLine = new(0x8A, 0x97, 0xA4);
    public static readonly PoseColor PropFill = new(0xE4, 0xEB, 0xF0);
    public static readonly PoseColor Mat = new(0xCF, 0xE0, 0xE8);
    public static readonly PoseColor Band = new(0xC0, 0x5F, 0x45);
    public static readonly PoseColor Wood = new(0xA5, 0x7C, 0x52);
    public static readonly PoseColor Metal = new(0x55, 0x63, 0x70);
    public static readonly PoseColor Towel = new(0x8C, 0xB5, 0x8F);
    public static readonly PoseColor Arrow = new(0x1D, 0x86, 0x8C);
}

/// <summary>A rectangle in figure units, Y up.</summary>
internal readonly record struct Extent(double MinX, double MinY, double MaxX, double MaxY)
{
    public double Width => MaxX - MinX;

    public double Height => MaxY - MinY;

    public static Extent Of(IEnumerable<Shape> shapes)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        void Grow(PosePoint p, double r)
        {
            minX = Math.Min(minX, p.X - r);
            minY = Math.Min(minY, p.Y - r);
            maxX = Math.Max(maxX, p.X + r);
            maxY = Math.Max(maxY, p.Y + r);
        }

        foreach (var shape in shapes)
        {
            switch (shape)
            {
                case StrokeShape s:
                    foreach (var p in s.Points)
                    {
                        Grow(p, s.Width / 2);
                    }

                    break;
                case PolygonShape s:
                    foreach (var p in s.Points)
                    {
                        Grow(p, s.StrokeWidth / 2);
                    }

                    break;
                case CircleShape c:
                    Grow(c.Center, c.Radius + (c.StrokeWidth / 2));
                    break;
            }
        }

        return minX > maxX ? new Extent(0, 0, 100, 100) : new Extent(minX, minY, maxX, maxY);
    }

    public Extent Inflate(double margin) => new(MinX - margin, MinY - margin, MaxX + margin, MaxY + margin);
}

/// <summary>Maps figure units (Y up) onto an output rectangle (Y down), uniformly scaled and centred.</summary>
internal readonly record struct Viewport(Extent Source, double Scale, double OffsetX, double OffsetY)
{
    public static Viewport Fit(Extent source, double left, double top, double width, double height)
    {
        var scale = Math.Min(width / source.Width, height / source.Height);
        if (!double.IsFinite(scale) || scale <= 0)
        {
            scale = 1;
        }

        var offsetX = left + ((width - (source.Width * scale)) / 2);
        var offsetY = top + ((height - (source.Height * scale)) / 2);
        return new Viewport(source, scale, offsetX, offsetY);
    }

    public (double X, double Y) Map(PosePoint p) =>
        (OffsetX + ((p.X - Source.MinX) * Scale), OffsetY + ((Source.MaxY - p.Y) * Scale));
}
