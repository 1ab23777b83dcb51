using SkiaSharp;

namespace HepBuilder.Handouts.Layout;

/// <summary>What an element needs while drawing: the canvas and where it is in the document.</summary>
public sealed class DrawContext(SKCanvas canvas, int pageNumber, int totalPages)
{
    public SKCanvas Canvas { get; } = canvas;

    public int PageNumber { get; } = pageNumber;

    public int TotalPages { get; } = totalPages;
}

/// <summary>
/// The result of fitting an element into the space left on a page. <see cref="Head"/> is what goes on
/// this page (null: nothing fits, move to the next page); <see cref="Tail"/> continues on the next
/// page (null: everything fitted).
/// </summary>
public readonly record struct SplitResult(Element? Head, Element? Tail)
{
    public static SplitResult Whole(Element element) => new(element, null);

    public static SplitResult Moved(Element element) => new(null, element);
}

/// <summary>
/// A laid-out block. Width always comes from the parent; an element reports the height it needs
/// for that width and draws itself into a rectangle of that size.
/// </summary>
public abstract class Element
{
    /// <summary>Slack for float rounding so content that exactly fills a page is not pushed over.</summary>
    protected const float Epsilon = 0.01f;

    public abstract float Measure(float width);

    public abstract void Draw(DrawContext context, SKRect bounds);

    /// <summary>
    /// Fits the element into <paramref name="height"/>. Atomic by default: whole or moved. At the top of
    /// a page an atomic element is placed anyway (and clipped) because moving it would never help.
    /// </summary>
    public virtual SplitResult Split(float width, float height, bool pageTop) =>
        Measure(width) <= height + Epsilon || pageTop ? SplitResult.Whole(this) : SplitResult.Moved(this);
}

/// <summary>Takes no space and draws nothing: the tail of a row cell that finished on an earlier page.</summary>
public sealed class EmptyElement : Element
{
    public static EmptyElement Instance { get; } = new();

    public override float Measure(float width) => 0;

    public override void Draw(DrawContext context, SKRect bounds)
    {
    }
}

/// <summary>Forces the content after it onto a new page.</summary>
public sealed class PageBreakElement : Element
{
    public override float Measure(float width) => 0;

    public override void Draw(DrawContext context, SKRect bounds)
    {
    }
}
