using System.Globalization;

namespace HepBuilder.Clinical.Precautions;

/// <summary>
/// One conflict between an exercise (as dosed) and a patient's precaution. <see cref="Key"/> names the restriction
/// ("No lumbar flexion") and is what an override reason is stored against, so a reason survives a change of the end
/// date. <see cref="Why"/> says what in the exercise conflicts.
/// </summary>
public sealed record PrecautionConflict(PrecautionKind Kind, string Key, DateOnly? Until, string Why)
{
    public string Display => Until is { } until
        ? $"{Key} until {until.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}"
        : Key;
}

/// <summary>
/// The patient-safety rule: an exercise conflicts with an active precaution when its movement tags include what the
/// precaution forbids, or when its load is heavier than the patient may lift. A lifting exercise whose load gives no
/// weight conflicts with a lift limit too: nobody can tell it is under the limit. Custom precautions are free text
/// and cannot be checked; expired ones no longer warn.
/// </summary>
public static class PrecautionCheck
{
    public static IReadOnlyList<PrecautionConflict> Conflicts(IEnumerable<MovementTag> tags, string? load,
        IEnumerable<Precaution> precautions, DateOnly today)
    {
        var tagSet = tags.ToHashSet();
        var pounds = LoadWeight.Pounds(load);
        return precautions
            .Where(p => p.IsActiveOn(today))
            .Select(p => (Precaution: p, Why: Why(p, tagSet, pounds)))
            .Where(x => x.Why is not null)
            .GroupBy(x => PrecautionWording.Name(x.Precaution))
            // Two entries of the same restriction: the one that lasts longer is the one that matters.
            .Select(g => g.OrderBy(x => x.Precaution.Until ?? DateOnly.MaxValue).Last())
            .Select(x => new PrecautionConflict(x.Precaution.Kind, PrecautionWording.Name(x.Precaution), x.Precaution.Until, x.Why!))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static string? Why(Precaution p, HashSet<MovementTag> tags, decimal? pounds)
    {
        if (p.Kind == PrecautionKind.NoLifting)
        {
            var lifting = tags.Contains(MovementTag.Lifting);
            if (p.MaxLiftPounds is not { } limit)
            {
                return lifting ? "it asks for lifting"
                    : pounds > 0 ? $"its load is {Pounds(pounds.Value)} lb" : null;
            }
            if (pounds > limit) return $"its load of {Pounds(pounds.Value)} lb is over the limit";
            return lifting && pounds is null ? "it asks for lifting and its load gives no weight in lb or kg" : null;
        }
        return Precaution.Forbids(p.Kind) is { } tag && tags.Contains(tag) ? $"it asks for {Words(tag)}" : null;
    }

    private static string Words(MovementTag tag) => tag switch
    {
        MovementTag.LumbarFlexion => "lumbar flexion",
        MovementTag.LumbarExtension => "lumbar extension",
        MovementTag.Rotation => "rotation",
        MovementTag.LateralFlexion => "side bending",
        MovementTag.Load => "a loaded position",
        MovementTag.Impact => "impact",
        MovementTag.EndRange => "end-range movement",
        _ => tag.ToString(),
    };

    private static string Pounds(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
