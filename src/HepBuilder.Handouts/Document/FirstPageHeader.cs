using HepBuilder.Handouts.Layout;
using SkiaSharp;

namespace HepBuilder.Handouts.Document;

/// <summary>
/// The top of page 1: clinic identity and QR code, the program title, who it is for and who wrote it,
/// the clinician's instructions, the patient's restrictions and the two-tier safety box (emergency now, call us today).
/// </summary>
internal sealed class FirstPageHeader(HandoutModel model, Typography type)
{
    public Element Build() => ContainerExtensions.Build(c => c.Column(column =>
    {
        column.Spacing(10 * type.Scale);
        column.Item().Element(ContainerExtensions.Build(ComposeClinic));
        column.Item().Element(ContainerExtensions.Build(ComposeTitle));
        // Safety first: the two tiers must be on page 1 whatever else is, and no block is split across a page. In large
        // print there is no room for both them and the details panel on page 1, so the details follow the tiers (the
        // patient's name is under the title).
        if (!model.Options.LargePrint)
        {
            column.Item().Element(ContainerExtensions.Build(ComposeDetails));
        }

        column.Item().Element(ContainerExtensions.Build(c => ComposeSafety(c.KeepTogether())));
        if (model.Options.LargePrint)
        {
            column.Item().Element(ContainerExtensions.Build(c => ComposeDetails(c.KeepTogether())));
        }

        if (model.Precautions.Count > 0)
        {
            column.Item().Element(ContainerExtensions.Build(c => ComposePrecautions(c.KeepTogether())));
        }

        if (!string.IsNullOrWhiteSpace(model.Instructions))
        {
            column.Item().Element(ContainerExtensions.Build(ComposeInstructions));
        }

        if (model.Clinic.ExerciseAdvice.Count > 0)
        {
            column.Item().Element(ContainerExtensions.Build(c => ComposeAdvice(c.KeepTogether())));
        }
    }));

    private void ComposeClinic(IContainer container) => container.Column(column =>
    {
        var s = type.Scale;
        column.Spacing(4 * s);
        column.Item().Row(row =>
        {
            row.Spacing(12);
            if (Pictures.Decode(model.Clinic.Logo) is { } logo)
            {
                row.ConstantItem(58 * s).Image(logo, 48 * s);
            }

            row.RelativeItem().Column(clinic =>
            {
                clinic.Spacing(2);
                clinic.Item().Text(model.Clinic.Name, type.ClinicName);
                if (!string.IsNullOrWhiteSpace(model.Clinic.Address))
                {
                    clinic.Item().Text(model.Clinic.Address, type.Small);
                }

                if (HasPhone)
                {
                    clinic.Item().Text(type.Small, t =>
                    {
                        t.Span("Phone ").WithStyle(type.Small);
                        t.Span(model.Clinic.Phone).WithStyle(type.SmallBold.WithColor(Palette.Ink));
                    });
                }
            });

            if (HasLink)
            {
                // In large print the words beside the code would push the clinic's name onto two lines and the safety
                // box off page 1; the address line under the row says what the code is for.
                if (!model.Options.LargePrint) row.ConstantItem(130 * s).PaddingTop(4 * s).Column(phone =>
                {
                    phone.Spacing(1);
                    phone.Item().Text("ON YOUR PHONE", type.Label, TextAlignment.Right);
                    phone.Item().Text("See your exercises and tick them off each day.", type.Small, TextAlignment.Right);
                });

                row.ConstantItem(64 * s).Canvas(64 * s, (canvas, b) => QrCode.Draw(canvas, b, model.QrUrl, Palette.Ink));
            }
        });

        if (HasLink)
        {
            // Printed whole on one line so it can be typed exactly; the page behind it works without the scheme or query.
            column.Item().Text(type.Small, t =>
            {
                t.AlignRight();
                t.Span(model.Options.LargePrint ? "On your phone, scan the code or type: " : "Scan or type this address: ");
                t.Span(QrCode.TypedAddress(model.QrUrl)).WithStyle(type.SmallBold.WithColor(Palette.Ink));
            });
        }
    });

    private bool HasPhone => !string.IsNullOrWhiteSpace(model.Clinic.Phone);

    private bool HasLink => !string.IsNullOrWhiteSpace(model.QrUrl);

    private void ComposeTitle(IContainer container) => container.Column(column =>
    {
        column.Spacing(2);
        column.Item().Text("HOME EXERCISE PROGRAM", type.Label);
        column.Item().Text(model.ProgramTitle, type.Title);
        if (model.Options.LargePrint)
        {
            column.Item().Text(type.Body, t =>
            {
                t.Span("For ").WithStyle(type.Body.WithColor(Palette.Muted));
                t.Span(model.PatientName).WithStyle(type.BodyBold);
            });
        }
    });

    private void ComposeDetails(IContainer container) => container
        .Background(Palette.Panel, 6)
        .Padding(12 * type.Scale, 8 * type.Scale, 12 * type.Scale, 8 * type.Scale)
        .Element(Details());

    private Element Details()
    {
        var clinician = string.IsNullOrWhiteSpace(model.Clinician.Credentials)
            ? model.Clinician.Name
            : $"{model.Clinician.Name}, {model.Clinician.Credentials}";
        (string Label, string Value, float Share)[] fields =
        [
            ("Patient", model.PatientName, 1.3f),
            model.IsDraft ? ("Status", "Draft, not issued", 1f) : ("Issued", HandoutDocument.IssuedText(model.IssuedOn), 1f),
            ("Clinician", clinician, 1.3f),
            ("Version", model.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), 0.5f),
        ];
        return ContainerExtensions.Build(c =>
        {
            if (model.Options.LargePrint)
            {
                // Four columns would squeeze 16 pt text; large print sets them two by two, which keeps room on page 1
                // for the safety box.
                c.Column(column =>
                {
                    column.Spacing(4);
                    foreach (var pair in fields.Chunk(2))
                    {
                        column.Item().Row(row =>
                        {
                            row.Spacing(12);
                            foreach (var (label, value, share) in pair)
                            {
                                row.RelativeItem(share).Text(type.Body, t =>
                                {
                                    t.Span(label + ": ").WithStyle(type.Body.WithColor(Palette.Muted));
                                    t.Span(value).WithStyle(type.BodyBold);
                                });
                            }
                        });
                    }
                });
                return;
            }

            c.Row(row =>
            {
                row.Spacing(12);
                foreach (var (label, value, share) in fields)
                {
                    row.RelativeItem(share).Column(column =>
                    {
                        column.Item().Text(label.ToUpperInvariant(), type.Label.WithColor(Palette.Muted));
                        column.Item().Text(value, type.BodyBold);
                    });
                }
            });
        });
    }

    private void ComposeInstructions(IContainer container) => container.Column(column =>
    {
        column.Spacing(3);
        column.Item().Text($"FROM {model.Clinician.Name.ToUpperInvariant()}", type.Label);
        column.Item().Text(model.Instructions, type.Body);
    });

    private void ComposePrecautions(IContainer container) => container
        .Background(Palette.Panel, 6)
        .BorderLeft(Palette.Accent, 4)
        .Padding(14 * type.Scale, 9 * type.Scale, 14 * type.Scale, 9 * type.Scale)
        .Column(column =>
        {
            column.Spacing(3);
            column.Item().Text(type.Body, t =>
            {
                t.Span("Your restrictions").WithStyle(type.SafetyTitle.WithColor(Palette.Ink));
                t.Span("   Follow them in everything you do, not only in your exercises.").WithStyle(type.Body);
            });
            column.Item().Element(Bullets(model.Precautions, type.BodyBold, Palette.Accent));
        });

    private void ComposeAdvice(IContainer container) => container.Column(column =>
    {
        column.Spacing(3);
        column.Item().Text("DOING YOUR EXERCISES", type.Label);
        column.Item().Element(Bullets(model.Clinic.ExerciseAdvice, type.Body, Palette.Accent));
    });

    private void ComposeSafety(IContainer container) => container
        .Background(Palette.SafetyBack, 6)
        .BorderLeft(Palette.SafetyEdge, 4)
        .Padding(14 * type.Scale, 10 * type.Scale, 14 * type.Scale, 10 * type.Scale)
        .Column(column =>
        {
            var emergency = Tier($"Call {model.Clinic.EmergencyNumber.Trim()} or go to the ER now if you have:",
                model.Clinic.EmergencySigns, Icons.Warning);
            var callUs = Tier(HasPhone ? $"Call {model.Clinic.Phone.Trim()} today if you have:" : "Call us today if you have:",
                model.Clinic.CallUsSigns, Icons.Phone);
            if (model.Options.LargePrint)
            {
                column.Spacing(10 * type.Scale);
                column.Item().Element(emergency);
                column.Item().Element(callUs);
                return;
            }

            // Side by side on a normal page: both tiers are seen at once and the box stays short.
            column.Item().Row(row =>
            {
                row.Spacing(18);
                row.RelativeItem().Element(emergency);
                row.RelativeItem().Element(callUs);
            });
        });

    private Element Tier(string heading, IReadOnlyList<string> signs, Action<SKCanvas, SKRect, SKColor> icon) =>
        ContainerExtensions.Build(c => c.Column(column =>
        {
            var size = 16 * type.Scale;
            column.Spacing(4);
            column.Item().Row(row =>
            {
                row.Spacing(7 * type.Scale);
                row.ConstantItem(size).Canvas(size, (canvas, b) => icon(canvas, b, Palette.SafetyEdge));
                row.RelativeItem().Text(heading, type.Safety.WithBold());
            });
            column.Item().Element(Bullets(signs, type.Safety, Palette.SafetyEdge));
        }));

    /// <summary>A short bulleted list: one line per item, the bullet hanging in its own column.</summary>
    private Element Bullets(IReadOnlyList<string> lines, TextStyle style, SKColor bullet) =>
        ContainerExtensions.Build(c => c.Column(column =>
        {
            column.Spacing(2);
            foreach (var line in lines)
            {
                column.Item().Row(row =>
                {
                    row.Spacing(5 * type.Scale);
                    row.ConstantItem(9 * type.Scale).Text("•", style.WithBold().WithColor(bullet));
                    row.RelativeItem().Text(line, style);
                });
            }
        }));
}
