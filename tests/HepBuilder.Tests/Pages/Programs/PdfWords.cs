using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace HepBuilder.Tests.Pages.Programs;

/// <summary>A handout's text read back with PdfPig, words joined by spaces, one string per page.</summary>
public static class PdfWords
{
    /// <summary>
    /// Words in the order the engine drew them, so a line wrapped inside a column reads on with its own column (the two
    /// safety tiers side by side) rather than interleaved with the next column's line at the same height.
    /// </summary>
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages()
            .Select(p => System.Text.RegularExpressions.Regex.Replace(ContentOrderTextExtractor.GetText(p), @"\s+", " ").Trim())
            .ToList();
    }

    public static string All(byte[] pdf) => string.Join(" ", Pages(pdf));

    /// <summary>Every glyph of each page in drawing order, without spaces: finds text that is not laid out in lines (a rotated mark).</summary>
    public static IReadOnlyList<string> Glyphs(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)).Replace(" ", "")).ToList();
    }
}
