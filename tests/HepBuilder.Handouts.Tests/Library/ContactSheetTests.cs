using HepBuilder.Poses;
using SkiaSharp;

namespace HepBuilder.Handouts.Tests.Library;

/// <summary>
/// Renders every shipped picture onto one PNG for a person to look over: the test only proves the sheet
/// was drawn, the eye judges whether each figure is plausible and recognisable.
/// </summary>
public class ContactSheetTests
{
    private const int Columns = 4;
    private const int CellWidth = 480;
    private const int CellHeight = 230;
    private const int PictureWidth = 230;
    private const int PictureHeight = 180;
    private const int LabelHeight = 40;

    [Fact]
    public void Contact_sheet_of_every_shipped_picture_is_written_and_decodes()
    {
        var exercises = ShippedLibrary.Exercises;
        var rows = (exercises.Count + Columns - 1) / Columns;
        var width = Columns * CellWidth;
        var height = rows * CellHeight;

        using (var surface = SKSurface.Create(new SKImageInfo(width, height)))
        {
            var canvas = surface.Canvas;
            canvas.Clear(SKColors.White);
            using var font = new SKFont(SKTypeface.Default, 15);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var frame = new SKPaint { Color = new SKColor(0xDD, 0xDD, 0xDD), Style = SKPaintStyle.Stroke };

            for (var i = 0; i < exercises.Count; i++)
            {
                var exercise = exercises[i];
                var left = (i % Columns) * CellWidth;
                var top = (i / Columns) * CellHeight;
                canvas.DrawText($"{i + 1}. {exercise.Name}", left + 8, top + 18, font, ink);
                for (var p = 0; p < exercise.Pictures.Count && p < 2; p++)
                {
                    var bounds = SKRect.Create(left + 8 + (p * (PictureWidth + 4)), top + LabelHeight - 14, PictureWidth, PictureHeight);
                    canvas.DrawRect(bounds, frame);
                    PoseRenderer.Draw(canvas, bounds, exercise.Pictures[p].Pose);
                    canvas.DrawText(exercise.Pictures[p].Caption, bounds.Left + 4, bounds.Bottom + 16, font, ink);
                }
            }

            var directory = Path.Combine(ShippedLibrary.RepoRoot, "test-results");
            Directory.CreateDirectory(directory);
            using var image = surface.Snapshot();
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(Path.Combine(directory, "pose-contact-sheet.png"), png.ToArray());
        }

        using var decoded = SKBitmap.Decode(Path.Combine(ShippedLibrary.RepoRoot, "test-results", "pose-contact-sheet.png"));
        Assert.NotNull(decoded);
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Renderer_draws_into_a_pdf_canvas()
    {
        var picture = ShippedLibrary.Exercises[0].Pictures[0].Pose;
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream))
        {
            var canvas = document.BeginPage(300, 200);
            PoseRenderer.Draw(canvas, SKRect.Create(10, 10, 280, 180), picture);
            document.EndPage();
        }

        Assert.True(stream.Length > 500);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(stream.ToArray(), 0, 4));
    }

    [Fact]
    public void Renderer_gives_the_same_pixels_when_called_from_many_threads()
    {
        var pictures = ShippedLibrary.Exercises.SelectMany(e => e.Pictures).Select(p => p.Pose).Take(16).ToList();
        var once = pictures.Select(Pixels).ToList();

        var parallel = new byte[pictures.Count][];
        Parallel.For(0, pictures.Count * 4, i => parallel[i % pictures.Count] = Pixels(pictures[i % pictures.Count]));

        Assert.All(Enumerable.Range(0, pictures.Count), i => Assert.Equal(once[i], parallel[i]));
    }

    private static byte[] Pixels(PosePicture picture)
    {
        using var bitmap = new SKBitmap(200, 150);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            PoseRenderer.Draw(canvas, SKRect.Create(0, 0, 200, 150), picture);
        }

        return bitmap.Bytes;
    }
}
