using SkiaSharp;

namespace HepBuilder.Handouts.Layout;

/// <summary>How wide a row cell is: fixed points, or a share of what fixed cells leave.</summary>
public readonly record struct RowSize(float Points, float Share)
{
    public static RowSize Constant(float points) => new(points, 0);

    public static RowSize Relative(float share) => new(0, share);
}

/// <summary>
/// Cells side by side, as tall as the tallest. When a row straddles a page end every cell splits at the
/// same height, so long steps beside a picture flow on while the picture stays on the first page.
/// </summary>
public sealed class RowElement(IReadOnlyList<(RowSize Size, Element Element)> cells, float spacing) : Element
{
    public override float Measure(float width)
    {
        var widths = Widths(width);
        var max = 0f;
        for (var i = 0; i < cells.Count; i++)
        {
            max = Math.Max(max, cells[i].Element.Measure(widths[i]));
        }

        return max;
    }

    public override void Draw(DrawContext context, SKRect bounds)
    {
        var widths = Widths(bounds.Width);
        var x = bounds.Left;
        for (var i = 0; i < cells.Count; i++)
        {
            var h = cells[i].Element.Measure(widths[i]);
            cells[i].Element.Draw(context, new SKRect(x, bounds.Top, x + widths[i], bounds.Top + h));
            x += widths[i] + spacing;
        }
    }

    public override SplitResult Split(float width, float height, bool pageTop)
    {
        if (Measure(width) <= height + Epsilon)
        {
            return SplitResult.Whole(this);
        }

        var widths = Widths(width);
        var heads = new List<(RowSize, Element)>(cells.Count);
        var tails = new List<(RowSize, Element)>(cells.Count);
        var anyTail = false;
        for (var i = 0; i < cells.Count; i++)
        {
            var part = cells[i].Element.Split(widths[i], height, pageTop);
            if (part.Head is null)
            {
                return SplitResult.Moved(this);
            }

            heads.Add((cells[i].Size, part.Head));
            tails.Add((cells[i].Size, part.Tail ?? EmptyElement.Instance));
            anyTail |= part.Tail is not null;
        }

        return new SplitResult(new RowElement(heads, spacing), anyTail ? new RowElement(tails, spacing) : null);
    }

    private float[] Widths(float width)
    {
        var fixedTotal = spacing * Math.Max(0, cells.Count - 1);
        var shares = 0f;
        foreach (var (size, _) in cells)
        {
            fixedTotal += size.Points;
            shares += size.Share;
        }

        var perShare = shares > 0 ? Math.Max(0, width - fixedTotal) / shares : 0;
        var widths = new float[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            widths[i] = cells[i].Size.Points + cells[i].Size.Share * perShare;
        }

        return widths;
    }
}

/// <summary>Builds a row: <c>row.ConstantItem(40).Text("1")</c>, <c>row.RelativeItem().Column(...)</c>.</summary>
public sealed class RowDescriptor
{
    private readonly List<(RowSize, Element)> cells = [];
    private float spacing;

    public void Spacing(float points) => spacing = points;

    public IContainer ConstantItem(float points) => Add(RowSize.Constant(points));

    public IContainer RelativeItem(float share = 1) => Add(RowSize.Relative(share));

    internal RowElement Build() => new(cells, spacing);

    private Container Add(RowSize size)
    {
        var slot = new Container();
        cells.Add((size, slot));
        return slot;
    }
}
