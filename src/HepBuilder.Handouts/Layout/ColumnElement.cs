using SkiaSharp;

namespace HepBuilder.Handouts.Layout;

/// <summary>Children stacked top to bottom; breaks between children, or inside the one that straddles the page end.</summary>
public sealed class ColumnElement(IReadOnlyList<Element> children, float spacing) : Element
{
    public IReadOnlyList<Element> Children { get; } = children;

    public float Spacing { get; } = spacing;

    public override float Measure(float width)
    {
        var total = 0f;
        var placed = 0;
        foreach (var child in Children)
        {
            if (child is PageBreakElement)
            {
                continue;
            }

            total += child.Measure(width) + (placed++ > 0 ? Spacing : 0);
        }

        return total;
    }

    public override void Draw(DrawContext context, SKRect bounds)
    {
        var y = bounds.Top;
        var placed = 0;
        foreach (var child in Children)
        {
            if (child is PageBreakElement)
            {
                continue;
            }

            if (placed++ > 0)
            {
                y += Spacing;
            }

            var h = child.Measure(bounds.Width);
            child.Draw(context, new SKRect(bounds.Left, y, bounds.Right, y + h));
            y += h;
        }
    }

    public override SplitResult Split(float width, float height, bool pageTop)
    {
        var head = new List<Element>();
        var y = 0f;
        for (var i = 0; i < Children.Count; i++)
        {
            var child = Children[i];
            if (child is PageBreakElement)
            {
                if (head.Count == 0 && pageTop)
                {
                    continue;
                }

                return Parts(head, Rest(i + 1, null));
            }

            var gap = head.Count > 0 ? Spacing : 0;
            var h = child.Measure(width);
            if (y + gap + h <= height + Epsilon)
            {
                head.Add(child);
                y += gap + h;
                continue;
            }

            var part = child.Split(width, Math.Max(0, height - y - gap), pageTop && head.Count == 0);
            if (part.Head is not null)
            {
                head.Add(part.Head);
            }

            return Parts(head, Rest(i + 1, part.Tail));
        }

        return SplitResult.Whole(this);
    }

    private SplitResult Parts(List<Element> head, List<Element> tail) =>
        new(head.Count == 0 ? null : new ColumnElement(head, Spacing), tail.Count == 0 ? null : new ColumnElement(tail, Spacing));

    private List<Element> Rest(int from, Element? first)
    {
        var rest = new List<Element>(Children.Count - from + 1);
        if (first is not null)
        {
            rest.Add(first);
        }

        for (var i = from; i < Children.Count; i++)
        {
            rest.Add(Children[i]);
        }

        return rest;
    }
}

/// <summary>Builds a column: <c>column.Item().Text(...)</c>.</summary>
public sealed class ColumnDescriptor
{
    private readonly List<Element> items = [];

    public float SpacingValue { get; private set; }

    public void Spacing(float points) => SpacingValue = points;

    public IContainer Item()
    {
        var slot = new Container();
        items.Add(slot);
        return slot;
    }

    public void PageBreak() => items.Add(new PageBreakElement());

    internal ColumnElement Build() => new(items, SpacingValue);
}
