using HepBuilder.Poses.Drawing;
using SkiaSharp;

namespace HepBuilder.Poses;

/// <summary>
/// Draws a pose picture as vector paths, so the same call works on a PDF canvas and on a bitmap.
/// Paints are created per call: SKPaint is mutable and not safe to share between threads.
/// </summary>
public static class PoseRenderer
{
    public static void Draw(SKCanvas canvas, SKRect bounds, PosePicture picture)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(picture);
        if (bounds.Width <= 0 || bounds.Height <= 0)
        {
            return;
        }

        var scene = PoseScene.Build(picture);
        var view = Viewport.Fit(scene.Extent, bounds.Left, bounds.Top, bounds.Width, bounds.Height);

        using var stroke = new SKPaint
        {
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeCap = SKStrokeCap.Round,
            StrokeJoin = SKStrokeJoin.Round,
        };
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };

        canvas.Save();
        canvas.ClipRect(bounds);
        foreach (var shape in scene.Shapes)
        {
            switch (shape)
            {
                case StrokeShape s:
                    using (var path = StrokePath(s, view))
                    {
                        Apply(stroke, s.Color, s.Width * view.Scale);
                        canvas.DrawPath(path, stroke);
                    }

                    break;
                case PolygonShape s:
                    using (var path = Polygon(s.Points, view))
                    {
                        fill.Color = ToSk(s.Fill);
                        canvas.DrawPath(path, fill);
                        if (s.Stroke is { } outline && s.StrokeWidth > 0)
                        {
                            Apply(stroke, outline, s.StrokeWidth * view.Scale);
                            canvas.DrawPath(path, stroke);
                        }
                    }

                    break;
                case CircleShape c:
                    var (cx, cy) = view.Map(c.Center);
                    var radius = (float)(c.Radius * view.Scale);
                    if (c.Fill is { } inside)
                    {
                        fill.Color = ToSk(inside);
                        canvas.DrawCircle((float)cx, (float)cy, radius, fill);
                    }

                    if (c.Stroke is { } ring && c.StrokeWidth > 0)
                    {
                        Apply(stroke, ring, c.StrokeWidth * view.Scale);
                        canvas.DrawCircle((float)cx, (float)cy, radius, stroke);
                    }

                    break;
            }
        }

        canvas.Restore();
    }

    private static void Apply(SKPaint paint, PoseColor color, double width)
    {
        paint.Color = ToSk(color);
        paint.StrokeWidth = (float)width;
    }

    private static SKColor ToSk(PoseColor c) => new(c.R, c.G, c.B);

    private static SKPoint Point(Viewport view, PosePoint p)
    {
        var (x, y) = view.Map(p);
        return new SKPoint((float)x, (float)y);
    }

    private static SKPath StrokePath(StrokeShape s, Viewport view)
    {
        var path = new SKPath();
        if (s.Points.Count == 0)
        {
            return path;
        }

        path.MoveTo(Point(view, s.Points[0]));
        if (s.Curved && s.Points.Count == 3)
        {
            path.QuadTo(Point(view, Curves.ControlThrough(s.Points[0], s.Points[1], s.Points[2])), Point(view, s.Points[2]));
            return path;
        }

        foreach (var p in s.Points.Skip(1))
        {
            path.LineTo(Point(view, p));
        }

        return path;
    }

    private static SKPath Polygon(IReadOnlyList<PosePoint> points, Viewport view)
    {
        var path = new SKPath();
        for (var i = 0; i < points.Count; i++)
        {
            if (i == 0)
            {
                path.MoveTo(Point(view, points[i]));
            }
            else
            {
                path.LineTo(Point(view, points[i]));
            }
        }

        path.Close();
        return path;
    }
}
