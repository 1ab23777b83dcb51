namespace HepBuilder.Clinical.Precautions;

public enum PrecautionKind
{
    NoLumbarFlexion, NoLumbarExtension, NoTwisting, NoSideBending, NoLoad, NoLifting, NoImpact, NoEndRange, Custom,
}

/// <summary>
/// A post-op or clinical restriction as the rules see it: what it forbids, for NoLifting the most the patient may
/// lift (in pounds; null means no lifting at all), the clinician's words, and the last day it holds (null: no end).
/// </summary>
public sealed record Precaution(PrecautionKind Kind, int? MaxLiftPounds = null, string? Text = null, DateOnly? Until = null)
{
    public const int MaxTextLength = 200;

    /// <summary>Holds through its last day, in the clinic's calendar; from the next day it no longer warns or prints.</summary>
    public bool IsActiveOn(DateOnly day) => Until is null || day <= Until.Value;

    /// <summary>The movement the kind forbids; null for lifting (compared by weight) and custom text (not checkable).</summary>
    public static MovementTag? Forbids(PrecautionKind kind) => kind switch
    {
        PrecautionKind.NoLumbarFlexion => MovementTag.LumbarFlexion,
        PrecautionKind.NoLumbarExtension => MovementTag.LumbarExtension,
        PrecautionKind.NoTwisting => MovementTag.Rotation,
        PrecautionKind.NoSideBending => MovementTag.LateralFlexion,
        PrecautionKind.NoLoad => MovementTag.Load,
        PrecautionKind.NoLifting => MovementTag.Lifting,
        PrecautionKind.NoImpact => MovementTag.Impact,
        PrecautionKind.NoEndRange => MovementTag.EndRange,
        _ => null,
    };
}
