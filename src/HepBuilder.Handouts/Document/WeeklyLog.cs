using System.Globalization;
using HepBuilder.Handouts.Layout;
using SkiaSharp;

namespace HepBuilder.Handouts.Document;

/// <summary>
/// The last page: one row per exercise with a tick box for each session of each day (two boxes when
/// the dose says twice a day), a pain 0–10 row, and room for questions for the next visit.
/// </summary>
internal sealed class WeeklyLog(HandoutModel model, Typography type)
{
    private const int Days = 7;

    private float S => type.Scale;

    public Element Build() => ContainerExtensions.Build(c => c.Column(column =>
    {
        column.Spacing(10 * S);
        column.Item().Column(title =>
        {
            title.Spacing(2);
            title.Item().Text("WEEKLY LOG", type.Label);
            title.Item().Text("Tick a box each time you finish an exercise", type.Title.WithSize(type.CardTitle.Size + 3));
        });
        column.Item().Text(type.Body, t =>
        {
            t.Span("Write the date above each day. Each evening, circle how much pain you had that day, from 0 (none) to 10 (the worst you can imagine). Bring this page to your next visit.");
        });
        column.Item().Text(type.Body, t =>
        {
            t.Span($"For {model.PatientName}   ").WithStyle(type.BodyBold);
            t.Span("Week starting ______________").WithStyle(type.Body.WithColor(Palette.Muted));
        });
        column.Item().Element(Grid());
        column.Item().KeepTogether().Column(notes =>
        {
            notes.Spacing(16 * S);
            notes.Item().Text("QUESTIONS FOR MY NEXT VISIT", type.Label);
            for (var i = 0; i < (model.Options.LargePrint ? 2 : 3); i++)
            {
                notes.Item().LineHorizontal(Palette.Rule, 0.75f);
            }
        });
    }));

    private Element Grid() => ContainerExtensions.Build(c => c.Table(table =>
    {
        var dayWidth = (model.Options.LargePrint ? 40 : 46) * S;
        table.Style = new TableStyle(Palette.Rule, 0.75f, Palette.AccentSoft, Palette.Panel, 28 * S);
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
            table.Cell().Padding(6 * S, 4 * S, 6 * S, 4 * S).Text(type.Small, t =>
            {
                t.Span($"{exercise.Number.ToString(CultureInfo.InvariantCulture)}. ").WithStyle(type.SmallBold.WithColor(Palette.Accent));
                t.Span(exercise.Name).WithStyle(type.Small.WithColor(Palette.Ink));
            });
            var boxes = Math.Clamp(exercise.Dose.TimesPerDay ?? 1, 1, 3);
            for (var d = 0; d < Days; d++)
            {
                table.Cell().Canvas(16 * S, (canvas, b) => TickBoxes(canvas, b, boxes));
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

    private void TickBoxes(SKCanvas canvas, SKRect bounds, int count)
    {
        var size = 12 * S;
        var gap = 5 * S;
        var total = count * size + (count - 1) * gap;
        var x = bounds.MidX - total / 2;
        var y = bounds.MidY - size / 2;
        using var paint = new SKPaint { Color = Palette.Muted, Style = SKPaintStyle.Stroke, StrokeWidth = 0.9f, IsAntialias = true };
        for (var i = 0; i < count; i++)
        {
            canvas.DrawRect(SKRect.Create(x + i * (size + gap), y, size, size), paint);
        }
    }
}
