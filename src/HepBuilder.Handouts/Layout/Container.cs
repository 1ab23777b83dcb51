using SkiaSharp;

namespace HepBuilder.Handouts.Layout;

/// <summary>
/// A slot that holds one element, in the style of QuestPDF: extension methods wrap the slot's content
/// (padding, border, background…) and return the inner slot, so a document reads top-down.
/// </summary>
public interface IContainer
{
    Element? Child { get; set; }
}

/// <summary>A slot that is itself an element: it measures, splits and draws whatever was put in it.</summary>
public sealed class Container : Element, IContainer
{
    public Element? Child { get; set; }

    public override float Measure(float width) => Child?.Measure(width) ?? 0;

    public override void Draw(DrawContext context, SKRect bounds) => Child?.Draw(context, bounds);

    public override SplitResult Split(float width, float height, bool pageTop) =>
        Child is null ? SplitResult.Whole(this) : Child.Split(width, height, pageTop);
}
