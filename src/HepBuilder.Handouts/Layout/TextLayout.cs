using System.Globalization;
using System.Text;
using HepBuilder.Handouts.Fonts;
using SkiaSharp;

namespace HepBuilder.Handouts.Layout;

/// <summary>
/// A piece of one line drawn with one font and colour, at an x offset from the line start. Hebrew and
/// Arabic pieces carry their shaped glyphs; every other piece is drawn from its characters.
/// </summary>
internal readonly record struct PlacedRun(string Text, SKFont Font, SKColor Color, float X, ShapedText? Shaped = null);

/// <summary>A laid-out line; <paramref name="Rtl"/> when its paragraph reads right to left (it then aligns right).</summary>
internal sealed record TextLine(IReadOnlyList<PlacedRun> Runs, float Width, float Height, float Baseline, bool Rtl = false);

/// <summary>Part of a word in one font and style, measured (and shaped when its face needs it).</summary>
internal readonly record struct Piece(string Text, TextStyle Style, SKFont Font, float Width, ShapedText? Shaped)
{
    /// <param name="shaper">The face's shaper (<see cref="FontLibrary.ShaperFor"/>), null for faces drawn unshaped.</param>
    public static Piece Make(string text, TextStyle style, SKFont font, TextShaper? shaper)
    {
        if (shaper is not null)
        {
            var shaped = shaper.Shape(text, font.Size);
            return new Piece(text, style, font, shaped.Width, shaped);
        }

        return new Piece(text, style, font, font.MeasureText(text), null);
    }
}

/// <summary>
/// Greedy word wrapping with the real font metrics. Each character is drawn by the first face of the
/// chain that has it; words longer than a line are broken between characters; no hyphens are added.
/// Hebrew and Arabic are shaped with HarfBuzz; words are put in visual order by their direction and
/// the paragraph's (see <see cref="BidiOrder"/>), and a right-to-left paragraph aligns right.
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

    [ThreadStatic]
    private static Dictionary<SKFont, float>? spaces;

    /// <summary>The width of a space in the font, asked of Skia once per font and thread (it is asked for at every space).</summary>
    private static float SpaceWidth(SKFont font)
    {
        spaces ??= [];
        if (!spaces.TryGetValue(font, out var width))
        {
            width = font.MeasureText(" ");
            spaces[font] = width;
        }

        return width;
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

    internal sealed class Word
    {
        public List<Piece> Pieces { get; } = [];

        public float Width { get; set; }

        public float SpaceBefore { get; set; }

        public bool BreakBefore { get; set; }

        /// <summary>The word's first letter is right-to-left.</summary>
        public bool Rtl { get; set; }

        /// <summary>The word has a letter (a strong direction); a number or punctuation takes its neighbours'.</summary>
        public bool Strong { get; set; }

        /// <summary>The first letter of the word's paragraph is right-to-left.</summary>
        public bool ParagraphRtl { get; set; }
    }

    private static List<Word> Words(IReadOnlyList<(string Text, TextStyle Style)> spans)
    {
        var words = new List<Word>();
        var word = new Word();
        var piece = new StringBuilder();
        SKFont? pieceFont = null;
        TextShaper? pieceShaper = null;
        TextStyle? pieceStyle = null;
        var pendingSpace = 0f;
        var pendingBreak = false;
        var strongSeen = false;

        void FlushPiece()
        {
            if (piece.Length > 0 && pieceFont is not null && pieceStyle is not null)
            {
                var made = Piece.Make(piece.ToString(), pieceStyle, pieceFont, pieceShaper);
                word.Pieces.Add(made);
                word.Width += made.Width;
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
                        pendingSpace += SpaceWidth(Font(chain.Primary, style.Size));
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
                    pieceShaper = FontLibrary.ShaperFor(face);
                    pieceStyle = style;
                }

                if (!strongSeen && Rune.IsLetter(rune))
                {
                    strongSeen = true;
                    word.Strong = true;
                    word.Rtl = IsRtl(rune.Value);
                }

                piece.Append(text ?? rune.ToString());
            }

            FlushPiece();
        }

        FlushWord();
        BidiOrder.SetParagraphDirections(words);
        return words;
    }

    private static bool IsRtl(int cp) => cp is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF;

    private static IEnumerable<Word> BreakLongWord(Word word, float maxWidth)
    {
        var chunk = new Word { Rtl = word.Rtl, Strong = word.Strong, ParagraphRtl = word.ParagraphRtl };
        foreach (var (text, style, font, _, shaped) in word.Pieces)
        {
            var shaper = shaped is null ? null : FontLibrary.ShaperFor(font.Typeface);
            var sb = new StringBuilder();
            var sbWidth = 0f;
            var e = StringInfo.GetTextElementEnumerator(text);
            while (e.MoveNext())
            {
                var element = e.GetTextElement();
                var w = font.MeasureText(element);
                if (chunk.Width + sbWidth + w > maxWidth && (chunk.Pieces.Count > 0 || sb.Length > 0))
                {
                    if (sb.Length > 0)
                    {
                        var head = Piece.Make(sb.ToString(), style, font, shaper);
                        chunk.Pieces.Add(head);
                        chunk.Width += head.Width;
                        sb.Clear();
                        sbWidth = 0;
                    }

                    yield return chunk;
                    chunk = new Word { Rtl = word.Rtl, Strong = word.Strong, ParagraphRtl = word.ParagraphRtl };
                }

                sb.Append(element);
                sbWidth += w;
            }

            if (sb.Length > 0)
            {
                var rest = Piece.Make(sb.ToString(), style, font, shaper);
                chunk.Pieces.Add(rest);
                chunk.Width += rest.Width;
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

        var rtl = words.Count > 0 && words[0].ParagraphRtl;
        var visual = BidiOrder.Visual(words, rtl);
        var runs = new List<PlacedRun>();
        var x = 0f;
        for (var i = 0; i < visual.Count; i++)
        {
            var (word, gap) = visual[i];
            var spaced = i > 0 && gap > 0;
            x += i > 0 ? gap : 0;
            foreach (var (text, style, font, width, shaped) in word.Rtl ? BidiOrder.Reversed(word.Pieces) : word.Pieces)
            {
                // Words in the same font and colour become one run: fewer text objects, a smaller PDF.
                if (shaped is null && runs.Count > 0 && runs[^1] is { Shaped: null } last && ReferenceEquals(last.Font, font)
                    && last.Color == style.Color && (!spaced || Math.Abs(gap - SpaceWidth(font)) < 0.001f))
                {
                    runs[^1] = last with { Text = last.Text + (spaced ? " " : "") + text };
                }
                else
                {
                    runs.Add(new PlacedRun(text, font, style.Color, x, shaped));
                }

                spaced = false;
                x += width;
            }
        }

        return new TextLine(runs, x, height, baseline, rtl);
    }
}
