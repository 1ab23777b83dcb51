using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace HepBuilder.Web.Pages.PatientView;

public sealed record PainPoint(DateOnly Day, int Pain);

/// <summary>
/// The pain trend as a small inline SVG drawn on the server: one point per day logged, 0 at the bottom, 10 at the top.
/// Only numbers go into the markup, so it needs no escaping; the summary in aria-label is for screen readers.
/// </summary>
public static class PainChart
{
    private const int Width = 336, Height = 120, Left = 22, Top = 6, Bottom = 18;

    public static IHtmlContent Svg(IReadOnlyList<DateOnly> days, IReadOnlyList<PainPoint> points)
    {
        var c = CultureInfo.InvariantCulture;
        var plotW = Width - Left - 4.0;
        var plotH = Height - Top - Bottom * 1.0;
        double X(DateOnly d) => Left + (d.DayNumber - days[0].DayNumber + 0.5) * plotW / days.Count;
        double Y(int pain) => Top + (10 - pain) * plotH / 10;

        var summary = points.Count == 0 ? "No pain ratings in the last four weeks."
            : $"Pain over the last four weeks: first {points[0].Pain}, latest {points[^1].Pain}, highest {points.Max(p => p.Pain)} out of 10, {points.Count} ratings.";
        var svg = new StringBuilder();
        svg.Append(c, $"<svg class=\"pain-chart\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{summary}\">");
        foreach (var level in new[] { 0, 5, 10 })
        {
            svg.Append(c, $"<line x1=\"{Left}\" x2=\"{Width - 4}\" y1=\"{Y(level):0.#}\" y2=\"{Y(level):0.#}\" class=\"pain-grid\"/>");
            svg.Append(c, $"<text x=\"{Left - 4}\" y=\"{Y(level) + 4:0.#}\" text-anchor=\"end\" class=\"pain-axis\">{level}</text>");
        }
        for (var w = 0; w < days.Count; w += 7)
        {
            svg.Append(c, $"<text x=\"{X(days[w]):0.#}\" y=\"{Height - 4}\" class=\"pain-axis\">{days[w]:d MMM}</text>");
        }
        if (points.Count > 1)
        {
            svg.Append("<polyline class=\"pain-line\" points=\"");
            svg.AppendJoin(' ', points.Select(p => string.Create(c, $"{X(p.Day):0.#},{Y(p.Pain):0.#}")));
            svg.Append("\"/>");
        }
        foreach (var p in points)
        {
            svg.Append(c, $"<circle cx=\"{X(p.Day):0.#}\" cy=\"{Y(p.Pain):0.#}\" r=\"3\" class=\"pain-dot\"><title>{p.Day:d MMM}: {p.Pain}</title></circle>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
