using SkiaSharp;

namespace HepBuilder.Handouts.Layout;

/// <summary>
/// Lays a document out into pages, then draws them onto a PDF or a raster canvas. Layout runs first in
/// full so the total page count is known when "Page X of Y" is drawn.
/// </summary>
public static class DocumentRenderer
{
    private const int MaxPages = 500;

    [ThreadStatic]
    private static MemoryStream? buffer;

    public static byte[] GeneratePdf(IDocument document)
    {
        var pages = Paginate(document);
        var meta = document.Metadata;
        // One buffer per thread, reused: a fresh 256 KB buffer per handout lands on the large-object heap
        // and costs a full (gen 2) collection every few handouts, which stalls every rendering thread.
        var stream = buffer ??= new MemoryStream(256 * 1024);
        stream.SetLength(0);
        using (var managed = new SKManagedWStream(stream))
        using (var pdf = SKDocument.CreatePdf(managed, new SKDocumentPdfMetadata
        {
            Title = meta.Title,
            Author = meta.Author,
            Subject = meta.Subject,
            Creator = "HepBuilder",
            Producer = "HepBuilder handout engine",
            Creation = meta.Created,
            Modified = meta.Created,
            EncodingQuality = 85,
        }))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var page = pages[i];
                var canvas = pdf.BeginPage(page.Template.Size.Width, page.Template.Size.Height);
                DrawPage(canvas, page, i + 1, pages.Count);
                pdf.EndPage();
            }

            pdf.Close();
        }

        var pdfBytes = PdfLanguage.Set(stream.GetBuffer().AsSpan(0, (int)stream.Length), meta.Language);
        if (stream.Capacity > 4 * 1024 * 1024)
        {
            // A huge document (hundreds of pages) does not pin its buffer to the thread for good.
            buffer = null;
        }

        return pdfBytes;
    }

    /// <summary>One page as PNG, <paramref name="widthPx"/> wide, on white.</summary>
    public static byte[] GeneratePng(IDocument document, int pageNumber, int widthPx)
    {
        var pages = Paginate(document);
        var page = pages[Math.Clamp(pageNumber, 1, pages.Count) - 1];
        var scale = widthPx / page.Template.Size.Width;
        var info = new SKImageInfo(widthPx, (int)Math.Ceiling(page.Template.Size.Height * scale), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        DrawPage(canvas, page, pageNumber, pages.Count);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    internal sealed record LaidOutPage(PageDescriptor Template, Element Content);

    internal static List<LaidOutPage> Paginate(IDocument document)
    {
        var templates = new List<PageDescriptor>();
        document.Compose(new DocumentContainer(templates));
        var pages = new List<LaidOutPage>();
        foreach (var template in templates)
        {
            var (width, height) = ContentBox(template);
            Element? remaining = template.ContentSlot;
            var first = true;
            while (remaining is not null)
            {
                var part = remaining.Split(width, height, true);
                if (part.Head is null)
                {
                    // Nothing would fit even on an empty page: place it (clipped) rather than loop forever.
                    part = SplitResult.Whole(remaining);
                }

                if (!first && part.Head!.Measure(width) <= 0 && part.Tail is null)
                {
                    break;
                }

                pages.Add(new LaidOutPage(template, part.Head!));
                if (pages.Count > MaxPages)
                {
                    throw new InvalidOperationException($"The document would run past {MaxPages} pages; an element is not making progress.");
                }

                remaining = part.Tail;
                first = false;
            }
        }

        return pages;
    }

    private static (float Width, float Height) ContentBox(PageDescriptor t)
    {
        var width = t.Size.Width - t.Margins.Left - t.Margins.Right;
        var header = t.HeaderSlot.Measure(width);
        var footer = t.FooterSlot.Measure(width);
        var height = t.Size.Height - t.Margins.Top - t.Margins.Bottom - header - footer
            - (header > 0 ? t.HeaderSpacing : 0) - (footer > 0 ? t.FooterSpacing : 0);
        return (width, height);
    }

    private static void DrawPage(SKCanvas canvas, LaidOutPage page, int number, int total)
    {
        var t = page.Template;
        var context = new DrawContext(canvas, number, total);
        var left = t.Margins.Left;
        var right = t.Size.Width - t.Margins.Right;
        var width = right - left;
        var top = t.Margins.Top;

        var header = t.HeaderSlot.Measure(width);
        t.HeaderSlot.Draw(context, new SKRect(left, top, right, top + header));
        if (header > 0)
        {
            top += header + t.HeaderSpacing;
        }

        var content = page.Content.Measure(width);
        var (_, contentHeight) = ContentBox(t);
        canvas.Save();
        canvas.ClipRect(new SKRect(left - 2, top - 2, right + 2, top + contentHeight + 2));
        page.Content.Draw(context, new SKRect(left, top, right, top + content));
        canvas.Restore();

        var footer = t.FooterSlot.Measure(width);
        var footerTop = t.Size.Height - t.Margins.Bottom - footer;
        t.FooterSlot.Draw(context, new SKRect(left, footerTop, right, footerTop + footer));

        var fg = t.ForegroundSlot.Measure(width);
        if (fg > 0 || t.ForegroundSlot.Child is not null)
        {
            t.ForegroundSlot.Draw(context, new SKRect(left, t.Margins.Top, right, t.Size.Height - t.Margins.Bottom));
        }
    }

    private sealed class DocumentContainer(List<PageDescriptor> templates) : IDocumentContainer
    {
        public void Page(Action<PageDescriptor> compose)
        {
            var page = new PageDescriptor();
            compose(page);
            templates.Add(page);
        }
    }
}
