using System.Runtime.InteropServices;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using Buffer = HarfBuzzSharp.Buffer;
using HbFont = HarfBuzzSharp.Font;

namespace HepBuilder.Handouts.Fonts;

/// <summary>
/// Glyphs of one run after shaping, in visual (left-to-right) order: Arabic letters joined in their
/// contextual forms, ligatures formed, marks placed. <see cref="Clusters"/> are UTF-8 byte offsets into
/// <see cref="Utf8"/>, so the PDF keeps the original characters for copying and screen readers.
/// </summary>
internal sealed record ShapedText(ushort[] Glyphs, SKPoint[] Positions, uint[] Clusters, byte[] Utf8, float Width);

/// <summary>
/// HarfBuzz shaping for the faces that need it (Hebrew, Arabic). Latin text never comes here: Skia's own
/// character-to-glyph drawing is right for it and much cheaper. One HarfBuzz font per face, made
/// immutable and shared by every thread (HarfBuzz allows that); each call uses its own buffer.
/// </summary>
internal sealed class TextShaper
{
    private readonly HbFont font;
    private readonly int unitsPerEm;

    public TextShaper(byte[] sfnt)
    {
        // The font data lives in native memory HarfBuzz owns: a managed array could be moved by the GC under it.
        var data = Marshal.AllocHGlobal(sfnt.Length);
        Marshal.Copy(sfnt, 0, data, sfnt.Length);
        using var blob = new Blob(data, sfnt.Length, MemoryMode.ReadOnly, () => Marshal.FreeHGlobal(data));
        blob.MakeImmutable();
        using var face = new Face(blob, 0);
        unitsPerEm = face.UnitsPerEm;
        face.MakeImmutable();
        font = new HbFont(face);
        // Font units in, font units out: positions are scaled to the point size per call, no rounding.
        font.SetScale(unitsPerEm, unitsPerEm);
        font.SetFunctionsOpenType();
    }

    public ShapedText Shape(string text, float size)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var buffer = new Buffer();
        buffer.ClusterLevel = ClusterLevel.MonotoneCharacters;
        buffer.AddUtf8(utf8);
        buffer.GuessSegmentProperties();
        font.Shape(buffer);

        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var scale = size / unitsPerEm;
        var glyphs = new ushort[infos.Length];
        var points = new SKPoint[infos.Length];
        var clusters = new uint[infos.Length];
        var x = 0f;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = infos[i].Cluster;
            points[i] = new SKPoint(x + positions[i].XOffset * scale, -positions[i].YOffset * scale);
            x += positions[i].XAdvance * scale;
        }

        return new ShapedText(glyphs, points, clusters, utf8, x);
    }
}
