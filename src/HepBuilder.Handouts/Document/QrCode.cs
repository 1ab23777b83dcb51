using System.Collections.Concurrent;
using QRCoder;
using SkiaSharp;

namespace HepBuilder.Handouts.Document;

/// <summary>
/// A QR code as vector squares: crisp at any zoom and a few hundred bytes in the PDF. Paths are cached
/// per URL (immutable once built) so reprints and benchmarks skip the encoder.
/// </summary>
internal static class QrCode
{
    private const int CacheLimit = 512;
    private static readonly ConcurrentDictionary<string, (SKPath Path, int Size)> Cache = new();

    /// <summary>
    /// The address as a patient would type it: without the scheme (browsers add it) and without the query or
    /// fragment (the page shows the program's current version whatever version is asked for).
    /// </summary>
    public static string TypedAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.Authority + uri.AbsolutePath.TrimEnd('/')
            : url;

    public static void Draw(SKCanvas canvas, SKRect bounds, string url, SKColor color)
    {
        var (path, size) = Matrix(url);
        var side = Math.Min(bounds.Width, bounds.Height);
        canvas.Save();
        canvas.Translate(bounds.Left + (bounds.Width - side) / 2, bounds.Top + (bounds.Height - side) / 2);
        canvas.Scale(side / size);
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = false };
        canvas.DrawPath(path, paint);
        canvas.Restore();
    }

    private static (SKPath Path, int Size) Matrix(string url)
    {
        if (Cache.TryGetValue(url, out var cached))
        {
            return cached;
        }

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var path = new SKPath();
        for (var y = 0; y < rows.Count; y++)
        {
            var row = rows[y];
            var x = 0;
            while (x < row.Length)
            {
                if (!row[x])
                {
                    x++;
                    continue;
                }

                // One rectangle per horizontal run of dark modules keeps the path short.
                var start = x;
                while (x < row.Length && row[x])
                {
                    x++;
                }

                path.AddRect(new SKRect(start, y, x, y + 1));
            }
        }

        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        var entry = (path, rows.Count);
        return Cache.GetOrAdd(url, entry);
    }
}
