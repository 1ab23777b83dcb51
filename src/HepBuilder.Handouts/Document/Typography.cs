using HepBuilder.Handouts.Layout;
using SkiaSharp;

namespace HepBuilder.Handouts.Document;

/// <summary>The handout's colours: dark ink on white, one calm teal accent, amber only for safety.</summary>
internal static class Palette
{
    public static readonly SKColor Ink = new(0x1C, 0x27, 0x30);
    public static readonly SKColor Muted = new(0x55, 0x62, 0x6C);
    public static readonly SKColor Accent = new(0x0B, 0x6A, 0x70);
    public static readonly SKColor AccentSoft = new(0xE5, 0xF1, 0xF1);
    public static readonly SKColor Rule = new(0xC5, 0xD0, 0xD6);
    public static readonly SKColor Panel = new(0xF3, 0xF6, 0xF8);
    public static readonly SKColor SafetyBack = new(0xFF, 0xF5, 0xE3);
    public static readonly SKColor SafetyEdge = new(0xC9, 0x7A, 0x00);
    public static readonly SKColor SafetyInk = new(0x6E, 0x3B, 0x00);
    public static readonly SKColor Draft = new(0xC6, 0x28, 0x28, 0x48);
}

/// <summary>
/// Every text style and size of the handout in one place, for normal and large print. Normal print keeps body text at
/// 12 pt; large print follows large-print guidance (CLINICAL.md §7): body 18 pt, headings 26 pt, 1.5 line spacing.
/// </summary>
internal sealed class Typography
{
    private Typography(float body, float heading, float scale, float leading)
    {
        Scale = scale;
        Body = new TextStyle(body, false, Palette.Ink, leading);
        BodyBold = Body.WithBold();
        Small = new TextStyle(Math.Max(body - 2, 9), false, Palette.Muted, leading);
        SmallBold = Small.WithBold();
        Label = new TextStyle(Math.Max(body - 3, 8.5f), true, Palette.Accent, 1.3f);
        // Numbered steps are separated by their own spacing, so normal print sets their lines a little closer than prose.
        Step = new TextStyle(body, false, Palette.Ink, IsLarge(body) ? leading : leading - 0.05f);
        StepNumber = new TextStyle(body, true, SKColors.White, 1.38f);
        Dose = new TextStyle(body + 1, true, Palette.Ink, leading);
        CardTitle = new TextStyle(heading, true, Palette.Ink, 1.2f);
        CardNumber = new TextStyle(heading - 2, true, SKColors.White, 1.2f);
        Title = new TextStyle(heading + 7, true, Palette.Ink, 1.15f);
        ClinicName = new TextStyle(heading, true, Palette.Accent, 1.2f);
        Safety = new TextStyle(body, false, Palette.SafetyInk, leading);
        SafetyTitle = new TextStyle(body + 2, true, Palette.SafetyInk, 1.3f);
        Footer = new TextStyle(IsLarge(body) ? 12 : 8.5f, false, Palette.Muted, 1.3f);
        FooterBold = Footer.WithBold().WithColor(Palette.Ink);
        Watermark = new TextStyle(IsLarge(body) ? 60 : 54, true, Palette.Draft, 1.1f);
    }

    public static Typography Normal { get; } = new(12, 16, 1, 1.25f);

    public static Typography Large { get; } = new(18, 26, 1.3f, 1.5f);

    public static Typography For(bool largePrint) => largePrint ? Large : Normal;

    /// <summary>Multiplier for fixed sizes (badges, boxes, pictures) so large print grows evenly.</summary>
    public float Scale { get; }

    public TextStyle Body { get; }

    public TextStyle BodyBold { get; }

    public TextStyle Small { get; }

    public TextStyle SmallBold { get; }

    public TextStyle Label { get; }

    public TextStyle Step { get; }

    public TextStyle StepNumber { get; }

    public TextStyle Dose { get; }

    public TextStyle CardTitle { get; }

    public TextStyle CardNumber { get; }

    public TextStyle Title { get; }

    public TextStyle ClinicName { get; }

    public TextStyle Safety { get; }

    public TextStyle SafetyTitle { get; }

    public TextStyle Footer { get; }

    public TextStyle FooterBold { get; }

    public TextStyle Watermark { get; }

    private static bool IsLarge(float body) => body >= 18;
}
