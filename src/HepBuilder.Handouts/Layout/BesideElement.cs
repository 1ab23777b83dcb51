using SkiaSharp;

namespace HepBuilder.Handouts.Layout;

/// <summary>
/// A fixed-width side column (pictures) beside a main column (what to do), followed by extra blocks (tips,
/// notes). Each extra goes under the main column while the side column leaves room there, and across the full
/// width below once it does not: whichever arrangement is shortest, so no tall empty strip is left under the side.
/// </summary>
public sealed class BesideElement(Element side, float sideWidth, float gap, Element main, IReadOnlyList<Element> extras, float spacing) : Element
{
    private float arrangedWidth = float.NaN;
    private Element arranged = EmptyElement.Instance;

    public override float Measure(float width) => Arranged(width).Measure(width);

    public override void Draw(DrawContext context, SKRect bounds) => Arranged(bounds.Width).Draw(context, bounds);

    public override SplitResult Split(float width, float height, bool pageTop) => Arranged(width).Split(width, height, pageTop);

    private Element Arranged(float width)
    {
        if (width == arrangedWidth)
        {
            return arranged;
        }

        var mainWidth = Math.Max(0, width - sideWidth - gap);
        var sideHeight = side.Measure(sideWidth);
        var column = main.Measure(mainWidth);
        var besideHeights = extras.Select(e => e.Measure(mainWidth)).ToArray();
        var belowHeights = extras.Select(e => e.Measure(width)).ToArray();

        // Try every split point: extras [0, k) under the main column, [k, n) below at full width.
        var best = 0;
        var bestHeight = float.MaxValue;
        for (var k = 0; k <= extras.Count; k++)
        {
            var right = column + besideHeights.Take(k).Sum(h => h + spacing);
            var total = Math.Max(sideHeight, right) + belowHeights.Skip(k).Sum(h => h + spacing);
            if (total <= bestHeight + Epsilon)
            {
                (best, bestHeight) = (k, total);
            }
        }

        var row = new RowElement(
            [(RowSize.Constant(sideWidth), side), (RowSize.Relative(1), new ColumnElement([main, .. extras.Take(best)], spacing))],
            gap);
        arranged = best == extras.Count ? row : new ColumnElement([row, .. extras.Skip(best)], spacing);
        arrangedWidth = width;
        return arranged;
    }
}
