using HepBuilder.Handouts.Layout;
using SkiaSharp;

namespace HepBuilder.Handouts.Document;

/// <summary>A filled circle with a number centred in it (exercise and step numbers).</summary>
internal sealed class NumberBadge(string text, TextStyle style, float diameter, SKColor fill) : Element
{
    private readonly TextElement label = new([(text, style)], TextAlignment.Center);

    public override float Measure(float width) => diameter;

    public override void Draw(DrawContext context, SKRect bounds)
    {
        using var paint = new SKPaint { Color = fill, IsAntialias = true, Style = SKPaintStyle.Fill };
        var r = diameter / 2;
        context.Canvas.DrawCircle(bounds.Left + r, bounds.Top + r, r, paint);
        var h = label.Measure(diameter);
        label.Draw(context, SKRect.Create(bounds.Left, bounds.Top + (diameter - h) / 2, diameter, h));
    }
}

/// <summary>Small vector icons drawn next to headings.</summary>
internal static class Icons
{
    /// <summary>A warning triangle with an exclamation mark.</summary>
    public static void Warning(SKCanvas canvas, SKRect b, SKColor color)
    {
        var s = Math.Min(b.Width, b.Height);
        var x = b.Left;
        var y = b.Top + (b.Height - s) / 2;
        using var paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
        using var triangle = new SKPath();
        triangle.MoveTo(x + s / 2, y);
        triangle.LineTo(x + s, y + s * 0.9f);
        triangle.LineTo(x, y + s * 0.9f);
        triangle.Close();
        canvas.DrawPath(triangle, paint);
        paint.Color = SKColors.White;
        canvas.DrawRoundRect(SKRect.Create(x + s * 0.45f, y + s * 0.28f, s * 0.1f, s * 0.34f), s * 0.04f, s * 0.04f, paint);
        canvas.DrawCircle(x + s / 2, y + s * 0.74f, s * 0.06f, paint);
    }

    /// <summary>A telephone handset in a circle.</summary>
    public static void Phone(SKCanvas canvas, SKRect b, SKColor color)
    {
        var s = Math.Min(b.Width, b.Height);
        var cx = b.Left + s / 2;
        var cy = b.Top + (b.Height) / 2;
        using var paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.DrawCircle(cx, cy, s / 2, paint);
        paint.Color = SKColors.White;
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = s * 0.14f;
        paint.StrokeCap = SKStrokeCap.Round;
        using var handset = new SKPath();
        handset.MoveTo(cx - s * 0.2f, cy - s * 0.22f);
        handset.QuadTo(cx - s * 0.28f, cy + s * 0.05f, cx + s * 0.2f, cy + s * 0.22f);
        canvas.DrawPath(handset, paint);
    }

    /// <summary>A speech bubble (the clinician's note).</summary>
    public static void Note(SKCanvas canvas, SKRect b, SKColor color)
    {
        var s = Math.Min(b.Width, b.Height);
        var x = b.Left;
        var y = b.Top + (b.Height - s) / 2;
        using var paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.DrawRoundRect(SKRect.Create(x, y, s, s * 0.72f), s * 0.18f, s * 0.18f, paint);
        using var tail = new SKPath();
        tail.MoveTo(x + s * 0.22f, y + s * 0.6f);
        tail.LineTo(x + s * 0.2f, y + s);
        tail.LineTo(x + s * 0.5f, y + s * 0.66f);
        tail.Close();
        canvas.DrawPath(tail, paint);
    }
}
