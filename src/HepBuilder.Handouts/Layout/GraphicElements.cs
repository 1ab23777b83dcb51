using SkiaSharp;

namespace HepBuilder.Handouts.Layout;

/// <summary>Vector drawing through a callback, at a fixed height (or a fixed width-to-height ratio).</summary>
public sealed class CanvasElement(Action<SKCanvas, SKRect> draw, float height, float aspectRatio) : Element
{
    public override float Measure(float width) => aspectRatio > 0 ? width / aspectRatio : height;

    public override void Draw(DrawContext context, SKRect bounds)
    {
        var canvas = context.Canvas;
        canvas.Save();
        canvas.ClipRect(bounds);
        draw(canvas, bounds);
        canvas.Restore();
    }
}

/// <summary>
/// A raster picture fitted (aspect kept, centred) into a box of the given height. Pictures much larger
/// than print size are scaled down first so a phone photo does not bloat the PDF.
/// </summary>
public sealed class ImageElement(SKImage image, float height) : Element
{
    private const float PrintDpi = 200;

    public override float Measure(float width) => height;

    public override void Draw(DrawContext context, SKRect bounds)
    {
        var scale = Math.Min(bounds.Width / image.Width, bounds.Height / image.Height);
        var w = image.Width * scale;
        var h = image.Height * scale;
        var target = SKRect.Create(bounds.Left + (bounds.Width - w) / 2, bounds.Top + (bounds.Height - h) / 2, w, h);
        var maxPixels = (int)Math.Ceiling(w / 72 * PrintDpi);
        var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);
        if (image.Width > maxPixels * 1.5f)
        {
            var info = new SKImageInfo(maxPixels, Math.Max(1, (int)Math.Ceiling(maxPixels * (float)image.Height / image.Width)));
            using var bitmap = new SKBitmap(info);
            image.ScalePixels(bitmap.PeekPixels(), sampling);
            using var small = SKImage.FromBitmap(bitmap);
            context.Canvas.DrawImage(small, target, sampling);
            return;
        }

        context.Canvas.DrawImage(image, target, sampling);
    }
}

/// <summary>One line of text whose content depends on the page, such as "Page 2 of 5".</summary>
public sealed class PageTextElement(Func<int, int, string> text, TextStyle style, TextAlignment alignment) : Element
{
    public override float Measure(float width) => style.Size * style.LineHeight;

    public override void Draw(DrawContext context, SKRect bounds)
    {
        var element = new TextElement([(text(context.PageNumber, context.TotalPages), style)], alignment);
        element.Draw(context, bounds);
    }
}

/// <summary>A horizontal rule.</summary>
public sealed class LineElement(SKColor color, float thickness) : Element
{
    public override float Measure(float width) => thickness;

    public override void Draw(DrawContext context, SKRect bounds)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
        context.Canvas.DrawRect(bounds, paint);
    }
}
