namespace HepBuilder.Handouts.Tests;

public class ConcurrencyTests
{
    /// <summary>
    /// QuestPDF once corrupted a few percent of text layers under parallel rendering. Here 2,000
    /// handouts render on all cores; every one must match, byte for byte and word for word, the
    /// same handout rendered alone.
    /// </summary>
    [Fact]
    public void Two_thousand_parallel_renders_all_read_back_exactly()
    {
        const int Distinct = 16;
        const int Renders = 2000;
        var models = Enumerable.Range(0, Distinct).Select(Model).ToArray();
        var references = models.Select(HandoutRenderer.RenderPdf).ToArray();
        var referenceText = references.Select(r => PdfText.Read(r).All).ToArray();

        var failures = 0;
        Parallel.For(0, Renders, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, i =>
        {
            var k = i % Distinct;
            var pdf = HandoutRenderer.RenderPdf(models[k]);
            if (!pdf.AsSpan().SequenceEqual(references[k]) || PdfText.Read(pdf).All != referenceText[k])
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
        Assert.All(models.Zip(referenceText), pair => Assert.Contains(pair.First.PatientName, pair.Second));
    }

    private static HandoutModel Model(int i)
    {
        var sample = Models.Sample(3 + i % 4);
        return sample with
        {
            PatientName = $"Patient Number {i:00}",
            Version = 1 + i,
            IsDraft = i % 5 == 0,
            Options = new HandoutOptions { LargePrint = i % 3 == 0, Paper = i % 2 == 0 ? PaperSize.A4 : PaperSize.Letter, Pictures = i % 4 != 1 },
            // Shaped scripts too: the HarfBuzz fonts are shared by every thread.
            Instructions = i % 7 == 0 ? "Mixed text: שלום 💪 café" : i % 7 == 3 ? "مرحبا بك — السلام عليكم، 10 مرات" : sample.Instructions,
        };
    }
}
