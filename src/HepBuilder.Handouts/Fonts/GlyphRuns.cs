using System.Collections.Concurrent;
using SkiaSharp;

namespace HepBuilder.Handouts.Fonts;

/// <summary>
/// Unshaped text as a glyph run whose positions are exactly the advances Skia's PDF writer adds up itself
/// (font units × size ÷ units per em, summed in single precision). When every glyph lands where the writer
/// expects, it writes a line as one string; text drawn from characters gets positions from FreeType's fixed
/// point metrics instead, which differ in the last bits, and the writer then moves to every glyph on its own
/// ("x 0 Td &lt;glyph&gt; Tj"): about five times the content, which dominated the time spent compressing it.
/// </summary>
internal static class GlyphRuns
{
    private static readonly ConcurrentDictionary<SKTypeface, (float[] Units, int EmSize)> Advances = new();

    // Per thread and per font, so the hot path takes no lock (asking a font for its typeface does).
    [ThreadStatic]
    private static Dictionary<SKFont, (float[] Units, int EmSize)>? byFont;

    [ThreadStatic]
    private static SKTextBlobBuilder? blobBuilder;

    public static SKTextBlob Build(string text, SKFont font)
    {
        byFont ??= [];
        if (!byFont.TryGetValue(font, out var advances))
        {
            advances = Advances.GetOrAdd(font.Typeface, Load);
            byFont[font] = advances;
        }

        var (units, emSize) = advances;
        var count = font.CountGlyphs(text);
        // Building resets the builder, so each thread keeps one (every new Skia object takes a global lock).
        var builder = blobBuilder ??= new SKTextBlobBuilder();
        var run = builder.AllocateHorizontalRun(font, count, 0);
        var glyphs = run.Glyphs;
        font.GetGlyphs(text, glyphs);
        var positions = run.Positions;
        var scale = font.Size / emSize;
        var x = 0f;
        for (var i = 0; i < count; i++)
        {
            positions[i] = x;
            var glyph = glyphs[i];
            x += scale * (glyph < units.Length ? units[glyph] : 0);
        }

        return builder.Build()!;
    }

    /// <summary>Every glyph's advance in font units, read at a size of one em as Skia's PDF writer reads it.</summary>
    private static (float[] Units, int EmSize) Load(SKTypeface face)
    {
        var emSize = face.UnitsPerEm > 0 ? face.UnitsPerEm : 1024;
        using var font = new SKFont(face, emSize) { Hinting = SKFontHinting.None, Edging = SKFontEdging.Alias };
        var glyphs = new ushort[face.GlyphCount];
        for (var i = 0; i < glyphs.Length; i++)
        {
            glyphs[i] = (ushort)i;
        }

        // Advances are whole font units (hmtx); FreeType's fixed point returns them a hair off.
        var widths = font.GetGlyphWidths(glyphs);
        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] = MathF.Round(widths[i]);
        }

        return (widths, emSize);
    }
}
