namespace HepBuilder.Handouts.Tests;

/// <summary>Text a clinic or patient might really type, and text meant to break things: none of it may crash or vanish.</summary>
public class HostileTextTests
{
    public static TheoryData<string, string> HostileNotes => new()
    {
        { "emoji", "Great job 💪🙂 keep going 👍" },
        { "hebrew", "שלום עליכם — take it slowly" },
        { "arabic", "مرحبا بك — take it slowly" },
        { "combining marks", "Cafe\u0301 re\u0301sume\u0301 Z\u0351\u0352\u0353algo" },
        { "pdf syntax", ") Tj ET /JavaScript (app.alert(1)) BT << /S /Launch >> endobj %%EOF" },
        { "control characters", "Line\u0000one\u0007\u001B[31m\r\nline two\ttabbed\u200B\u202Ereversed\uFEFF" },
        { "long word", new string('W', 200) },
        { "long note", string.Concat(Enumerable.Repeat("Breathe out as you lift and never hold your breath. ", 40))[..2000] },
        { "symbols", "≤ 10 lb → ½ turn ✓ ★ ©" },
        { "lone surrogate", "bad \uD800 surrogate" },
    };

    [Theory]
    [MemberData(nameof(HostileNotes))]
    public void Hostile_text_renders_in_every_mode_and_the_words_around_it_survive(string kind, string note)
    {
        var exercise = Models.Exercise(1, "Bridge", note, "Lower slowly.") with { ClinicianNote = note, Cues = [note] };
        foreach (var options in new[] { new HandoutOptions(), new HandoutOptions { LargePrint = true, Paper = PaperSize.A4 } })
        {
            var model = Models.With(exercise) with { PatientName = note, Instructions = note, Options = options };
            var pdf = HandoutRenderer.RenderPdf(model);
            var text = PdfText.Read(pdf);

            Assert.Contains("Lower slowly.", text.All);
            Assert.Contains("Page 1 of", text.Pages[0]);
            Assert.True(text.Pages.Count >= 2, kind);
        }
    }

    [Fact]
    public void Text_that_looks_like_pdf_syntax_is_printed_literally()
    {
        const string Attack = ") Tj ET /JavaScript (app.alert(1))";
        var model = Models.With(Models.Exercise(1, "Bridge")) with { Instructions = Attack };
        var pdf = HandoutRenderer.RenderPdf(model);

        Assert.Contains(Attack, PdfText.Read(pdf).All);
        Assert.DoesNotContain("/JavaScript", System.Text.Encoding.Latin1.GetString(pdf));
    }

    [Fact]
    public void Control_characters_are_dropped_and_line_breaks_kept()
    {
        var model = Models.With(Models.Exercise(1, "Bridge")) with { Instructions = "Alpha\u0000Beta\u0007 Gamma\r\nDelta" };
        var text = PdfText.Read(HandoutRenderer.RenderPdf(model)).All;

        Assert.Contains("AlphaBeta Gamma", text);
        Assert.Contains("Delta", text);
    }

    [Fact]
    public void A_200_character_word_is_broken_across_lines_without_losing_a_letter()
    {
        var word = string.Concat(Enumerable.Range(0, 200).Select(i => (char)('a' + i % 26)));
        var model = Models.With(Models.Exercise(1, "Bridge")) with { Instructions = word };
        var text = PdfText.Read(HandoutRenderer.RenderPdf(model)).All;

        Assert.Contains(word, text.Replace(" ", ""));
    }

    [Fact]
    public void A_glyph_the_main_font_lacks_is_drawn_by_a_fallback_font()
    {
        var plain = Models.With(Models.Exercise(1, "Bridge"));
        var withEmoji = plain with { Instructions = "Well done 💪 שלום" };

        var plainFonts = FontCount(HandoutRenderer.RenderPdf(plain));
        var emojiPdf = HandoutRenderer.RenderPdf(withEmoji);

        Assert.True(FontCount(emojiPdf) >= plainFonts + 2, "the emoji and Hebrew faces should be embedded");
        var text = PdfText.Read(emojiPdf).All;
        Assert.Contains("Well done", text);
        Assert.DoesNotContain("\uFFFD", text);
    }

    [Fact]
    public void A_character_no_font_has_prints_a_visible_replacement()
    {
        var model = Models.With(Models.Exercise(1, "Bridge")) with { Instructions = "Kanji 漢 here" };
        var text = PdfText.Read(HandoutRenderer.RenderPdf(model)).All;

        Assert.Contains("Kanji", text);
        Assert.Contains("\uFFFD", text);
    }

    [Fact]
    public void Twelve_steps_in_large_print_all_print()
    {
        var steps = Enumerable.Range(1, 12).Select(i => $"Numbered instruction {i} for this movement, done slowly.").ToArray();
        var model = Models.With(Models.Exercise(1, "Many steps", steps)) with { Options = new HandoutOptions { LargePrint = true } };
        var text = PdfText.Read(HandoutRenderer.RenderPdf(model)).All;

        Assert.All(steps, s => Assert.Contains(s, text));
    }

    [Fact]
    public void Forty_exercises_all_print_and_the_log_continues_over_pages()
    {
        var model = Models.Sample(40);
        var text = PdfText.Read(HandoutRenderer.RenderPdf(model));

        Assert.All(model.Exercises, e => Assert.Contains(e.Name, text.All));
        Assert.All(model.Exercises, e => Assert.Contains(e.Dose, text.All));
        var logPages = text.PagesWith("Day 7");
        Assert.True(logPages.Count >= 2, "the log table continues with its header repeated");
        Assert.Contains($"40. {model.Exercises[39].Name}", text.Pages[logPages[^1] - 1]);
        var n = text.Pages.Count;
        Assert.Contains($"Page {n} of {n}", text.Pages[^1]);
    }

    private static int FontCount(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), "/Type /Font\\b");
}
