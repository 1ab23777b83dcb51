using System.Globalization;
using System.Text;
using HepBuilder.Handouts.Fonts;
using SkiaSharp;

namespace HepBuilder.Handouts.Layout;

/// <summary>A piece of one line drawn with one font and colour, at an x offset from the line start.</summary>
internal readonly record struct PlacedRun(string Text, SKFont Font, SKColor Color, float X);

internal sealed record TextLine(IReadOnlyList<PlacedRun> Runs, float Width, float Height, float Baseline);

/// <summary>
/// Greedy word wrapping with the real font metrics. Each character is drawn by the first face of the
/// chain that has it; words longer than a line are broken between characters; no hyphens are added.
/// Right-to-left words are put in visual order (no shaping: Arabic prints in isolated letter forms).
/// </summary>
internal static class TextLayout
{
    [ThreadStatic]
    private static Dictionary<(SKTypeface, float), SKFont>? fonts;

    public static SKFont Font(SKTypeface face, float size)
    {
        fonts ??= [];
        if (!fonts.TryGetValue((face, size), out var font))
        {
            // Unhinted, linear metrics: the same advances on every machine and in PDF and raster output.
            font = new SKFont(face, size) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true };
            fonts[(face, size)] = font;
        }

        return font;
    }

    public static List<TextLine> Layout(IReadOnlyList<(string Text, TextStyle Style)> spans, float maxWidth)
    {
        var words = Words(spans);
        var lines = new List<TextLine>();
        var current = new List<Word>();
        var width = 0f;
        var lastStyle = spans.Count > 0 ? spans[^1].Style : TextStyle.Default;
        foreach (var word in words)
        {
            if (word.BreakBefore)
            {
                lines.Add(Line(current, lastStyle));
                current.Clear();
                width = 0;
                if (word.Pieces.Count == 0)
                {
                    continue;
                }
            }

            var gap = current.Count > 0 ? word.SpaceBefore : 0;
            if (width + gap + word.Width <= maxWidth + 0.01f)
            {
                current.Add(word);
                width += gap + word.Width;
                continue;
            }

            if (current.Count > 0)
            {
                lines.Add(Line(current, lastStyle));
                current.Clear();
                width = 0;
            }

            foreach (var chunk in BreakLongWord(word, maxWidth))
            {
                if (current.Count > 0)
                {
                    lines.Add(Line(current, lastStyle));
                    current.Clear();
                }

                current.Add(chunk);
                width = chunk.Width;
            }
        }

        if (current.Count > 0 || lines.Count == 0)
        {
            lines.Add(Line(current, lastStyle));
        }

        return lines;
    }

    private sealed class Word
    {
        public List<(string Text, TextStyle Style, SKFont Font, float Width)> Pieces { get; } = [];

        public float Width { get; set; }

        public float SpaceBefore { get; set; }

        public bool BreakBefore { get; set; }

        public bool Rtl { get; set; }
    }

    private static List<Word> Words(IReadOnlyList<(string Text, TextStyle Style)> spans)
    {
        var words = new List<Word>();
        var word = new Word();
        var piece = new StringBuilder();
        SKFont? pieceFont = null;
        TextStyle? pieceStyle = null;
        var pendingSpace = 0f;
        var pendingBreak = false;
        var strongSeen = false;

        void FlushPiece()
        {
            if (piece.Length > 0 && pieceFont is not null && pieceStyle is not null)
            {
                var text = piece.ToString();
                var w = pieceFont.MeasureText(text);
                word.Pieces.Add((text, pieceStyle, pieceFont, w));
                word.Width += w;
            }

            piece.Clear();
        }

        void FlushWord()
        {
            FlushPiece();
            if (word.Pieces.Count > 0 || pendingBreak)
            {
                word.SpaceBefore = pendingSpace;
                word.BreakBefore = pendingBreak;
                words.Add(word);
                pendingSpace = 0;
                pendingBreak = false;
            }

            word = new Word();
            strongSeen = false;
        }

        foreach (var (raw, style) in spans)
        {
            var chain = FontLibrary.For(style.Bold);
            foreach (var rune in TextSanitizer.Clean(raw).EnumerateRunes())
            {
                if (rune.Value is ' ' or '\n')
                {
                    FlushWord();
                    if (rune.Value == '\n')
                    {
                        if (pendingBreak)
                        {
                            words.Add(new Word { BreakBefore = true });
                        }

                        pendingBreak = true;
                        pendingSpace = 0;
                    }
                    else
                    {
                        pendingSpace += Font(chain.Primary, style.Size).MeasureText(" ");
                    }

                    continue;
                }

                var index = chain.IndexFor(rune.Value);
                var text = index < 0 ? FaceChain.Replacement : null;
                var face = index < 0 ? chain.LastResort : chain.FaceAt(index);
                var font = Font(face, style.Size);
                if (!ReferenceEquals(font, pieceFont) || !ReferenceEquals(style, pieceStyle))
                {
                    FlushPiece();
                    pieceFont = font;
                    pieceStyle = style;
                }

                if (!strongSeen && Rune.IsLetter(rune))
                {
                    strongSeen = true;
                    word.Rtl = IsRtl(rune.Value);
                }

                piece.Append(text ?? rune.ToString());
            }

            FlushPiece();
        }

        FlushWord();
        return words;
    }

    private static bool IsRtl(int cp) => cp is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF;

    private static IEnumerable<Word> BreakLongWord(Word word, float maxWidth)
    {
        var chunk = new Word { Rtl = word.Rtl };
        foreach (var (text, style, font, _) in word.Pieces)
        {
            var sb = new StringBuilder();
            var e = StringInfo.GetTextElementEnumerator(text);
            while (e.MoveNext())
            {
                var element = e.GetTextElement();
                var w = font.MeasureText(element);
                var pieceWidth = sb.Length > 0 ? font.MeasureText(sb.ToString()) : 0;
                if (chunk.Width + pieceWidth + w > maxWidth && (chunk.Pieces.Count > 0 || sb.Length > 0))
                {
                    if (sb.Length > 0)
                    {
                        chunk.Pieces.Add((sb.ToString(), style, font, pieceWidth));
                        chunk.Width += pieceWidth;
                        sb.Clear();
                    }

                    yield return chunk;
                    chunk = new Word { Rtl = word.Rtl };
                }

                sb.Append(element);
            }

            if (sb.Length > 0)
            {
                var w = font.MeasureText(sb.ToString());
                chunk.Pieces.Add((sb.ToString(), style, font, w));
                chunk.Width += w;
            }
        }

        if (chunk.Pieces.Count > 0)
        {
            yield return chunk;
        }
    }

    private static TextLine Line(List<Word> words, TextStyle fallbackStyle)
    {
        var tallest = fallbackStyle;
        foreach (var w in words)
        {
            foreach (var p in w.Pieces)
            {
                if (p.Style.Size * p.Style.LineHeight > tallest.Size * tallest.LineHeight)
                {
                    tallest = p.Style;
                }
            }
        }

        var height = tallest.Size * tallest.LineHeight;
        var metrics = Font(FontLibrary.For(tallest.Bold).Primary, tallest.Size).Metrics;
        var ascent = -metrics.Ascent;
        var baseline = (height - (ascent + metrics.Descent)) / 2 + ascent;

        var visual = VisualOrder(words);
        var runs = new List<PlacedRun>();
        var x = 0f;
        for (var i = 0; i < visual.Count; i++)
        {
            var (word, gap) = visual[i];
            var spaced = i > 0 && gap > 0;
            x += i > 0 ? gap : 0;
            foreach (var (text, style, font, width) in word.Rtl ? Reversed(word.Pieces) : word.Pieces)
            {
                // Words in the same font and colour become one run: fewer text objects, a smaller PDF.
                if (runs.Count > 0 && runs[^1] is var last && ReferenceEquals(last.Font, font) && last.Color == style.Color
                    && (!spaced || Math.Abs(gap - font.MeasureText(" ")) < 0.001f))
                {
                    runs[^1] = last with { Text = last.Text + (spaced ? " " : "") + text };
                }
                else
                {
                    runs.Add(new PlacedRun(text, font, style.Color, x));
                }

                spaced = false;
                x += width;
            }
        }

        return new TextLine(runs, x, height, baseline);
    }

    /// <summary>Reverses each maximal run of right-to-left words (and the gaps between them) within the line.</summary>
    private static List<(Word Word, float Gap)> VisualOrder(List<Word> words)
    {
        var order = new List<(Word, float)>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            order.Add((words[i], words[i].SpaceBefore));
        }

        for (var start = 0; start < order.Count; start++)
        {
            if (!order[start].Item1.Rtl)
            {
                continue;
            }

            var end = start;
            while (end + 1 < order.Count && order[end + 1].Item1.Rtl)
            {
                end++;
            }

            var leadGap = order[start].Item2;
            var run = order.GetRange(start, end - start + 1);
            var gaps = run.Select(r => r.Item2).Skip(1).Reverse().ToList();
            run.Reverse();
            for (var k = 0; k < run.Count; k++)
            {
                order[start + k] = (run[k].Item1, k == 0 ? leadGap : gaps[k - 1]);
            }

            start = end;
        }

        return order;
    }

    private static IEnumerable<(string, TextStyle, SKFont, float)> Reversed(List<(string Text, TextStyle Style, SKFont Font, float Width)> pieces)
    {
        for (var i = pieces.Count - 1; i >= 0; i--)
        {
            var p = pieces[i];
            var elements = new List<string>();
            var e = StringInfo.GetTextElementEnumerator(p.Text);
            while (e.MoveNext())
            {
                elements.Add(e.GetTextElement());
            }

            elements.Reverse();
            yield return (string.Concat(elements), p.Style, p.Font, p.Width);
        }
    }
}
