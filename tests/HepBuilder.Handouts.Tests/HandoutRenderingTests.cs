using SkiaSharp;

namespace HepBuilder.Handouts.Tests;

public class HandoutRenderingTests
{
    [Fact]
    public void Every_name_and_dose_sentence_reads_back_from_the_pdf()
    {
        var model = Models.Sample();
        var text = PdfText.Read(HandoutRenderer.RenderPdf(model));

        Assert.Contains("Jordan Rivera", text.Pages[0]);
        Assert.Contains("Riverside Spine & Physical Therapy", text.Pages[0]);
        Assert.Contains("Dr. Maya Chen, PT, DPT", text.Pages[0]);
        foreach (var exercise in model.Exercises)
        {
            Assert.Contains(exercise.Name, text.All);
            Assert.Contains(exercise.Dose, text.All);
            foreach (var step in exercise.Steps)
            {
                Assert.Contains(step, text.All);
            }
        }
    }

    [Fact]
    public void Every_page_has_the_footer_with_page_x_of_y_and_the_version()
    {
        var text = PdfText.Read(HandoutRenderer.RenderPdf(Models.Sample()));
        var n = text.Pages.Count;

        Assert.True(n >= 3, $"expected several pages, got {n}");
        for (var i = 0; i < n; i++)
        {
            Assert.Contains($"Page {i + 1} of {n}", text.Pages[i]);
            Assert.Contains("Version 2 issued November 23, 2026", text.Pages[i]);
            Assert.Contains("Questions? Call (555) 010-4477", text.Pages[i]);
        }
    }

    [Fact]
    public void The_same_model_renders_the_same_bytes()
    {
        var first = HandoutRenderer.RenderPdf(Models.Sample());
        var second = HandoutRenderer.RenderPdf(Models.Sample());

        Assert.Equal(first, second);
        Assert.Equal(HandoutRenderer.Sha256Hex(first), HandoutRenderer.Sha256Hex(second));
        Assert.Matches("^[0-9a-f]{64}$", HandoutRenderer.Sha256Hex(first));
    }

    [Fact]
    public void A_different_version_renders_different_bytes() =>
        Assert.NotEqual(
            HandoutRenderer.RenderPdf(Models.Sample()),
            HandoutRenderer.RenderPdf(Models.Sample() with { Version = 3 }));

    [Fact]
    public void An_exercise_card_is_kept_on_one_page()
    {
        var model = Models.Sample();
        var text = PdfText.Read(HandoutRenderer.RenderPdf(model));
        var logPage = text.Pages.Count;

        foreach (var exercise in model.Exercises)
        {
            // The name appears on its card page and again in the weekly log on the last page.
            var cardPages = text.PagesWith(exercise.Name).Where(p => p != logPage).ToList();
            var card = Assert.Single(cardPages.Distinct());
            Assert.Contains(exercise.Dose, text.Pages[card - 1]);
            Assert.Contains(exercise.Steps[^1], text.Pages[card - 1]);
        }
    }

    [Theory]
    [InlineData(PaperSize.Letter)]
    [InlineData(PaperSize.A4)]
    public void Cards_of_a_typical_program_share_pages(PaperSize paper)
    {
        var model = Models.Sample(10, new HandoutOptions { Paper = paper });
        var text = PdfText.Read(HandoutRenderer.RenderPdf(model));
        var cardPages = text.Pages.SkipLast(1).ToList();

        var perPage = cardPages.Select(p => model.Exercises.Count(e => p.Contains($"{e.Number} {e.Name}", StringComparison.Ordinal))).ToList();
        Assert.Equal(model.Exercises.Count, perPage.Sum());
        // Page 1 belongs to the safety information (restrictions and both tiers); the cards pack two or three a page after it.
        Assert.True(cardPages.Count <= 5, $"10 cards took {cardPages.Count} pages: {string.Join(", ", perPage)}");
        Assert.All(perPage.Skip(1).SkipLast(1), n => Assert.InRange(n, 2, 3));
    }

    [Theory]
    [InlineData(PaperSize.Letter)]
    [InlineData(PaperSize.A4)]
    public void In_large_print_each_card_starts_a_page_and_continues_on_one_more_at_most(PaperSize paper)
    {
        var exercises = Sample.SeedLibrary.Load(Library.ShippedLibrary.SeedPath, 10);
        var model = Sample.SampleHandout.Build(exercises, new HandoutOptions { LargePrint = true, Paper = paper });
        var text = PdfText.Read(HandoutRenderer.RenderPdf(model));

        // 18 pt with 1.5 line spacing: a card with six steps, tips and two stop lines may need a second page, never a third.
        foreach (var e in model.Exercises)
        {
            var start = Assert.Single(text.PagesWith($"{e.Number} {e.Name}"), p => text.Pages[p - 1].StartsWith($"{e.Number} {e.Name}", StringComparison.Ordinal));
            var continued = text.PagesWith($"{e.Number}. {e.Name} (continued)");
            Assert.True(continued.Count == 0 || continued.SequenceEqual([start + 1]), $"{e.Name}: starts on {start}, continued on {string.Join(", ", continued)}");
        }
    }

    [Fact]
    public void A_card_taller_than_a_page_is_split_between_steps_with_continued()
    {
        var steps = Enumerable.Range(1, 12)
            .Select(i => $"Step marker S{i:00}: move slowly and steadily, keep breathing, and stop if anything feels sharp or wrong.")
            .ToArray();
        var exercise = Models.Exercise(1, "Long exercise", steps) with { ClinicianNote = string.Concat(Enumerable.Repeat("Keep going gently. ", 40)) };
        var model = Models.With(exercise) with { Options = new HandoutOptions { LargePrint = true } };
        var text = PdfText.Read(HandoutRenderer.RenderPdf(model));

        var continued = text.PagesWith("1. Long exercise (continued)");
        Assert.NotEmpty(continued);
        foreach (var step in steps)
        {
            // Every step is whole on one page: the split happened between steps.
            Assert.Single(text.PagesWith(step));
        }
    }

    [Fact]
    public void Large_print_puts_one_exercise_on_each_page()
    {
        var model = Models.Sample(4, new HandoutOptions { LargePrint = true });
        var text = PdfText.Read(HandoutRenderer.RenderPdf(model));
        var logPage = text.Pages.Count;

        var pages = model.Exercises.Select(e => text.PagesWith($"{e.Number} {e.Name}").Where(p => p != logPage).ToList()).ToList();
        Assert.All(pages, p => Assert.Single(p));
        Assert.Equal(pages.Count, pages.Select(p => p[0]).Distinct().Count());
        Assert.True(Document.Typography.Large.Body.Size >= 16);
        Assert.True(Document.Typography.Large.Step.Size >= 16);
        Assert.True(Document.Typography.Large.CardTitle.Size >= 22);
        Assert.True(Document.Typography.Large.Title.Size >= 22);
    }

    [Theory]
    [InlineData(PaperSize.Letter, 612, 792)]
    [InlineData(PaperSize.A4, 595.28, 841.89)]
    public void Paper_size_sets_every_page(PaperSize paper, double width, double height)
    {
        var text = PdfText.Read(HandoutRenderer.RenderPdf(Models.Sample(options: new HandoutOptions { Paper = paper })));

        Assert.All(text.Sizes, s =>
        {
            Assert.Equal(width, s.Width, 0.5);
            Assert.Equal(height, s.Height, 0.5);
        });
    }

    [Fact]
    public void Pictures_off_prints_no_pictures_but_all_the_words()
    {
        var model = Models.Sample(options: new HandoutOptions { Pictures = false });
        var withPictures = PdfText.Read(HandoutRenderer.RenderPdf(Models.Sample()));
        var without = PdfText.Read(HandoutRenderer.RenderPdf(model));

        Assert.Contains("START", withPictures.All);
        Assert.DoesNotContain("START", without.All);
        Assert.True(without.Pages.Count <= withPictures.Pages.Count);
        foreach (var exercise in model.Exercises)
        {
            Assert.Contains(exercise.Dose, without.All);
        }
    }

    [Fact]
    public void A_draft_is_marked_on_every_page_and_an_issued_version_is_not()
    {
        var draft = PdfText.Read(HandoutRenderer.RenderPdf(Models.Sample() with { IsDraft = true }));
        var issued = PdfText.Read(HandoutRenderer.RenderPdf(Models.Sample()));

        Assert.All(draft.Pages, p => Assert.Contains("DRAFT", p));
        Assert.All(issued.Pages, p => Assert.DoesNotContain("DRAFT", p));
    }

    [Fact]
    public void The_weekly_log_lists_every_exercise_and_a_pain_row()
    {
        var model = Models.Sample();
        var text = PdfText.Read(HandoutRenderer.RenderPdf(model));
        var log = text.Pages[^1];

        Assert.Contains("Tick a box each time you finish an exercise", log);
        Assert.Contains("Pain today", log);
        Assert.Contains("Day 7", log);
        Assert.All(model.Exercises, e => Assert.Contains($"{e.Number}. {e.Name}", log));
    }

    [Fact]
    public void Pdf_metadata_names_the_patient_clinic_and_issue_date()
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(HandoutRenderer.RenderPdf(Models.Sample()));

        Assert.Equal("Home exercise program — Jordan Rivera", document.Information.Title);
        Assert.Equal("Riverside Spine & Physical Therapy", document.Information.Author);
        Assert.Equal("Lower back: first 4 weeks", document.Information.Subject);
        Assert.StartsWith("D:20261123", document.Information.CreationDate);
        Assert.Equal("en-US", Lang(document));
    }

    [Fact]
    public void The_document_language_is_written_and_the_pdf_stays_valid()
    {
        var pdf = HandoutRenderer.RenderPdf(Models.Sample(3) with { Language = "es-MX" });
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);

        Assert.Equal("es-MX", Lang(document));
        Assert.Contains("Jordan Rivera", PdfText.Read(pdf).Pages[0]);

        // Every cross-reference entry must still point at the start of its object.
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        var xref = int.Parse(System.Text.RegularExpressions.Regex.Match(raw, "startxref\\n(\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var entries = System.Text.RegularExpressions.Regex.Matches(raw[xref..], "(\\d{10}) 00000 n");
        Assert.NotEmpty(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            var offset = int.Parse(entries[i].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.StartsWith($"{i + 1} 0 obj", raw[offset..]);
        }
    }

    private static string? Lang(UglyToad.PdfPig.PdfDocument document) =>
        document.Structure.Catalog.CatalogDictionary.TryGet(UglyToad.PdfPig.Tokens.NameToken.Create("Lang"), out UglyToad.PdfPig.Tokens.StringToken lang)
            ? lang.Data
            : null;

    [Fact]
    public void The_preview_is_a_png_of_page_one_at_the_requested_width()
    {
        var png = HandoutRenderer.RenderPreviewPng(Models.Sample(), 400);
        using var bitmap = SKBitmap.Decode(png);

        Assert.NotNull(bitmap);
        Assert.Equal(400, bitmap.Width);
        Assert.Equal(518, bitmap.Height);
        Assert.Equal(png, HandoutRenderer.RenderPreviewPng(Models.Sample(), 400));
    }

    [Fact]
    public void Latin_text_is_written_a_line_at_a_time_not_a_glyph_at_a_time()
    {
        var content = PageContents(HandoutRenderer.RenderPdf(Models.Sample()));

        var shows = System.Text.RegularExpressions.Regex.Count(content, " Tj\\n");
        var moves = System.Text.RegularExpressions.Regex.Count(content, " Td ");
        Assert.True(shows > 100, $"{shows} text strings");
        Assert.True(moves < shows / 10, $"{moves} glyph moves for {shows} text strings");
    }

    /// <summary>Every compressed stream of the PDF inflated and joined: the page content (and font programs).</summary>
    private static string PageContents(byte[] pdf)
    {
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        var text = new System.Text.StringBuilder();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(raw, "/Length (\\d+)[^>]*>>\\s*stream\\n"))
        {
            var length = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            using var inflate = new System.IO.Compression.ZLibStream(new MemoryStream(pdf, m.Index + m.Length, length), System.IO.Compression.CompressionMode.Decompress);
            using var reader = new StreamReader(inflate, System.Text.Encoding.Latin1);
            try
            {
                text.Append(reader.ReadToEnd());
            }
            catch (InvalidDataException)
            {
                // A stream stored without compression is not page content.
            }
        }

        return text.ToString();
    }

    [Fact]
    public void The_ten_exercise_handout_stays_small_and_embeds_no_fallback_font()
    {
        var pdf = HandoutRenderer.RenderPdf(Models.Sample());
        var raw = System.Text.Encoding.Latin1.GetString(pdf);

        Assert.True(pdf.Length <= 150 * 1024, $"{pdf.Length} bytes");
        Assert.DoesNotContain("DejaVu", raw);
        Assert.DoesNotContain("Noto", raw);
    }
}
