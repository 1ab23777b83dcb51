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
        .Padding(10 * S, 8 * S, 10 * S, 9 * S)
        .Continued(ComposeContinuedHeading, 8 * S)
        .Column(column =>
        {
            column.Spacing(5 * S);
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
                // The dose across the card, then pictures on the left and the steps on the right, as a therapist lays
                // out a printed sheet; tips run on under the pictures when the steps end first. At full width the
                // dose takes two lines instead of four in the narrow column, which lets two cards share a page.
                column.Item().Element(ContainerExtensions.Build(ComposeDose));
                column.Item().Element(new BesideElement(PictureColumn(pictures), PictureWidth, 12, Steps(), Remarks(), 6 * S));
            }
        }));

    // A picture prints 2.75 in wide and a lying figure at least 1.2 in tall: smaller, a start and an end pose that
    // differ by a few degrees look the same on paper (CLINICAL.md §1 measured 2.1 in and 0.9 in).
    private const float PictureWidth = 2.75f * 72;
    private const float PictureMinHeight = 1.2f * 72;
    private const float PicturePadding = 6;

    private void ComposeTitle(IContainer container) => container.Row(row =>
    {
        var badge = 24 * S;
        row.Spacing(9 * S);
        row.ConstantItem(badge).Element(new NumberBadge(Number, type.CardNumber, badge, Palette.Accent));
        row.RelativeItem().PaddingTop(Math.Max(0, (badge - type.CardTitle.Size * type.CardTitle.LineHeight) / 2))
            .Text(exercise.Name, type.CardTitle);
    });

    private void ComposeContinuedHeading(IContainer container) => container
        .Text($"{Number}. {exercise.Name} (continued)", type.CardTitle.WithColor(Palette.Muted).WithSize(type.CardTitle.Size - 2));

    private string Number => exercise.Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Lying and other wide pictures one under the other, each the column's full 2.75 in. Two upright ones (standing,
    /// sitting) side by side instead: a standing figure's size is its height, 2 in either way, and stacked they made
    /// the column twice as tall as the steps beside it, so no two such cards could share a page.
    /// </summary>
    private Element PictureColumn(IReadOnlyList<HandoutPicture> pictures) => ContainerExtensions.Build(c => c.Column(column =>
    {
        column.Spacing(6);
        var shown = pictures.Take(3).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            if (i + 1 < shown.Count && Pictures.IsUpright(shown[i]) && Pictures.IsUpright(shown[i + 1]))
            {
                var (left, right) = (shown[i], shown[i + 1]);
                column.Item().Row(row =>
                {
                    row.Spacing(6);
                    var width = (PictureWidth - 6) / 2 - 2 * PicturePadding;
                    row.RelativeItem().Element(Pictures.Framed(left, width, UprightHeight, UprightHeight, type));
                    row.RelativeItem().Element(Pictures.Framed(right, width, UprightHeight, UprightHeight, type));
                });
                i++;
                continue;
            }

            column.Item().Element(Pictures.Framed(shown[i], PictureWidth - 2 * PicturePadding, PictureMinHeight, StackedMaxHeight, type));
        }
    }));

    private const float UprightHeight = 2f * 72;

    // Squarish pictures (kneeling, half-kneeling) stacked at full width would each be over 2 in tall; 1.8 in keeps the
    // figure large and the card short enough to share a page.
    private const float StackedMaxHeight = 1.8f * 72;

    private Element PictureRow(IReadOnlyList<HandoutPicture> pictures) => ContainerExtensions.Build(c => c.Row(row =>
    {
        row.Spacing(12 * S);
        foreach (var picture in pictures.Take(2))
        {
            row.RelativeItem().Element(Pictures.Framed(picture, 230, PictureMinHeight, 160, type));
        }
    }));

    private Element Details() => ContainerExtensions.Build(c => c.Column(column =>
    {
        column.Spacing(8 * S);
        column.Item().Element(WhatToDo());
        foreach (var remark in Remarks())
        {
            column.Item().Element(remark);
        }
    }));

    /// <summary>The dose, prominent at the top, then the numbered steps.</summary>
    private Element WhatToDo() => ContainerExtensions.Build(c => c.Column(column =>
    {
        column.Spacing(8 * S);
        column.Item().Element(ContainerExtensions.Build(ComposeDose));
        column.Item().Element(Steps());
    }));

    private List<Element> Remarks()
    {
        var remarks = new List<Element>();
        if (exercise.Cues.Count > 0)
        {
            remarks.Add(Remark("Tips", exercise.Cues, Palette.Accent, Icons.Note, Palette.Ink));
        }

        if (!string.IsNullOrWhiteSpace(exercise.ClinicianNote))
        {
            remarks.Add(Remark($"Note from {clinicianName}", [exercise.ClinicianNote], Palette.Accent, Icons.Note, Palette.Ink));
        }

        if (exercise.Precautions.Count > 0)
        {
            remarks.Add(Remark("Take care", exercise.Precautions, Palette.SafetyEdge, Icons.Warning, Palette.SafetyInk));
        }

        return remarks;
    }

    private Element Steps() => ContainerExtensions.Build(c => c.Column(column =>
    {
        column.Spacing(2 * S);
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
        var sentence = exercise.Dose;
        container
            .Background(Palette.AccentSoft)
            .BorderLeft(Palette.Accent, 4)
            .Padding(10 * S, 5 * S, 10 * S, 6 * S)
            .Text(type.Dose, t =>
            {
                t.Span("How much: ").WithStyle(type.Dose.WithColor(Palette.Accent));
                t.Span(sentence.Length > 0 ? sentence : "As your clinician showed you.");
            });
    }

    private Element Remark(string label, IReadOnlyList<string> lines, SKColor labelColor, Action<SKCanvas, SKRect, SKColor> icon, SKColor ink) =>
        // The label leads the first line (a line saved per remark); kept together so it never ends a page alone.
        ContainerExtensions.Build(c => c.KeepTogether().Row(row =>
        {
            var size = 12 * S;
            row.Spacing(6 * S);
            row.ConstantItem(size).PaddingTop(2 * S).Canvas(size, (canvas, b) => icon(canvas, b, labelColor));
            row.RelativeItem().Column(column =>
            {
                column.Spacing(2);
                for (var i = 0; i < lines.Count; i++)
                {
                    var line = lines[i];
                    column.Item().Text(type.Body, t =>
                    {
                        if (i == 0)
                        {
                            t.Span(label + ": ").WithStyle(type.BodyBold.WithColor(labelColor));
                        }

                        t.Span(line).WithStyle(type.Body.WithColor(ink));
                    });
                }
            });
        }));
}
