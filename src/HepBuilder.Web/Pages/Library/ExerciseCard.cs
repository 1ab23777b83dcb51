using System.Text.Json;
using HepBuilder.Data.Entities;
using HepBuilder.Handouts;
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
/// What the patient will see for one exercise: pictures, numbered steps, cues, precautions and the dose in words.
/// Rendered by Pages/Library/_ExerciseCard.cshtml; the program builder reuses both.
/// </summary>
public sealed record ExerciseCard(Guid Id, string Name, IReadOnlyList<ExerciseCardPicture> Pictures,
    IReadOnlyList<string> Steps, IReadOnlyList<string> Cues, IReadOnlyList<string> Precautions, Dose Dose)
{
    public string DoseWords => DoseText.Describe(ToHandoutDose(Dose));

    public static string PhotoUrl(Guid exerciseId, string sha256) => $"/Library/Photo/{exerciseId}/{sha256}";

    public static ExerciseCard From(Exercise e) => new(e.Id, e.Name,
        e.Pictures.OrderBy(p => p.SortOrder).Select(p => new ExerciseCardPicture(p.PoseJson, p.ImageSha256, p.Caption)).ToList(),
        e.Steps, e.Cues, e.Precautions, e.DefaultDose);

    public static HandoutDose ToHandoutDose(Dose d) => new()
    {
        Sets = d.Sets,
        Reps = d.Reps,
        HoldSeconds = d.HoldSeconds,
        // The two enums name the same choices; by name so a reordering of either can't mismatch them.
        Side = Enum.Parse<HepBuilder.Handouts.DoseSide>(d.Side.ToString()),
        TimesPerDay = d.TimesPerDay,
        DaysPerWeek = d.DaysPerWeek,
        Load = d.Load ?? "",
        RestSeconds = d.RestSeconds,
    };
}
