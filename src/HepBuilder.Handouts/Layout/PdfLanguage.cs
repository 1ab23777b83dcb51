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

    /// <summary>Returns a copy of <paramref name="pdf"/> with /Lang set; works on bytes so a handout costs one array.</summary>
    public static byte[] Set(ReadOnlySpan<byte> pdf, string language)
    {
        var tag = Tag().Replace(language ?? "", "");
        var at = pdf.IndexOf(CatalogStart);
        var startxref = pdf.LastIndexOf("startxref\n"u8);
        if (tag.Length == 0 || at < 0 || startxref < 0)
        {
            return pdf.ToArray();
        }

        at += CatalogStart.Length;
        var insert = Encoding.ASCII.GetBytes($"/Lang ({tag})\n");
        var xrefOffset = Number(pdf[(startxref + 10)..], out _);
        if (xrefOffset < at || !pdf[(int)xrefOffset..].StartsWith("xref\n0 "u8))
        {
            return pdf.ToArray();
        }

        var tail = Encoding.ASCII.GetBytes($"startxref\n{xrefOffset + insert.Length}\n%%EOF\n");
        var result = new byte[startxref + insert.Length + tail.Length];
        pdf[..at].CopyTo(result);
        insert.CopyTo(result.AsSpan(at));
        pdf[at..startxref].CopyTo(result.AsSpan(at + insert.Length));
        tail.CopyTo(result.AsSpan(startxref + insert.Length));

        // Entries are fixed-width "oooooooooo ggggg n \n" lines after "xref\n0 N\n".
        var countStart = (int)xrefOffset + 7;
        var count = Number(pdf[countStart..], out var digits);
        var entries = countStart + digits + 1;
        Span<byte> formatted = stackalloc byte[10];
        for (var i = 0; i < count; i++)
        {
            var pos = entries + i * 20;
            if (pdf[pos + 17] != (byte)'n')
            {
                continue;
            }

            var offset = Number(pdf.Slice(pos, 10), out _);
            if (offset >= at)
            {
                (offset + insert.Length).TryFormat(formatted, out _, "D10", CultureInfo.InvariantCulture);
                formatted.CopyTo(result.AsSpan(pos + insert.Length));
            }
        }

        return result;
    }

    private static long Number(ReadOnlySpan<byte> s, out int digits)
    {
        long value = 0;
        digits = 0;
        while (digits < s.Length && s[digits] is >= (byte)'0' and <= (byte)'9')
        {
            value = value * 10 + s[digits++] - '0';
        }

        return value;
    }

    [GeneratedRegex("[^A-Za-z0-9-]")]
    private static partial Regex Tag();
}
