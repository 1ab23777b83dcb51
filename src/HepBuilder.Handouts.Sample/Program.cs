using HepBuilder.Handouts;
using HepBuilder.Handouts.Sample;

// Renders the review sample: 10 shipped exercises for a fictional patient, no database.
// Usage: HepBuilder.Handouts.Sample OUT.pdf [--large-print] [--paper a4|letter] [--no-pictures] [--preview OUT.png] [--hand-made]
if (args.Length == 0 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: sample-handout OUT.pdf [--large-print] [--paper a4|letter] [--no-pictures]");
    return 2;
}

var output = Path.GetFullPath(args[0]);
var options = new HandoutOptions();
string? preview = null;
var handMade = false;
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--large-print":
            options = options with { LargePrint = true };
            break;
        case "--no-pictures":
            options = options with { Pictures = false };
            break;
        case "--paper" when i + 1 < args.Length && args[i + 1].ToLowerInvariant() is "a4" or "letter":
            options = options with { Paper = args[++i].Equals("a4", StringComparison.OrdinalIgnoreCase) ? PaperSize.A4 : PaperSize.Letter };
            break;
        case "--hand-made":
            handMade = true;
            break;
        case "--preview" when i + 1 < args.Length:
            preview = Path.GetFullPath(args[++i]);
            break;
        default:
            Console.Error.WriteLine($"unknown option: {args[i]}");
            return 2;
    }
}

var root = handMade ? "" : SeedLibrary.FindRepoRoot(AppContext.BaseDirectory) ?? SeedLibrary.FindRepoRoot(Directory.GetCurrentDirectory());
if (root is null)
{
    Console.Error.WriteLine($"Cannot find {SeedLibrary.RelativePath} above {AppContext.BaseDirectory}.");
    return 1;
}

var exercises = handMade ? SampleHandout.HandMade(10) : SeedLibrary.Load(Path.Combine(root, SeedLibrary.RelativePath), 10);
var model = SampleHandout.Build(exercises, options);
var pdf = HandoutRenderer.RenderPdf(model);
File.WriteAllBytes(output, pdf);
Console.WriteLine($"{output}: {exercises.Count} exercises, {pdf.Length / 1024.0:0.0} KB, sha256 {HandoutRenderer.Sha256Hex(pdf)}");
if (preview is not null)
{
    File.WriteAllBytes(preview, HandoutRenderer.RenderPreviewPng(model, 600));
}

return 0;
