using System.Globalization;
using HepBuilder.Data.Entities;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>
/// One conflict between an exercise and a patient's precaution. <see cref="Key"/> names the restriction ("No lumbar
/// flexion") and is what an override reason is stored against, so a reason survives a change of the end date.
/// </summary>
public sealed record PrecautionConflict(PrecautionKind Kind, MovementTag Tag, string Key, DateOnly? Until)
{
    public string Display => Until is { } until
        ? $"{Key} until {until.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}"
        : Key;
}

/// <summary>
/// The patient-safety rule: an exercise whose movement tags include what an active precaution forbids conflicts with
/// it. Custom precautions are free text and cannot be checked automatically; expired ones no longer warn.
/// </summary>
public static class PrecautionCheck
{
    public static MovementTag? TagFor(PrecautionKind kind) => kind switch
    {
        PrecautionKind.NoLumbarFlexion => MovementTag.LumbarFlexion,
        PrecautionKind.NoLumbarExtension => MovementTag.LumbarExtension,
        PrecautionKind.NoTwisting => MovementTag.Rotation,
        PrecautionKind.NoLifting => MovementTag.Lifting,
        PrecautionKind.NoImpact => MovementTag.Impact,
        PrecautionKind.NoEndRange => MovementTag.EndRange,
        _ => null,
    };

    public static string Name(PatientPrecaution precaution) => precaution.Kind switch
    {
        PrecautionKind.NoLumbarFlexion => "No lumbar flexion",
        PrecautionKind.NoLumbarExtension => "No lumbar extension",
        PrecautionKind.NoTwisting => "No twisting",
        PrecautionKind.NoLifting when precaution.MaxLiftPounds is { } lb => $"No lifting over {lb} lb",
        PrecautionKind.NoLifting => "No lifting",
        PrecautionKind.NoImpact => "No impact",
        PrecautionKind.NoEndRange => "No end-range movement",
        _ => string.IsNullOrWhiteSpace(precaution.Text) ? "Custom precaution" : precaution.Text.Trim(),
    };

    /// <summary>The conflicts of one exercise with the precautions active on <paramref name="today"/>, one per restriction.</summary>
    public static IReadOnlyList<PrecautionConflict> Conflicts(IEnumerable<MovementTag> tags,
        IEnumerable<PatientPrecaution> precautions, DateOnly today)
    {
        var tagSet = tags.ToHashSet();
        return precautions
            .Where(p => p.IsActiveOn(today))
            .Select(p => (Precaution: p, Tag: TagFor(p.Kind)))
            .Where(x => x.Tag is { } tag && tagSet.Contains(tag))
            .GroupBy(x => Name(x.Precaution))
            // Two entries of the same restriction: the one that lasts longer is the one that matters.
            .Select(g => g.OrderBy(x => x.Precaution.Until ?? DateOnly.MaxValue).Last())
            .Select(x => new PrecautionConflict(x.Precaution.Kind, x.Tag!.Value, Name(x.Precaution), x.Precaution.Until))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
    }
}
