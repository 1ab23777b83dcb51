using System.Globalization;
using HepBuilder.Handouts.Layout;
using SkiaSharp;

namespace HepBuilder.Handouts.Document;

/// <summary>
/// The last page: one row per exercise with a tick box for each session of each day (two boxes when
/// the dose says twice a day, up to six), a pain 0–10 row, and room for questions for the next visit.
/// </summary>
internal sealed class WeeklyLog(HandoutModel model, Typography type)
{
    private const int Days = 7;

    private float S => type.Scale;

    public Element Build() => ContainerExtensions.Build(c => c.Column(column =>
    {
        column.Spacing(8 * S);
        column.Item().Column(title =>
        {
            title.Spacing(2);
            title.Item().Text("WEEKLY LOG", type.Label);
            title.Item().Text("Tick a box each time you finish an exercise", type.Title.WithSize(type.CardTitle.Size + 1));
        });
        column.Item().Text(type.Body, t =>
        {
            t.Span("Write the date above each day. Each evening, write down your pain, from 0 (none) to 10 (the worst).");
        });
        column.Item().Text(type.Body, t =>
        {
            t.Span($"For {model.PatientName}   ").WithStyle(type.BodyBold);
            t.Span("Week starting ______________").WithStyle(type.Body.WithColor(Palette.Muted));
        });
        column.Item().Element(Grid());
        column.Item().KeepTogether().Column(notes =>
        {
            notes.Spacing(14 * S);
            notes.Item().Text("QUESTIONS FOR MY NEXT VISIT (BRING THIS PAGE)", type.Label);
            for (var i = 0; i < 2; i++)
            {
                notes.Item().LineHorizontal(Palette.Rule, 0.75f);
            }
        });
    }));

    private Element Grid() => ContainerExtensions.Build(c => c.Table(table =>
    {
        var dayWidth = (model.Options.LargePrint ? 40 : 46) * S;
        table.Style = new TableStyle(Palette.Rule, 0.75f, Palette.AccentSoft, Palette.Panel, 20 * S);
        table.RelativeColumn();
        for (var d = 0; d < Days; d++)
        {
            table.ConstantColumn(dayWidth);
        }

        table.HeaderCell().Padding(6 * S).Text("Exercise", type.SmallBold.WithColor(Palette.Ink));
        for (var d = 1; d <= Days; d++)
        {
            table.HeaderCell().Padding(2, 6 * S, 2, 6 * S).Column(day =>
            {
                day.Item().Text($"Day {d}", type.SmallBold.WithColor(Palette.Ink), TextAlignment.Center);
                day.Item().Text("__/__", type.Small, TextAlignment.Center);
            });
        }

        foreach (var exercise in model.Exercises)
        {
            table.Cell().Padding(6 * S, 3 * S, 6 * S, 3 * S).Text(type.Small, t =>
            {
                t.Span($"{exercise.Number.ToString(CultureInfo.InvariantCulture)}. ").WithStyle(type.SmallBold.WithColor(Palette.Accent));
                t.Span(exercise.Name).WithStyle(type.Small.WithColor(Palette.Ink));
            });
            var boxes = Math.Max(exercise.SessionsPerDay, 1);
            var rows = (boxes + BoxesPerRow - 1) / BoxesPerRow;
            for (var d = 0; d < Days; d++)
            {
                if (boxes > MaxBoxes)
                {
                    table.Cell().Padding(2, 5 * S, 2, 5 * S).Text($"__ of {boxes.ToString(CultureInfo.InvariantCulture)}", type.Small, TextAlignment.Center);
                }
                else
                {
                    table.Cell().Canvas((rows * BoxSize + (rows - 1) * BoxGap + 8) * S, (canvas, b) => TickBoxes(canvas, b, boxes));
                }
            }
        }

        table.Cell().Padding(6 * S, 4 * S, 6 * S, 4 * S).Text(type.Small, t =>
        {
            t.Span("Pain today").WithStyle(type.SmallBold.WithColor(Palette.Ink));
            t.Span(" (0–10)");
        });
        for (var d = 0; d < Days; d++)
        {
            table.Cell().Padding(2, 5 * S, 2, 5 * S).Text("___ /10", type.Small, TextAlignment.Center);
        }
    }));

    // Two boxes a row leave clear space to the column's rules (2 × 12 + 6 = 30 of its 46 points; three touched them);
    // more sessions wrap to further rows, and past six (more than a clinician may prescribe) the patient writes the count.
    private const int BoxesPerRow = 2;
    private const int MaxBoxes = 6;
    private const float BoxSize = 12;
    private const float BoxGap = 6;

    /// <summary>One box per session, centred in the cell, in rows of at most two.</summary>
    private void TickBoxes(SKCanvas canvas, SKRect bounds, int count)
    {
        var size = BoxSize * S;
        var gap = BoxGap * S;
        var rows = (count + BoxesPerRow - 1) / BoxesPerRow;
        var top = bounds.MidY - (rows * size + (rows - 1) * gap) / 2;
        using var paint = new SKPaint { Color = Palette.Muted, Style = SKPaintStyle.Stroke, StrokeWidth = 0.9f, IsAntialias = true };
        for (var r = 0; r < rows; r++)
        {
            var inRow = Math.Min(BoxesPerRow, count - r * BoxesPerRow);
            var x = bounds.MidX - (inRow * size + (inRow - 1) * gap) / 2;
            for (var i = 0; i < inRow; i++)
            {
                canvas.DrawRect(SKRect.Create(x + i * (size + gap), top + r * (size + gap), size, size), paint);
            }
        }
    }
}
