using UglyToad.PdfPig;

namespace HepBuilder.Handouts.Tests;

/// <summary>
/// Sizes a patient can follow on paper (CLINICAL.md §1, §7): pictures 2.75 in wide (lying figures at least 1.2 in tall,
/// upright ones 2 in tall), body text at 12 pt and 18 pt in large print, and a typical program in few pages.
/// </summary>
public sealed class PrintSizeTests
{
    private const double Inch = 72;

    private static HandoutModel Shipped(int skip, int count, HandoutOptions? options = null) =>
        Sample.SampleHandout.Build(Sample.SeedLibrary.Load(Library.ShippedLibrary.SeedPath, 46).Skip(skip).Take(count)
            .Select((e, i) => e with { Number = i + 1 }).ToList(), options);

    [Fact]
    public void Every_picture_prints_two_and_three_quarter_inches_wide_or_two_inches_tall_when_upright()
    {
        using var document = PdfDocument.Open(HandoutRenderer.RenderPdf(Shipped(0, 46)));
        var frames = document.GetPages().Skip(1)
            .SelectMany(page => page.Paths.Where(p => p.IsFilled && Same(p.FillColor, 0xF3, 0xF6, 0xF8)))
            .Select(p => p.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>()
            .Where(r => r.Width < 300 && r.Height > 40) // picture frames, not the log's shaded rows
            .ToList();

        Assert.True(frames.Count >= 2 * 46, $"{frames.Count} picture frames");
        // The frame holds the caption and 6 pt of padding round the drawing.
        Assert.All(frames, r => Assert.True(r.Width >= 2.75 * Inch - 0.5 || r.Height >= 2 * Inch + 12,
            $"a picture frame of {r.Width / Inch:0.00} × {r.Height / Inch:0.00} in"));
        Assert.All(frames.Where(r => r.Width >= 2.75 * Inch - 0.5), r => Assert.True(r.Height >= 1.2 * Inch + 12,
            $"a lying picture {r.Height / Inch:0.00} in tall"));
    }

    [Theory]
    [InlineData(false, 12)]
    [InlineData(true, 18)]
    public void Steps_print_at_12_points_and_at_18_in_large_print(bool largePrint, double points)
    {
        var model = Shipped(0, 4, new HandoutOptions { LargePrint = largePrint });
        using var document = PdfDocument.Open(HandoutRenderer.RenderPdf(model));
        var words = document.GetPages().Skip(1).SelectMany(p => p.GetWords()).ToList();
        foreach (var step in model.Exercises.SelectMany(e => e.Steps))
        {
            var first = step.Split(' ')[0];
            Assert.Contains(words, w => w.Text == first && w.Letters[0].PointSize >= points - 0.01);
        }
    }

    /// <summary>
    /// Page 1 holds the safety information, then two cards a page. Eight consecutive shipped exercises take 6 pages with
    /// the log, or 7 when two cards with tall pictures (goblet squat, hip flexor stretch) cannot share a page: as
    /// measured, a guard against a layout change that spends more paper.
    /// </summary>
    [Theory]
    [InlineData(0, 6)]
    [InlineData(8, 7)]
    [InlineData(16, 7)]
    [InlineData(24, 6)]
    [InlineData(32, 6)]
    public void Eight_exercises_take_six_letter_pages_with_the_log_or_seven_with_tall_pictures(int skip, int pages)
    {
        var text = PdfText.Read(HandoutRenderer.RenderPdf(Shipped(skip, 8)));
        Assert.True(text.Pages.Count <= pages, $"{text.Pages.Count} pages");
    }

    private static bool Same(UglyToad.PdfPig.Graphics.Colors.IColor? color, int r, int g, int b)
    {
        if (color is null) return false;
        var (cr, cg, cb) = color.ToRGBValues();
        return Math.Abs(cr * 255 - r) < 1.5 && Math.Abs(cg * 255 - g) < 1.5 && Math.Abs(cb * 255 - b) < 1.5;
    }
}
