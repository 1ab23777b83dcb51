using SkiaSharp;

namespace HepBuilder.Handouts.Layout;

/// <summary>Grid lines and shading of a table.</summary>
public sealed record TableStyle(SKColor LineColor, float LineWidth, SKColor HeaderBackground, SKColor StripeBackground, float MinRowHeight);

/// <summary>
/// A ruled grid. Rows are never split; a table that runs past the page end continues on the next page
/// with its header rows repeated.
/// </summary>
public sealed class TableElement(IReadOnlyList<RowSize> columns, IReadOnlyList<Element[]> header, IReadOnlyList<Element[]> rows, TableStyle style) : Element
{
    public override float Measure(float width)
    {
        var widths = Widths(width);
        return header.Sum(r => RowHeight(r, widths)) + rows.Sum(r => RowHeight(r, widths));
    }

    public override void Draw(DrawContext context, SKRect bounds)
    {
        var widths = Widths(bounds.Width);
        var canvas = context.Canvas;
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = false };
        using var line = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = style.LineWidth, Color = style.LineColor, IsAntialias = true };
        var y = bounds.Top;
        var rowIndex = 0;
        foreach (var (row, isHeader) in header.Select(r => (r, true)).Concat(rows.Select(r => (r, false))))
        {
            var h = RowHeight(row, widths);
            var background = isHeader ? style.HeaderBackground : rowIndex++ % 2 == 1 ? style.StripeBackground : SKColors.Transparent;
            if (background.Alpha > 0)
            {
                fill.Color = background;
                canvas.DrawRect(new SKRect(bounds.Left, y, bounds.Right, y + h), fill);
            }

            var x = bounds.Left;
            for (var c = 0; c < row.Length; c++)
            {
                var ch = row[c].Measure(widths[c]);
                row[c].Draw(context, new SKRect(x, y + (h - ch) / 2, x + widths[c], y + (h - ch) / 2 + ch));
                x += widths[c];
            }

            canvas.DrawLine(bounds.Left, y, bounds.Right, y, line);
            y += h;
        }

        canvas.DrawLine(bounds.Left, y, bounds.Right, y, line);
        var vx = bounds.Left;
        foreach (var w in widths.Prepend(0))
        {
            vx += w;
            canvas.DrawLine(vx, bounds.Top, vx, y, line);
        }
    }

    public override SplitResult Split(float width, float height, bool pageTop)
    {
        var widths = Widths(width);
        var used = header.Sum(r => RowHeight(r, widths));
        var count = 0;
        while (count < rows.Count && used + RowHeight(rows[count], widths) <= height + Epsilon)
        {
            used += RowHeight(rows[count], widths);
            count++;
        }

        if (count == rows.Count)
        {
            return SplitResult.Whole(this);
        }

        if (count == 0)
        {
            if (!pageTop)
            {
                return SplitResult.Moved(this);
            }

            count = 1;
        }

        return new SplitResult(
            new TableElement(columns, header, rows.Take(count).ToList(), style),
            new TableElement(columns, header, rows.Skip(count).ToList(), style));
    }

    private float RowHeight(Element[] row, float[] widths)
    {
        var h = style.MinRowHeight;
        for (var c = 0; c < row.Length; c++)
        {
            h = Math.Max(h, row[c].Measure(widths[c]));
        }

        return h;
    }

    private float[] Widths(float width)
    {
        var fixedTotal = columns.Sum(c => c.Points);
        var shares = columns.Sum(c => c.Share);
        var perShare = shares > 0 ? Math.Max(0, width - fixedTotal) / shares : 0;
        return columns.Select(c => c.Points + c.Share * perShare).ToArray();
    }
}

/// <summary>Builds a table: columns first, then header cells and body cells filled row by row.</summary>
public sealed class TableDescriptor
{
    private readonly List<RowSize> columns = [];
    private readonly List<Element> headerCells = [];
    private readonly List<Element> cells = [];

    public TableStyle Style { get; set; } = new(SKColors.Gray, 0.75f, SKColors.LightGray, SKColors.Transparent, 0);

    public void ConstantColumn(float points) => columns.Add(RowSize.Constant(points));

    public void RelativeColumn(float share = 1) => columns.Add(RowSize.Relative(share));

    public IContainer HeaderCell() => Add(headerCells);

    public IContainer Cell() => Add(cells);

    internal TableElement Build() => new(columns, Rows(headerCells), Rows(cells), Style);

    private static Container Add(List<Element> list)
    {
        var slot = new Container();
        list.Add(slot);
        return slot;
    }

    private List<Element[]> Rows(List<Element> flat)
    {
        if (columns.Count == 0 || flat.Count % columns.Count != 0)
        {
            throw new InvalidOperationException("A table needs its columns defined and every row filled.");
        }

        return flat.Chunk(columns.Count).ToList();
    }
}
