using HepBuilder.Handouts.Fonts;
using HepBuilder.Handouts.Layout;
using SkiaSharp;

namespace HepBuilder.Handouts.Tests;

/// <summary>Hebrew and Arabic are shaped and laid out right to left; latin text is left as it was.</summary>
public class ShapingTests
{
    private static readonly TextStyle Style = new(12, false, SKColors.Black);

    [Fact]
    public void Arabic_is_shaped_into_joined_forms()
    {
        const string Peace = "السلام";
        var run = Assert.Single(Assert.Single(TextLayout.Layout([(Peace, Style)], 500)).Runs);
        var shaped = Assert.IsType<ShapedText>(run.Shaped);

        // A naive drawing puts each letter's isolated (nominal) glyph; shaping picks joined forms, right to left.
        var naive = run.Font.GetGlyphs(Peace).Reverse().ToArray();
        Assert.Equal(naive.Length, shaped.Glyphs.Length);
        Assert.True(naive.Zip(shaped.Glyphs).Count(g => g.First != g.Second) >= 4, $"naive {string.Join(",", naive)} shaped {string.Join(",", shaped.Glyphs)}");
        Assert.NotEqual(run.Font.MeasureText(Peace), shaped.Width);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(Peace), shaped.Utf8);
    }

    [Fact]
    public void Latin_text_is_not_shaped()
    {
        var line = Assert.Single(TextLayout.Layout([("Lift your hips 10 times.", Style)], 500));

        Assert.All(line.Runs, r => Assert.Null(r.Shaped));
        Assert.False(line.Rtl);
    }

    [Fact]
    public void A_right_to_left_paragraph_reads_from_the_right_with_english_inside_kept_in_order()
    {
        var line = Assert.Single(TextLayout.Layout([("مرحبا بك — take it slowly", Style)], 500));

        Assert.True(line.Rtl);
        // Left to right on the page: the English run first (in its own order), the Arabic words last, first word rightmost.
        Assert.StartsWith("take it slowly", line.Runs[0].Text);
        Assert.Equal("مرحبا", line.Runs[^1].Text);
        Assert.Equal("بك", line.Runs[^2].Text);
    }

    [Fact]
    public void Hebrew_inside_an_english_sentence_is_reversed_as_a_run()
    {
        var line = Assert.Single(TextLayout.Layout([("Say שלום עליכם to them", Style)], 500));

        Assert.False(line.Rtl);
        var texts = line.Runs.Select(r => r.Text.Trim()).ToList();
        Assert.True(texts.IndexOf("עליכם") < texts.IndexOf("שלום"), string.Join("|", texts));
    }

    [Fact]
    public void The_pdf_draws_arabic_in_contextual_forms_and_aligns_it_right()
    {
        var model = Models.With(Models.Exercise(1, "Bridge")) with { PatientName = "محمد الأحمد", Instructions = "مرحبا بك" };
        using var document = UglyToad.PdfPig.PdfDocument.Open(HandoutRenderer.RenderPdf(model));
        var page = document.GetPage(1);
        var arabic = page.Letters.Where(l => l.Value.Length > 0 && l.Value[0] >= 0x0600).ToList();

        // A naive drawing maps each letter to its nominal glyph, which reads back from the basic Arabic block;
        // shaped glyphs are the initial, medial and final forms, which read back as presentation forms.
        Assert.NotEmpty(arabic);
        Assert.Contains(arabic, l => l.Value[0] is >= '\uFB50' and <= '\uFEFF');
        // The instructions are one Arabic paragraph across the page: it ends at the right margin, not the left.
        Assert.True(arabic.Max(l => l.BoundingBox.Right) > page.Width - 60, "a right-to-left paragraph aligns right");
    }
}
