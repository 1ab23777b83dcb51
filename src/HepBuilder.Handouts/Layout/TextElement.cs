using SkiaSharp;

namespace HepBuilder.Handouts.Layout;

/// <summary>Wrapped text made of styled spans; splits between lines.</summary>
public sealed class TextElement : Element
{
    [ThreadStatic]
    private static SKPaint? textPaint;

    private readonly IReadOnlyList<(string Text, TextStyle Style)> spans;
    private readonly TextAlignment alignment;
    private float laidOutWidth = float.NaN;
    private List<TextLine> lines = [];

    public TextElement(IReadOnlyList<(string Text, TextStyle Style)> spans, TextAlignment alignment)
    {
        this.spans = spans;
        this.alignment = alignment;
    }

    private TextElement(List<TextLine> lines, float width, TextAlignment alignment)
    {
        spans = [];
        this.alignment = alignment;
        this.lines = lines;
        laidOutWidth = width;
    }

    /// <summary>The text as laid out, line by line (for tests and for measuring).</summary>
    internal IReadOnlyList<TextLine> Lines(float width)
    {
        if (width != laidOutWidth && spans.Count > 0)
        {
            lines = TextLayout.Layout(spans, width);
            laidOutWidth = width;
        }

        return lines;
    }

    public override float Measure(float width)
    {
        var total = 0f;
        foreach (var line in Lines(width))
        {
            total += line.Height;
        }

        return total;
    }

    public override void Draw(DrawContext context, SKRect bounds)
    {
        // One paint per thread, recoloured per run: a new Skia object per text block takes a global lock.
        var paint = textPaint ??= new SKPaint { IsAntialias = true };
        var y = bounds.Top;
        foreach (var line in Lines(bounds.Width))
        {
            var offset = alignment switch
            {
                TextAlignment.Center => (bounds.Width - line.Width) / 2,
                TextAlignment.Right => bounds.Width - line.Width,
                _ when line.Rtl => bounds.Width - line.Width,
                _ => 0,
            };
            foreach (var run in line.Runs)
            {
                paint.Color = run.Color;
                if (run.Shaped is { } shaped)
                {
                    using var blob = Blob(shaped, run.Font);
                    context.Canvas.DrawText(blob, bounds.Left + offset + run.X, y + line.Baseline, paint);
                }
                else
                {
                    using var blob = Fonts.GlyphRuns.Build(run.Text, run.Font);
                    context.Canvas.DrawText(blob, bounds.Left + offset + run.X, y + line.Baseline, paint);
                }
            }

            y += line.Height;
        }
    }

    /// <summary>Shaped glyphs with their source text and clusters, so the PDF still reads back as the original characters.</summary>
    private static SKTextBlob Blob(Fonts.ShapedText shaped, SKFont font)
    {
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(font, shaped.Glyphs.Length, shaped.Utf8.Length);
        run.SetGlyphs(shaped.Glyphs);
        run.SetPositions(shaped.Positions);
        run.SetText(shaped.Utf8);
        run.SetClusters(shaped.Clusters);
        return builder.Build()!;
    }

    public override SplitResult Split(float width, float height, bool pageTop)
    {
        var all = Lines(width);
        var used = 0f;
        var count = 0;
        while (count < all.Count && used + all[count].Height <= height + Epsilon)
        {
            used += all[count].Height;
            count++;
        }

        if (count == all.Count)
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
            new TextElement(all.Take(count).ToList(), width, alignment),
            new TextElement(all.Skip(count).ToList(), width, alignment));
    }
}

/// <summary>Builds text: <c>text.Span("Hold ").Bold()</c>.</summary>
public sealed class TextDescriptor(TextStyle style)
{
    private readonly List<SpanDescriptor> spans = [];
    private TextAlignment alignment = TextAlignment.Left;

    public SpanDescriptor Span(string text)
    {
        var span = new SpanDescriptor(text, style);
        spans.Add(span);
        return span;
    }

    public void AlignCenter() => alignment = TextAlignment.Center;

    public void AlignRight() => alignment = TextAlignment.Right;

    internal TextElement Build() => new(spans.Select(s => (s.Text, s.Style)).ToList(), alignment);
}

public sealed class SpanDescriptor(string text, TextStyle style)
{
    internal string Text { get; } = text;

    internal TextStyle Style { get; private set; } = style;

    public SpanDescriptor WithStyle(TextStyle value)
    {
        Style = value;
        return this;
    }

    public SpanDescriptor Bold()
    {
        Style = Style.WithBold();
        return this;
    }

    public SpanDescriptor FontSize(float size)
    {
        Style = Style.WithSize(size);
        return this;
    }

    public SpanDescriptor FontColor(SKColor color)
    {
        Style = Style.WithColor(color);
        return this;
    }
}
