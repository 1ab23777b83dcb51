using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HepBuilder.Handouts.Layout;

/// <summary>
/// Writes the document language (/Lang) into the PDF catalog, which screen readers use to pick a voice.
/// Skia's PDF metadata has no language field, so the key is inserted after the fact and the
/// cross-reference offsets behind it are shifted by the inserted length.
/// </summary>
internal static partial class PdfLanguage
{
    private static readonly byte[] CatalogStart = "<</Type /Catalog\n"u8.ToArray();

    public static byte[] Set(byte[] pdf, string language)
    {
        var tag = Tag().Replace(language ?? "", "");
        var at = pdf.AsSpan().IndexOf(CatalogStart);
        if (tag.Length == 0 || at < 0)
        {
            return pdf;
        }

        at += CatalogStart.Length;
        var insert = Encoding.ASCII.GetBytes($"/Lang ({tag})\n");
        var text = Encoding.Latin1.GetString(pdf);
        var startxref = text.LastIndexOf("startxref\n", StringComparison.Ordinal);
        var xrefOffset = int.Parse(text.AsSpan(startxref + 10, text.IndexOf('\n', startxref + 10) - startxref - 10), CultureInfo.InvariantCulture);
        if (!text.AsSpan(xrefOffset).StartsWith("xref\n", StringComparison.Ordinal) || xrefOffset < at)
        {
            return pdf;
        }

        var result = new byte[pdf.Length + insert.Length];
        pdf.AsSpan(0, at).CopyTo(result);
        insert.CopyTo(result.AsSpan(at));
        pdf.AsSpan(at).CopyTo(result.AsSpan(at + insert.Length));

        // Entries are fixed-width "oooooooooo ggggg n \n" lines after "xref\n0 N\n".
        var entries = text.IndexOf('\n', xrefOffset + 5) + 1;
        var count = int.Parse(text.AsSpan(xrefOffset + 7, entries - 1 - (xrefOffset + 7)), CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            var pos = entries + i * 20;
            if (text[pos + 17] != 'n')
            {
                continue;
            }

            var offset = long.Parse(text.AsSpan(pos, 10), CultureInfo.InvariantCulture);
            if (offset >= at)
            {
                Encoding.ASCII.GetBytes((offset + insert.Length).ToString("D10", CultureInfo.InvariantCulture), result.AsSpan(pos + insert.Length));
            }
        }

        var tail = Encoding.ASCII.GetBytes($"startxref\n{xrefOffset + insert.Length}\n%%EOF\n");
        var head = startxref + insert.Length;
        var final = new byte[head + tail.Length];
        result.AsSpan(0, head).CopyTo(final);
        tail.CopyTo(final.AsSpan(head));
        return final;
    }

    [GeneratedRegex("[^A-Za-z0-9-]")]
    private static partial Regex Tag();
}
