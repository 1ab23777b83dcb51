using System.Globalization;
using System.Security;
using System.Text;
using HepBuilder.Poses.Drawing;

namespace HepBuilder.Poses;

/// <summary>
/// Writes a pose picture as a self-contained SVG: no scripts, no external references, invariant numbers,
/// and a title so screen readers can name the picture.
/// </summary>
public static class PoseSvg
{
    private const string DefaultTitle = "Exercise picture";

    public static string Render(PosePicture picture, int width, int height, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);

        var scene = PoseScene.Build(picture);
        var view = Viewport.Fit(scene.Extent, 0, 0, width, height);
        var svg = new StringBuilder(4096);
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\">"));
        svg.Append("<title>").Append(SecurityElement.Escape(string.IsNullOrWhiteSpace(title) ? DefaultTitle : title)).Append("</title>");
        foreach (var shape in scene.Shapes)
        {
            switch (shape)
            {
                case StrokeShape s:
                    svg.Append("<path d=\"").Append(StrokeData(s, view)).Append("\" fill=\"none\" stroke=\"").Append(s.Color.Hex)
                        .Append("\" stroke-width=\"").Append(Num(s.Width * view.Scale))
                        .Append("\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>");
                    break;
                case PolygonShape s:
                    svg.Append("<path d=\"").Append(PolygonData(s.Points, view)).Append("\" fill=\"").Append(s.Fill.Hex).Append('"');
                    AppendStroke(svg, s.Stroke, s.StrokeWidth * view.Scale);
                    svg.Append("/>");
                    break;
                case CircleShape c:
                    var (cx, cy) = view.Map(c.Center);
                    svg.Append("<circle cx=\"").Append(Num(cx)).Append("\" cy=\"").Append(Num(cy))
                        .Append("\" r=\"").Append(Num(c.Radius * view.Scale)).Append("\" fill=\"")
                        .Append(c.Fill is { } f ? f.Hex : "none").Append('"');
                    AppendStroke(svg, c.Stroke, c.StrokeWidth * view.Scale);
                    svg.Append("/>");
                    break;
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static void AppendStroke(StringBuilder svg, PoseColor? color, double width)
    {
        if (color is { } c && width > 0)
        {
            svg.Append(" stroke=\"").Append(c.Hex).Append("\" stroke-width=\"").Append(Num(width))
                .Append("\" stroke-linejoin=\"round\"");
        }
    }

    private static string StrokeData(StrokeShape s, Viewport view)
    {
        if (s.Points.Count == 0)
        {
            return string.Empty;
        }

        var d = new StringBuilder("M").Append(Pt(view, s.Points[0]));
        if (s.Curved && s.Points.Count == 3)
        {
            return d.Append(" Q").Append(Pt(view, Curves.ControlThrough(s.Points[0], s.Points[1], s.Points[2])))
                .Append(' ').Append(Pt(view, s.Points[2])).ToString();
        }

        foreach (var p in s.Points.Skip(1))
        {
            d.Append(" L").Append(Pt(view, p));
        }

        return d.ToString();
    }

    private static string PolygonData(IReadOnlyList<PosePoint> points, Viewport view) =>
        points.Count == 0 ? string.Empty : "M" + string.Join(" L", points.Select(p => Pt(view, p))) + " Z";

    private static string Pt(Viewport view, PosePoint p)
    {
        var (x, y) = view.Map(p);
        return Num(x) + " " + Num(y);
    }

    private static string Num(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
