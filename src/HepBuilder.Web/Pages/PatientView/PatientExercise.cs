using HepBuilder.Data.Entities;
using HepBuilder.Poses;
using Microsoft.AspNetCore.Html;

namespace HepBuilder.Web.Pages.PatientView;

/// <summary>One picture on the patient page: a drawn pose as inline SVG, or the address of an issued photo.</summary>
public sealed record PatientPicture(string Caption, IHtmlContent? Svg, string? PhotoUrl);

/// <summary>An exercise as the handout printed it: the frozen copy of the issued version, never the library as it is now.</summary>
public sealed record PatientExercise(Guid ExerciseId, int Number, string Name, IReadOnlyList<string> Steps, IReadOnlyList<string> Cues,
    IReadOnlyList<string> Precautions, string Dose, int TimesPerDay, string? Note, IReadOnlyList<PatientPicture> Pictures)
{
    public static IReadOnlyList<PatientExercise> From(ProgramVersion version, string token) =>
        version.Items.OrderBy(i => i.Position).Select((item, n) =>
        {
            var name = item.FrozenName ?? "";
            var pictures = !version.ShowPictures ? [] : item.FrozenPictures
                .Select(p => Picture(p, name, token)).OfType<PatientPicture>().ToList();
            return new PatientExercise(item.ExerciseId, n + 1, name, item.PatientSteps, item.PatientCues, item.PatientStopLines,
                DoseSentence.Describe(item.Dose), Math.Max(item.Dose.TimesPerDay, 1), item.Dose.Note, pictures);
        }).ToList();

    private static PatientPicture? Picture(FrozenPicture p, string name, string token)
    {
        var caption = p.Caption ?? "";
        if (p.ImageSha256 is { } sha) return new PatientPicture(caption, null, $"/p/{token}?handler=Photo&sha={sha}");
        if (string.IsNullOrEmpty(p.PoseJson)) return null;
        // PoseSvg writes a self-contained drawing with its title escaped, so it may be emitted as HTML.
        var title = string.IsNullOrWhiteSpace(caption) ? name : $"{name}: {caption}";
        return new PatientPicture(caption, new HtmlString(PoseSvg.Render(PoseJson.Deserialize(p.PoseJson), 360, 270, title)), null);
    }
}
