using SkiaSharp;

namespace HepBuilder.Web.Pages.Admin.Clinic;

/// <summary>
/// Turns an uploaded logo into a clean PNG: the bytes must decode as PNG or JPEG (the file name and declared type are
/// not trusted), the picture is scaled down to fit <see cref="MaxSide"/>, and re-encoding drops any metadata.
/// </summary>
public static class LogoImage
{
    public const long MaxBytes = 1024 * 1024;
    public const int MaxSide = 600;
    public const string ContentType = "image/png";

    // A small file can still claim huge dimensions; refuse before allocating pixels for it.
    private const long MaxSourcePixels = 40_000_000;

    public sealed record Result(byte[]? Png, string? Error, int Width = 0, int Height = 0);

    public static async Task<Result> ReadAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0) return new(null, "The file is empty. Choose a PNG or JPEG image.");
        if (file.Length > MaxBytes) return new(null, "The logo must be 1 MB or smaller.");
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return Normalize(buffer.ToArray());
    }

    public static Result Normalize(byte[] bytes)
    {
        const string notAnImage = "This file is not a PNG or JPEG image that can be read. Choose another file.";
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg)) return new(null, notAnImage);
        var width = codec.Info.Width;
        var height = codec.Info.Height;
        if (width <= 0 || height <= 0 || (long)width * height > MaxSourcePixels) return new(null, "The image is too large in pixels. Use one under 6000 × 6000.");

        using var decoded = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (codec.GetPixels(decoded.Info, decoded.GetPixels()) != SKCodecResult.Success) return new(null, notAnImage);

        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(width, height));
        var target = new SKImageInfo(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)),
            SKColorType.Rgba8888, SKAlphaType.Premul);
        using var resized = scale < 1.0 ? decoded.Resize(target, new SKSamplingOptions(SKCubicResampler.Mitchell)) : null;
        var final = resized ?? decoded;
        using var image = SKImage.FromBitmap(final);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return new(png.ToArray(), null, final.Width, final.Height);
    }
}
