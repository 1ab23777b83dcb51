using SkiaSharp;

namespace HepBuilder.Handouts.Layout;

/// <summary>An element around one child; splitting splits the child and wraps both parts the same way.</summary>
public abstract class WrapperElement(Element child) : Element
{
    public Element Child { get; } = child;

    protected virtual SKRect Insets => SKRect.Empty;

    protected abstract WrapperElement With(Element child);

    public override float Measure(float width) =>
        Child.Measure(width - Insets.Left - Insets.Right) + Insets.Top + Insets.Bottom;

    public override void Draw(DrawContext context, SKRect bounds)
    {
        DrawBehind(context.Canvas, bounds);
        Child.Draw(context, Inner(bounds));
        DrawOver(context.Canvas, bounds);
    }

    public override SplitResult Split(float width, float height, bool pageTop)
    {
        var i = Insets;
        var part = Child.Split(width - i.Left - i.Right, height - i.Top - i.Bottom, pageTop);
        return new SplitResult(part.Head is null ? null : With(part.Head), part.Tail is null ? null : With(part.Tail));
    }

    protected virtual void DrawBehind(SKCanvas canvas, SKRect bounds)
    {
    }

    protected virtual void DrawOver(SKCanvas canvas, SKRect bounds)
    {
    }

    private SKRect Inner(SKRect b)
    {
        var i = Insets;
        var inner = new SKRect(b.Left + i.Left, b.Top + i.Top, b.Right - i.Right, b.Top + i.Top);
        inner.Bottom = inner.Top + Child.Measure(inner.Width);
        return inner;
    }
}

public sealed class PaddingElement(Element child, SKRect padding) : WrapperElement(child)
{
    protected override SKRect Insets => padding;

    protected override WrapperElement With(Element child) => new PaddingElement(child, padding);
}

/// <summary>Fills the element's box, optionally with rounded corners.</summary>
public sealed class BackgroundElement(Element child, SKColor color, float radius) : WrapperElement(child)
{
    protected override WrapperElement With(Element child) => new BackgroundElement(child, color, radius);

    protected override void DrawBehind(SKCanvas canvas, SKRect bounds)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.DrawRoundRect(bounds, radius, radius, paint);
    }
}

/// <summary>A stroke around the box, or only on its left edge (an accent bar).</summary>
public sealed class BorderElement(Element child, SKColor color, float thickness, float radius, bool leftOnly) : WrapperElement(child)
{
    protected override WrapperElement With(Element child) => new BorderElement(child, color, thickness, radius, leftOnly);

    protected override void DrawOver(SKCanvas canvas, SKRect bounds)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true, StrokeWidth = thickness };
        if (leftOnly)
        {
            paint.Style = SKPaintStyle.Fill;
            canvas.DrawRect(new SKRect(bounds.Left, bounds.Top, bounds.Left + thickness, bounds.Bottom), paint);
            return;
        }

        paint.Style = SKPaintStyle.Stroke;
        var half = thickness / 2;
        var r = new SKRect(bounds.Left + half, bounds.Top + half, bounds.Right - half, bounds.Bottom - half);
        canvas.DrawRoundRect(r, radius, radius, paint);
    }
}

/// <summary>Moves the whole child to the next page when it does not fit; splits it only when it is taller than a page.</summary>
public sealed class KeepTogetherElement(Element child) : Element
{
    public override float Measure(float width) => child.Measure(width);

    public override void Draw(DrawContext context, SKRect bounds) => child.Draw(context, bounds);

    public override SplitResult Split(float width, float height, bool pageTop)
    {
        if (Measure(width) <= height + Epsilon)
        {
            return SplitResult.Whole(this);
        }

        if (!pageTop)
        {
            return SplitResult.Moved(this);
        }

        var part = child.Split(width, height, true);
        return new SplitResult(part.Head, part.Tail is null ? null : new KeepTogetherElement(part.Tail));
    }
}

/// <summary>
/// When the body is split, its remainder starts with a "continued" heading on the next page. The heading
/// does not count as progress: if nothing of the body fits under it, the whole remainder moves on (or,
/// at the top of a page, the body is split as if the heading were not there), so a page is never just a heading.
/// </summary>
public sealed class ContinuedElement(Element body, Func<Element> continuedHeading, float spacing, Element? heading = null) : Element
{
    public override float Measure(float width) =>
        body.Measure(width) + (heading is null ? 0 : heading.Measure(width) + spacing);

    public override void Draw(DrawContext context, SKRect bounds)
    {
        var top = bounds.Top;
        if (heading is not null)
        {
            var h = heading.Measure(bounds.Width);
            heading.Draw(context, new SKRect(bounds.Left, top, bounds.Right, top + h));
            top += h + spacing;
        }

        body.Draw(context, new SKRect(bounds.Left, top, bounds.Right, top + body.Measure(bounds.Width)));
    }

    public override SplitResult Split(float width, float height, bool pageTop)
    {
        if (Measure(width) <= height + Epsilon)
        {
            return SplitResult.Whole(this);
        }

        var headingHeight = heading is null ? 0 : heading.Measure(width) + spacing;
        var part = body.Split(width, Math.Max(0, height - headingHeight), pageTop);
        if (part.Head is null)
        {
            return SplitResult.Moved(this);
        }

        Element head = heading is null ? part.Head : new ColumnElement([heading, part.Head], spacing);
        return part.Tail is null
            ? SplitResult.Whole(this)
            : new SplitResult(head, new ContinuedElement(part.Tail, continuedHeading, spacing, continuedHeading()));
    }
}

/// <summary>Draws its child only on pages that pass the test (for example a slim running header after page 1).</summary>
public sealed class ShowIfElement(Element child, Func<int, bool> showOnPage) : Element
{
    public override float Measure(float width) => child.Measure(width);

    public override void Draw(DrawContext context, SKRect bounds)
    {
        if (showOnPage(context.PageNumber))
        {
            child.Draw(context, bounds);
        }
    }
}
