using SkiaSharp;

namespace HepBuilder.Handouts.Layout;

/// <summary>The fluent vocabulary of the layout layer, shaped after QuestPDF's so a document reads the same.</summary>
public static class ContainerExtensions
{
    public static IContainer Padding(this IContainer c, float all) => c.Padding(all, all, all, all);

    public static IContainer PaddingVertical(this IContainer c, float v) => c.Padding(0, v, 0, v);

    public static IContainer PaddingHorizontal(this IContainer c, float h) => c.Padding(h, 0, h, 0);

    public static IContainer PaddingTop(this IContainer c, float top) => c.Padding(0, top, 0, 0);

    public static IContainer PaddingBottom(this IContainer c, float bottom) => c.Padding(0, 0, 0, bottom);

    public static IContainer PaddingLeft(this IContainer c, float left) => c.Padding(left, 0, 0, 0);

    public static IContainer Padding(this IContainer c, float left, float top, float right, float bottom) =>
        c.Wrap(inner => new PaddingElement(inner, new SKRect(left, top, right, bottom)));

    public static IContainer Background(this IContainer c, SKColor color, float radius = 0) =>
        c.Wrap(inner => new BackgroundElement(inner, color, radius));

    public static IContainer Border(this IContainer c, SKColor color, float thickness = 1, float radius = 0) =>
        c.Wrap(inner => new BorderElement(inner, color, thickness, radius, false));

    public static IContainer BorderLeft(this IContainer c, SKColor color, float thickness) =>
        c.Wrap(inner => new BorderElement(inner, color, thickness, 0, true));

    public static IContainer KeepTogether(this IContainer c) => c.Wrap(inner => new KeepTogetherElement(inner));

    /// <summary>If the content is split across pages, the rest starts with the heading made by <paramref name="heading"/>.</summary>
    public static IContainer Continued(this IContainer c, Action<IContainer> heading, float spacing) =>
        c.Wrap(inner => new ContinuedElement(inner, () => Build(heading), spacing));

    public static IContainer ShowOnPages(this IContainer c, Func<int, bool> pages) => c.Wrap(inner => new ShowIfElement(inner, pages));

    public static void Column(this IContainer c, Action<ColumnDescriptor> compose)
    {
        var column = new ColumnDescriptor();
        compose(column);
        c.Child = column.Build();
    }

    public static void Row(this IContainer c, Action<RowDescriptor> compose)
    {
        var row = new RowDescriptor();
        compose(row);
        c.Child = row.Build();
    }

    public static void Table(this IContainer c, Action<TableDescriptor> compose)
    {
        var table = new TableDescriptor();
        compose(table);
        c.Child = table.Build();
    }

    public static void Text(this IContainer c, TextStyle style, Action<TextDescriptor> compose)
    {
        var text = new TextDescriptor(style);
        compose(text);
        c.Child = text.Build();
    }

    public static void Text(this IContainer c, string text, TextStyle style, TextAlignment alignment = TextAlignment.Left) =>
        c.Child = new TextElement([(text, style)], alignment);

    /// <summary>Page-dependent text; <paramref name="format"/> gets {0} = page number and {1} = total pages.</summary>
    public static void PageNumber(this IContainer c, string format, TextStyle style, TextAlignment alignment = TextAlignment.Left) =>
        c.Child = new PageTextElement(
            (page, total) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, page, total), style, alignment);

    public static void Canvas(this IContainer c, float height, Action<SKCanvas, SKRect> draw) =>
        c.Child = new CanvasElement(draw, height, 0);

    public static void Image(this IContainer c, SKImage image, float height) => c.Child = new ImageElement(image, height);

    public static void LineHorizontal(this IContainer c, SKColor color, float thickness) => c.Child = new LineElement(color, thickness);

    public static void Element(this IContainer c, Element element) => c.Child = element;

    public static Element Build(Action<IContainer> compose)
    {
        var slot = new Container();
        compose(slot);
        return slot;
    }

    private static Container Wrap(this IContainer c, Func<Element, Element> wrap)
    {
        var inner = new Container();
        c.Child = wrap(inner);
        return inner;
    }
}
