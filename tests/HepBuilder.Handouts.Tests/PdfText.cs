using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace HepBuilder.Handouts.Tests;

/// <summary>Reads a rendered handout back the way a screen reader or search would: words per page.</summary>
internal sealed record PdfText(IReadOnlyList<string> Pages, IReadOnlyList<(double Width, double Height)> Sizes)
{
    public string All => string.Join(" ", Pages);

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<string>();
        var sizes = new List<(double, double)>();
        foreach (var page in document.GetPages())
        {
            // Content order is the order the engine drew lines in, so wrapped sentences read back whole.
            pages.Add(Regex.Replace(ContentOrderTextExtractor.GetText(page), "\\s+", " ").Trim());
            sizes.Add((page.Width, page.Height));
        }

        return new PdfText(pages, sizes);
    }

    /// <summary>Pages (1-based) whose text contains <paramref name="text"/>.</summary>
    public IReadOnlyList<int> PagesWith(string text) =>
        Pages.Select((p, i) => (p, i)).Where(x => x.p.Contains(text, StringComparison.Ordinal)).Select(x => x.i + 1).ToList();
}
