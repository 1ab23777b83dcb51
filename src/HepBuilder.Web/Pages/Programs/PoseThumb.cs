using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.Html;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>
/// Small inline SVG drawings of an exercise's first pose for the builder. PoseSvg writes self-contained SVG with the
/// title escaped, which is why it may be emitted as HTML; every other text on these pages goes through Razor.
/// </summary>
public static class PoseThumb
{
    public static IHtmlContent For(string? poseJson, string name, int width, int height) =>
        string.IsNullOrEmpty(poseJson)
            ? HtmlString.Empty
            : new HtmlString(Library.RenderedPoses.Svg(poseJson, name, width, height));

    public static IHtmlContent For(Exercise exercise, int width, int height) =>
        For(exercise.Pictures.OrderBy(p => p.SortOrder).FirstOrDefault(p => p.PoseJson is not null)?.PoseJson, exercise.Name, width, height);
}
