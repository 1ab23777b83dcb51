namespace HepBuilder.Handouts;

public enum DoseSide
{
    /// <summary>Not one-sided (both legs together, or the whole body): nothing to say about sides.</summary>
    Both,
    Left,
    Right,
    Alternating,
    EachSide,
}

/// <summary>How much of an exercise to do. Null or zero means "not prescribed" and is left out of the sentence.</summary>
public sealed record HandoutDose
{
    public int? Sets { get; init; }

    public int? Reps { get; init; }

    public int? HoldSeconds { get; init; }

    public DoseSide Side { get; init; } = DoseSide.Both;

    public int? TimesPerDay { get; init; }

    public int? DaysPerWeek { get; init; }

    /// <summary>Free text such as "red band" or "5 lb weight".</summary>
    public string Load { get; init; } = "";

    public int? RestSeconds { get; init; }
}
