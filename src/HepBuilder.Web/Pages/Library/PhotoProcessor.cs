using System.Security.Cryptography;
using SkiaSharp;

namespace HepBuilder.Web.Pages.Library;

/// <summary>A photo that passed every check, re-encoded; <see cref="Sha256"/> is of these bytes.</summary>
public sealed record ProcessedPhoto(byte[] Data, string ContentType, int Width, int Height, string Sha256);

/// <summary>
/// Verifies an uploaded photo by decoding it (never by name or declared type), refuses anything that is not PNG,
/// JPEG or WebP, reads the dimensions from the header before any pixels are decoded (so a small file claiming a
/// huge canvas — a decompression bomb — is refused cheaply), then re-encodes it, which drops EXIF/GPS metadata.
/// A decode holds up to 160 MB of pixels, so it happens once, scaled down in the decoder where the format allows,
/// and only <see cref="MaxConcurrentDecodes"/> at a time (uploads and imports together).
/// </summary>
public static class PhotoProcessor
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const long MaxPixels = 40_000_000;
    public const int MaxSide = 1600;
    public const int MaxConcurrentDecodes = 2;

    private static readonly SemaphoreSlim Decodes = new(MaxConcurrentDecodes, MaxConcurrentDecodes);

    /// <summary>The re-encoded photo, or null with the reason it was refused; waits for a free decode slot.</summary>
    public static async Task<(ProcessedPhoto? Photo, string? Problem)> ProcessAsync(byte[] bytes, CancellationToken ct)
    {
        await Decodes.WaitAsync(ct);
        try
        {
            var problem = Check(bytes, out var result);
            return (result, problem);
        }
        finally
        {
            Decodes.Release();
        }
    }

    /// <summary>
    /// The size the decoder produces: the smallest it can scale to (JPEG: eighths) that still keeps the photo's long
    /// side at <see cref="MaxSide"/> or more; the full size for formats that cannot scale while decoding.
    /// </summary>
    public static SKSizeI DecodeSize(SKCodec codec)
    {
        var full = codec.Info.Size;
        var wanted = Math.Min(MaxSide, Math.Max(full.Width, full.Height));
        for (var eighths = 1; eighths < 8; eighths++)
        {
            var size = codec.GetScaledDimensions(eighths / 8f);
            if (Math.Max(size.Width, size.Height) >= wanted) return size;
        }
        return full;
    }

    private static string? Check(byte[] bytes, out ProcessedPhoto? result)
    {
        result = null;
        if (bytes.Length == 0) return "The file is empty.";
        if (bytes.Length > MaxBytes) return "The photo is larger than 5 MB. Save it smaller and try again.";

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null) return "That file is not a picture we can read. Upload a PNG, JPEG or WebP photo.";
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Webp))
            return $"{codec.EncodedFormat} files are not accepted. Upload a PNG, JPEG or WebP photo.";

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0) return "That picture has no size.";
        if ((long)info.Width * info.Height > MaxPixels)
            return $"The photo is {info.Width} × {info.Height} pixels, more than 40 megapixels. Use a smaller photo.";

        // Decoding everything also catches truncated files: a partial decode is refused, not stored half grey.
        var size = DecodeSize(codec);
        using var bitmap = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var decoded = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (decoded != SKCodecResult.Success) return "The picture is damaged or incomplete. Save it again and re-upload.";

        // Upright photos are used as decoded; only a rotated one is copied, and at the decoded (scaled) size.
        using var rotated = Orient(bitmap, codec.EncodedOrigin);
        var oriented = rotated ?? bitmap;
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(oriented.Width, oriented.Height));
        var width = Math.Max(1, (int)Math.Round(oriented.Width * scale));
        var height = Math.Max(1, (int)Math.Round(oriented.Height * scale));
        using var resized = scale < 1.0
            ? oriented.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
            : oriented.Copy();
        if (resized is null) return "The picture could not be resized.";

        // Photos with transparency stay PNG; everything else becomes JPEG (smaller, and what cameras give).
        var keepAlpha = codec.EncodedFormat == SKEncodedImageFormat.Png && !IsOpaque(resized);
        using var image = SKImage.FromBitmap(resized);
        using var encoded = keepAlpha ? image.Encode(SKEncodedImageFormat.Png, 100) : image.Encode(SKEncodedImageFormat.Jpeg, 85);
        if (encoded is null) return "The picture could not be saved.";
        var output = encoded.ToArray();
        result = new ProcessedPhoto(output, keepAlpha ? "image/png" : "image/jpeg", resized.Width, resized.Height,
            Convert.ToHexStringLower(SHA256.HashData(output)));
        return null;
    }

    /// <summary>Applies the EXIF orientation before the metadata is dropped, so phone photos stay upright; null when already upright.</summary>
    private static SKBitmap? Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default) return null;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(result);
        canvas.Translate(result.Width / 2f, result.Height / 2f);
        switch (origin)
        {
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.RightTop: canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.LeftBottom: canvas.RotateDegrees(270); break;
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.RightBottom: canvas.RotateDegrees(270); canvas.Scale(1, -1); break;
        }
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        canvas.DrawBitmap(source, 0, 0);
        return result;
    }

    private static bool IsOpaque(SKBitmap bitmap)
    {
        var pixels = bitmap.Pixels;
        return pixels.All(p => p.Alpha == 255);
    }
}
