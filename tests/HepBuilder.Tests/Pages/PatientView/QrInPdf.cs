using QRCoder;
using UglyToad.PdfPig;

namespace HepBuilder.Tests.Pages.PatientView;

/// <summary>
/// Reads the handout's QR code back from the PDF's vector drawing (one rectangle per run of dark modules) and checks it
/// module by module against the code of a URL: the same check a phone's decoder makes, without a decoder library.
/// </summary>
public static class QrInPdf
{
    public static bool Encodes(byte[] pdf, string url)
    {
        var expected = Runs(url);
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        foreach (var path in page.Paths.Where(p => p.IsFilled))
        {
            var rects = path.Select(s => s.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>().ToList();
            if (rects.Count != expected.Count) continue;
            var module = rects.Min(r => r.Height);
            var left = rects.Min(r => r.Left);
            var top = rects.Max(r => r.Top);
            var (x0, y0) = (expected.Min(r => r.X), expected.Min(r => r.Y));
            var found = rects.Select(r => (X: x0 + (int)Math.Round((r.Left - left) / module), Y: y0 + (int)Math.Round((top - r.Top) / module),
                Length: (int)Math.Round(r.Width / module))).ToHashSet();
            if (found.SetEquals(expected)) return true;
        }
        return false;
    }

    /// <summary>The runs of dark modules of <paramref name="url"/>'s code, as the handout engine draws them (QRCoder, level M).</summary>
    private static HashSet<(int X, int Y, int Length)> Runs(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var runs = new HashSet<(int, int, int)>();
        for (var y = 0; y < data.ModuleMatrix.Count; y++)
        {
            var row = data.ModuleMatrix[y];
            for (var x = 0; x < row.Length;)
            {
                if (!row[x]) { x++; continue; }
                var start = x;
                while (x < row.Length && row[x]) x++;
                runs.Add((start, y, x - start));
            }
        }
        return runs;
    }
}
