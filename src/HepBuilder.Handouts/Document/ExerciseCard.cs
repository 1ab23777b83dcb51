using System.Globalization;
using HepBuilder.Handouts.Layout;
using SkiaSharp;

namespace HepBuilder.Handouts.Document;

/// <summary>
/// One exercise: number and name, pictures, big numbered steps, the dose sentence in its own box,
/// tips, the clinician's note and the precautions. Kept on one page; a card taller than a page is
/// split between steps and carries a "continued" heading.
/// </summary>
internal sealed class ExerciseCard(HandoutExercise exercise, HandoutOptions options, Typography type, string clinicianName)
{
    private float S => type.Scale;

    public Element Build() => ContainerExtensions.Build(c => c
        .KeepTogether()
        .Border(Palette.Rule, 1, 8)
        .Padding(14 * S, 12 * S, 14 * S, 14 * S)
        .Continued(ComposeContinuedHeading, 10 * S)
        .Column(column =>
        {
            column.Spacing(10 * S);
            column.Item().Element(ContainerExtensions.Build(ComposeTitle));
            var pictures = options.Pictures ? exercise.Pictures : [];
            if (pictures.Count == 0)
            {
                column.Item().Element(Details());
            }
            else if (options.LargePrint)
            {
                column.Item().Element(PictureRow(pictures));
                column.Item().Element(Details());
            }
            else
            {
                // Pictures beside the text keep a card to about a third of a page.
                column.Item().Row(row =>
                {
                    row.Spacing(16);
                    row.ConstantItem(196).Element(PictureColumn(pictures));
                    row.RelativeItem().Element(Details());
                });
            }
        }));

    private void ComposeTitle(IContainer container) => container.Row(row =>
    {
        var badge = 30 * S;
        row.Spacing(10 * S);
        row.ConstantItem(badge).Element(new NumberBadge(Number, type.CardNumber, badge, Palette.Accent));
        row.RelativeItem().PaddingTop(Math.Max(0, (badge - type.CardTitle.Size * type.CardTitle.LineHeight) / 2))
            .Text(exercise.Name, type.CardTitle);
    });

    private void ComposeContinuedHeading(IContainer container) => container
        .Text($"{Number}. {exercise.Name} (continued)", type.CardTitle.WithColor(Palette.Muted).WithSize(type.CardTitle.Size - 2));

    private string Number => exercise.Number.ToString(CultureInfo.InvariantCulture);

    private Element PictureColumn(IReadOnlyList<HandoutPicture> pictures) => ContainerExtensions.Build(c => c.Column(column =>
    {
        column.Spacing(8);
        foreach (var picture in pictures.Take(3))
        {
            column.Item().Element(Pictures.Framed(picture, 184, 72, 150, type));
        }
    }));

    private Element PictureRow(IReadOnlyList<HandoutPicture> pictures) => ContainerExtensions.Build(c => c.Row(row =>
    {
        row.Spacing(12 * S);
        foreach (var picture in pictures.Take(2))
        {
            row.RelativeItem().Element(Pictures.Framed(picture, 230, 100, 180, type));
        }
    }));

    private Element Details() => ContainerExtensions.Build(c => c.Column(column =>
    {
        column.Spacing(10 * S);
        column.Item().Element(Steps());
        column.Item().Element(ContainerExtensions.Build(ComposeDose));
        if (exercise.Cues.Count > 0)
        {
            column.Item().Element(Remark("TIPS", exercise.Cues, Palette.Accent, Icons.Note, Palette.Ink));
        }

        if (!string.IsNullOrWhiteSpace(exercise.ClinicianNote))
        {
            column.Item().Element(Remark($"NOTE FROM {clinicianName.ToUpperInvariant()}", [exercise.ClinicianNote], Palette.Accent, Icons.Note, Palette.Ink));
        }

        if (exercise.Precautions.Count > 0)
        {
            column.Item().Element(Remark("TAKE CARE", exercise.Precautions, Palette.SafetyEdge, Icons.Warning, Palette.SafetyInk));
        }
    }));

    private Element Steps() => ContainerExtensions.Build(c => c.Column(column =>
    {
        column.Spacing(7 * S);
        for (var i = 0; i < exercise.Steps.Count; i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var text = exercise.Steps[i];
            // Bold accent numerals rather than drawn circles: as easy to follow, and lighter in the PDF.
            column.Item().KeepTogether().Row(row =>
            {
                row.Spacing(6 * S);
                row.ConstantItem(18 * S).Text(number, type.Step.WithBold().WithColor(Palette.Accent), TextAlignment.Right);
                row.RelativeItem().Text(text, type.Step);
            });
        }
    }));

    private void ComposeDose(IContainer container)
    {
        var sentence = DoseText.Describe(exercise.Dose);
        container
            .Background(Palette.AccentSoft)
            .BorderLeft(Palette.Accent, 4)
            .Padding(14 * S, 8 * S, 12 * S, 9 * S)
            .Column(column =>
            {
                column.Spacing(2);
                column.Item().Text("HOW MUCH", type.Label);
                column.Item().Text(sentence.Length > 0 ? sentence : "As your clinician showed you.", type.Dose);
            });
    }

    private Element Remark(string label, IReadOnlyList<string> lines, SKColor labelColor, Action<SKCanvas, SKRect, SKColor> icon, SKColor ink) =>
        // Kept together so a label is never left alone at the foot of a page.
        ContainerExtensions.Build(c => c.KeepTogether().Row(row =>
        {
            var size = 14 * S;
            row.Spacing(8 * S);
            row.ConstantItem(size).PaddingTop(1).Canvas(size, (canvas, b) => icon(canvas, b, labelColor));
            row.RelativeItem().Column(column =>
            {
                column.Spacing(2);
                column.Item().Text(label, type.Label.WithColor(labelColor));
                foreach (var line in lines)
                {
                    column.Item().Text(line, type.Body.WithColor(ink));
                }
            });
        }));
}
