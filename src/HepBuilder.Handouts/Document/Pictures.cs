using System.Collections.Concurrent;
using System.Security.Cryptography;
using HepBuilder.Handouts.Layout;
using HepBuilder.Poses;
using SkiaSharp;

namespace HepBuilder.Handouts.Document;

/// <summary>
/// Exercise pictures and logos. Uploaded images are decoded once per distinct content (an SKImage is
/// immutable and safe to draw from many threads); undecodable bytes are skipped, not fatal.
/// </summary>
internal static class Pictures
{
    private const int CacheLimit = 256;
    private static readonly ConcurrentDictionary<string, SKImage?> Decoded = new();

    public static SKImage? Decode(byte[]? bytes)
    {
        if (bytes is not { Length: > 0 })
        {
            return null;
        }

        var key = Convert.ToHexString(SHA256.HashData(bytes));
        if (Decoded.TryGetValue(key, out var image))
        {
            return image;
        }

        if (Decoded.Count >= CacheLimit)
        {
            Decoded.Clear();
        }

        return Decoded.GetOrAdd(key, _ => SKImage.FromEncodedData(bytes));
    }

    /// <summary>Taller than wide: a standing or sitting figure (or a portrait photo).</summary>
    public static bool IsUpright(HandoutPicture picture) => Aspect(picture) < 1;

    private static double Aspect(HandoutPicture picture) => picture.Pose?.Frame is { Width: > 0, Height: > 0 } frame
        ? frame.Width / frame.Height
        : Decode(picture.Image) is { } img ? (double)img.Width / img.Height : 2.0;

    /// <summary>
    /// A framed picture with its caption in the corner; a pose is drawn as vectors. <paramref name="width"/> is the drawing width; the height follows the picture's shape (a standing
    /// figure gets a taller box than a lying one) within <paramref name="minHeight"/>..<paramref name="maxHeight"/>.
    /// </summary>
    public static Element Framed(HandoutPicture picture, float width, float minHeight, float maxHeight, Typography type)
    {
        var aspect = Aspect(picture);
        var height = (float)Math.Clamp(width / aspect, minHeight, maxHeight);
        Element? body = null;
        if (picture.Pose is { } pose)
        {
            body = new CanvasElement((canvas, b) => DrawPose(canvas, b, pose), height, 0);
        }
        else if (Decode(picture.Image) is { } image)
        {
            body = new ImageElement(image, height);
        }

        return ContainerExtensions.Build(c =>
        {
            var column = c.Background(Palette.Panel).Padding(6 * type.Scale);
            column.Column(col =>
            {
                col.Spacing(2);
                if (!string.IsNullOrWhiteSpace(picture.Caption))
                {
                    col.Item().Text(picture.Caption.ToUpperInvariant(), type.Label.WithColor(Palette.Muted));
                }

                col.Item().Element(body ?? new CanvasElement((canvas, b) => { }, height, 0));
            });
        });
    }

    private static void DrawPose(SKCanvas canvas, SKRect bounds, PosePicture pose)
    {
        var inset = bounds;
        inset.Inflate(-2, -2);
        PoseRenderer.Draw(canvas, inset, pose);
    }
}
