using System.Text.Json;
using HepBuilder.Data.Entities;
using HepBuilder.Data.Seeding;
using HepBuilder.Clinical.Text;
using HepBuilder.Poses;

namespace HepBuilder.Web.Pages.Library;

/// <summary>One picture of an exercise card: a drawn pose (rendered server-side to SVG) or an uploaded photo.</summary>
public sealed record ExerciseCardPicture(string? PoseJson, string? ImageSha256, string? Caption)
{
    /// <summary>The pose as inline SVG; PoseSvg escapes the title and emits no script or external reference.</summary>
    public string? Svg(string exerciseName, int width = 300, int height = 200)
    {
        if (PoseJson is null) return null;
        try
        {
            return RenderedPoses.Svg(PoseJson, string.IsNullOrWhiteSpace(Caption) ? exerciseName : $"{exerciseName}: {Caption}", width, height);
        }
        catch (JsonException)
        {
            // A broken pose must not break the page; the card shows the caption without a drawing.
            return null;
        }
    }
}

/// <summary>
/// What the patient will see for one exercise, with its default dose: pictures, numbered steps (placeholders filled
/// from that dose), cues, stop lines and the dose in words; and, apart, what only the clinician reads. Rendered by
/// Pages/Library/_ExerciseCard.cshtml; the program builder reuses both.
/// </summary>
public sealed record ExerciseCard(Guid Id, string Name, IReadOnlyList<ExerciseCardPicture> Pictures,
    IReadOnlyList<string> Steps, IReadOnlyList<string> Cues, IReadOnlyList<string> Precautions, Dose Dose,
    IReadOnlyList<string> ClinicianNotes, IReadOnlyList<string> DoseNumbers)
{
    public string DoseWords => DoseSentence.Describe(Dose);

    public static string PhotoUrl(Guid exerciseId, string sha256) => $"/Library/Photo/{exerciseId}/{sha256}";

    public static ExerciseCard From(Exercise e) => From(e.Id, ExerciseRules.ToSeed(e), PicturesOf(e));

    /// <summary>The card of an exercise as a form or a file has it (not yet saved), with the pictures it has so far.</summary>
    public static ExerciseCard From(Guid id, ExerciseSeed seed, IReadOnlyList<ExerciseCardPicture> pictures) => new(id,
        string.IsNullOrWhiteSpace(seed.Name) ? "New exercise" : seed.Name, pictures,
        PatientText.Fill(seed.Steps, seed.Dose), PatientText.Fill(seed.Cues, seed.Dose), PatientText.Fill(seed.Precautions, seed.Dose),
        seed.Dose, seed.ClinicianNotes, HepBuilder.Clinical.Text.DoseNumbers.Find(seed.Steps.Concat(seed.Cues).Concat(seed.Precautions)));

    public static IReadOnlyList<ExerciseCardPicture> PicturesOf(Exercise? e) =>
        e?.Pictures.OrderBy(p => p.SortOrder).Select(p => new ExerciseCardPicture(p.PoseJson, p.ImageSha256, p.Caption)).ToList() ?? [];
}
