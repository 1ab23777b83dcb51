using System.Collections.Concurrent;
using System.Text;
using SkiaSharp;

namespace HepBuilder.Handouts.Fonts;

/// <summary>
/// The handout's typefaces, loaded once from embedded resources and shared by every render
/// (an SKTypeface is immutable and safe to use from many threads). Nothing comes from the system,
/// so every machine prints the same glyphs. The small latin faces are unpacked to TrueType (embedded
/// whole, compact); the large fallback faces stay WOFF so only the glyphs used are embedded.
/// </summary>
internal static class FontLibrary
{
    private const string Prefix = "HepBuilder.Handouts.Fonts.";

    private static readonly Lazy<FaceChain> RegularChain = new(() => new FaceChain(
    [
        Face("atkinson-hyperlegible-latin-400-normal.woff"),
        Face("atkinson-hyperlegible-latin-ext-400-normal.woff"),
        Face("noto-sans-hebrew-hebrew-400-normal.woff", shaped: true),
        Face("noto-sans-arabic-arabic-400-normal.woff", shaped: true),
        Face("noto-emoji-emoji-400-normal.woff"),
        Face("DejaVuSans.ttf"),
    ]));

    private static readonly Lazy<FaceChain> BoldChain = new(() => new FaceChain(
    [
        Face("atkinson-hyperlegible-latin-700-normal.woff"),
        Face("atkinson-hyperlegible-latin-ext-700-normal.woff"),
        Face("noto-sans-hebrew-hebrew-700-normal.woff", shaped: true),
        Face("noto-sans-arabic-arabic-700-normal.woff", shaped: true),
        Face("noto-emoji-emoji-400-normal.woff"),
        Face("DejaVuSans.ttf"),
    ]));

    public static FaceChain Regular => RegularChain.Value;

    public static FaceChain Bold => BoldChain.Value;

    public static FaceChain For(bool bold) => bold ? Bold : Regular;

    /// <summary>Loads the primary faces and their latin coverage so the first handout pays nothing.</summary>
    public static void Warm()
    {
        Regular.Warm();
        Bold.Warm();
    }

    private static readonly ConcurrentDictionary<SKTypeface, TextShaper> Shapers = new();

    /// <summary>The shaper of a face whose script needs one (Hebrew, Arabic); null for every other face.</summary>
    public static TextShaper? ShaperFor(SKTypeface face) => Shapers.GetValueOrDefault(face);

    private static Lazy<SKTypeface> Face(string file, bool shaped = false) => new(() =>
    {
        using var stream = typeof(FontLibrary).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException($"Font resource {file} is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = file.StartsWith("atkinson", StringComparison.Ordinal) ? WoffDecoder.ToSfnt(buffer.ToArray()) : buffer.ToArray();
        using var data = SKData.CreateCopy(bytes);
        var face = SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"Font resource {file} could not be loaded.");
        if (shaped)
        {
            // HarfBuzz reads only plain OpenType; the glyph ids are the same as in the WOFF Skia embeds.
            Shapers[face] = new TextShaper(WoffDecoder.ToSfnt(bytes));
        }

        return face;
    });
}

/// <summary>
/// An ordered list of faces: the first that has a glyph for a character draws it. Fallback faces
/// load only when a character needs them, so an all-latin handout never touches (or embeds) them.
/// </summary>
internal sealed class FaceChain
{
    private const int FastRange = 0x2C0;

    private readonly Lazy<SKTypeface>[] faces;
    private readonly Lazy<sbyte[]> fast;
    private readonly ConcurrentDictionary<int, int> slow = new();

    public FaceChain(Lazy<SKTypeface>[] faces)
    {
        this.faces = faces;
        fast = new Lazy<sbyte[]>(() =>
        {
            var table = new sbyte[FastRange];
            for (var c = 0; c < FastRange; c++)
            {
                table[c] = (sbyte)Find(c);
            }

            return table;
        });
    }

    public SKTypeface Primary => faces[0].Value;

    /// <summary>The face used for characters no face has: it draws U+FFFD so nothing vanishes silently.</summary>
    public SKTypeface LastResort => faces[^1].Value;

    public void Warm() => _ = fast.Value;

    public SKTypeface FaceAt(int index) => faces[index].Value;

    /// <summary>Index of the first face with a glyph for the code point, or -1 when none has one.</summary>
    public int IndexFor(int codePoint) =>
        codePoint < FastRange ? fast.Value[codePoint] : slow.GetOrAdd(codePoint, Find);

    private int Find(int codePoint)
    {
        for (var i = 0; i < faces.Length; i++)
        {
            if (faces[i].Value.GetGlyph(codePoint) != 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when every character of the text is drawn by the primary face.</summary>
    public bool PrimaryCovers(string text)
    {
        var table = fast.Value;
        foreach (var ch in text)
        {
            if (ch >= FastRange || table[ch] != 0)
            {
                return false;
            }
        }

        return true;
    }

    public static string Replacement { get; } = new Rune(0xFFFD).ToString();
}
