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

    /// <summary>A framed picture with its caption in the corner; a pose is drawn as vectors.</summary>
    public static Element Framed(HandoutPicture picture, float height, Typography type)
    {
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
            var column = c.Background(Palette.Panel, 6).Padding(6 * type.Scale);
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
