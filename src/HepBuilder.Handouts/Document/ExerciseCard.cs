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
        .Padding(12 * S, 9 * S, 12 * S, 10 * S)
        .Continued(ComposeContinuedHeading, 8 * S)
        .Column(column =>
        {
            column.Spacing(7 * S);
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
                // Pictures on the left, what to do on the right, as a therapist lays out a printed sheet; tips
                // run on at full width under the pictures, so a typical card takes a third to a half of a page.
                column.Item().Element(new BesideElement(PictureColumn(pictures), PictureWidth, 14, WhatToDo(), Remarks(), 7 * S));
            }
        }));

    private const float PictureWidth = 160;

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

    private Element PictureColumn(IReadOnlyList<HandoutPicture> pictures) => ContainerExtensions.Build(c => c.Column(column =>
    {
        column.Spacing(6);
        foreach (var picture in pictures.Take(3))
        {
            column.Item().Element(Pictures.Framed(picture, PictureWidth - 12, 60, 130, type));
        }
    }));

    private Element PictureRow(IReadOnlyList<HandoutPicture> pictures) => ContainerExtensions.Build(c => c.Row(row =>
    {
        row.Spacing(12 * S);
        foreach (var picture in pictures.Take(2))
        {
            row.RelativeItem().Element(Pictures.Framed(picture, 170, 66, 140, type));
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
        column.Spacing(3 * S);
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
            .Padding(11 * S, 6 * S, 10 * S, 7 * S)
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
