using System.Globalization;
using HepBuilder.Handouts.Layout;
using SkiaSharp;

namespace HepBuilder.Handouts.Document;

/// <summary>
/// The patient handout: page 1 opens with the clinic, patient and safety box, one card per exercise
/// follows, and the weekly log closes it. Every page carries the footer (and the draft mark on drafts).
/// </summary>
internal sealed class HandoutDocument(HandoutModel model) : IDocument
{
    private static readonly SKSize Letter = new(612, 792);
    private static readonly SKSize A4 = new(595.28f, 841.89f);

    private readonly Typography type = Typography.For(model.Options.LargePrint);

    public DocumentMetadata Metadata => new(
        $"Home exercise program — {model.PatientName}",
        model.Clinic.Name,
        model.ProgramTitle,
        model.Language,
        model.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    public static string IssuedText(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    public void Compose(IDocumentContainer document) => document.Page(page =>
    {
        page.PageSize(model.Options.Paper == PaperSize.A4 ? A4 : Letter);
        page.Margin(36, 28, 36, 20);
        page.Spacing(0, 8 * type.Scale);
        page.Content(ComposeContent);
        page.Footer(ComposeFooter);
        if (model.IsDraft)
        {
            page.Foreground(ComposeDraftMark);
        }
    });

    private void ComposeContent(IContainer container) => container.Column(column =>
    {
        column.Spacing(12 * type.Scale);
        column.Item().Element(new FirstPageHeader(model, type).Build());
        foreach (var exercise in model.Exercises)
        {
            if (model.Options.LargePrint)
            {
                column.PageBreak();
            }

            column.Item().Element(new ExerciseCard(exercise, model.Options, type, model.Clinician.Name).Build());
        }

        // The log starts a page of its own in large print; in normal print it shares the last card's page when it fits
        // there whole (8 exercises: 6 pages instead of 7), and takes the next page when it does not.
        if (model.Options.LargePrint)
        {
            column.PageBreak();
        }

        column.Item().Element(ContainerExtensions.Build(c => c.KeepTogether().Element(new WeeklyLog(model, type).Build())));
    });

    private void ComposeFooter(IContainer container) => container.Column(column =>
    {
        var phone = model.Clinic.Phone.Trim();
        var clinic = string.IsNullOrWhiteSpace(model.Clinic.FooterText)
            ? model.Clinic.Name
            : $"{model.Clinic.Name} · {model.Clinic.FooterText.Trim()}";
        column.Spacing(4);
        column.Item().LineHorizontal(Palette.Rule, 0.75f);
        column.Item().Row(row =>
        {
            row.RelativeItem().Text(phone.Length > 0 ? $"Questions? Call {phone}" : $"Questions? Ask {model.Clinic.Name}", type.FooterBold);
            row.ConstantItem(110 * type.Scale).PageNumber("Page {0} of {1}", type.FooterBold, TextAlignment.Right);
        });
        column.Item().Row(row =>
        {
            row.Spacing(12);
            row.RelativeItem().Text(clinic, type.Footer);
            var version = model.IsDraft ? $"Draft of version {model.Version}, not issued" : $"Version {model.Version} issued {IssuedText(model.IssuedOn)}";
            row.ConstantItem(170 * type.Scale).Text(version, type.Footer, TextAlignment.Right);
        });
    });

    private void ComposeDraftMark(IContainer container) => container.Canvas(0, (canvas, bounds) =>
    {
        var mark = new TextElement([("DRAFT — not issued", type.Watermark)], TextAlignment.Center);
        var width = bounds.Width * 1.05f;
        var height = mark.Measure(width);
        canvas.Save();
        canvas.Translate(bounds.MidX, bounds.MidY);
        canvas.RotateDegrees(-38);
        mark.Draw(new DrawContext(canvas, 0, 0), SKRect.Create(-width / 2, -height / 2, width, height));
        canvas.Restore();
    });
}
