using SkiaSharp;

namespace HepBuilder.Handouts.Layout;

/// <summary>A document composed from pages, as in QuestPDF.</summary>
public interface IDocument
{
    DocumentMetadata Metadata { get; }

    void Compose(IDocumentContainer document);
}

public interface IDocumentContainer
{
    void Page(Action<PageDescriptor> compose);
}

/// <summary>PDF metadata. Creation date is fixed by the caller so equal input gives equal bytes.</summary>
public sealed record DocumentMetadata(string Title, string Author, string Subject, string Language, DateTime Created);

/// <summary>One page template: size, margins, and the header, content, footer and foreground slots.</summary>
public sealed class PageDescriptor
{
    internal SKSize Size { get; private set; } = new(612, 792);

    internal SKRect Margins { get; private set; } = new(48, 48, 48, 48);

    internal float HeaderSpacing { get; private set; }

    internal float FooterSpacing { get; private set; }

    internal Container HeaderSlot { get; } = new();

    internal Container ContentSlot { get; } = new();

    internal Container FooterSlot { get; } = new();

    internal Container ForegroundSlot { get; } = new();

    public void PageSize(SKSize points) => Size = points;

    public void Margin(float left, float top, float right, float bottom) => Margins = new SKRect(left, top, right, bottom);

    /// <summary>Gaps between header and content, and content and footer.</summary>
    public void Spacing(float afterHeader, float beforeFooter)
    {
        HeaderSpacing = afterHeader;
        FooterSpacing = beforeFooter;
    }

    public void Header(Action<IContainer> compose) => compose(HeaderSlot);

    public void Content(Action<IContainer> compose) => compose(ContentSlot);

    public void Footer(Action<IContainer> compose) => compose(FooterSlot);

    /// <summary>Drawn over the whole page (inside the margins), after everything else: watermarks.</summary>
    public void Foreground(Action<IContainer> compose) => compose(ForegroundSlot);
}
