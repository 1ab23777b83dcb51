using UglyToad.PdfPig;

namespace HepBuilder.Tests.Pages.Programs;

/// <summary>A handout's text read back with PdfPig, words joined by spaces, one string per page.</summary>
public static class PdfWords
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    public static string All(byte[] pdf) => string.Join(" ", Pages(pdf));

    /// <summary>Every glyph of each page in drawing order, without spaces: finds text that is not laid out in lines (a rotated mark).</summary>
    public static IReadOnlyList<string> Glyphs(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)).Replace(" ", "")).ToList();
    }
}
