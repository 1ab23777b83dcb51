using SkiaSharp;

namespace HepBuilder.Handouts.Layout;

public enum TextAlignment
{
    Left,
    Center,
    Right,
}

/// <summary>How a run of text looks. Line height is a multiple of the size, the same for every line.</summary>
public sealed record TextStyle(float Size, bool Bold, SKColor Color, float LineHeight = 1.3f)
{
    public static TextStyle Default { get; } = new(11, false, SKColors.Black);

    public TextStyle WithSize(float size) => this with { Size = size };

    public TextStyle WithBold(bool bold = true) => this with { Bold = bold };

    public TextStyle WithColor(SKColor color) => this with { Color = color };
}
