using System.ComponentModel.DataAnnotations;

namespace HepBuilder.Clinical.Dosing;

// Display names: what people read in pickers ("Each side").
public enum DoseSide { Both, Left, Right, Alternating, [Display(Name = "Each side")] EachSide }

/// <summary>
/// How much and how often: the only source of numbers in what a patient reads. A dose is either counted (sets of
/// reps, each held for some seconds) or timed (minutes per session, for walking and other steady work, with an
/// optional weekly step up to a goal). <see cref="DoseRules"/> holds the limits.
/// </summary>
public sealed class Dose
{
    public int Sets { get; set; } = 1;
    public int Reps { get; set; } = 10;
    public int HoldSeconds { get; set; }

    /// <summary>Minutes per session; above zero the dose is timed and reps and hold do not apply.</summary>
    public int DurationMinutes { get; set; }

    /// <summary>Minutes to add each week (timed doses only); zero for none.</summary>
    public int WeeklyAddMinutes { get; set; }

    /// <summary>Where the weekly steps stop, in minutes; zero for no goal.</summary>
    public int GoalMinutes { get; set; }

    public DoseSide Side { get; set; } = DoseSide.Both;
    public int TimesPerDay { get; set; } = 1;
    public int DaysPerWeek { get; set; } = 7;
    public int RestSeconds { get; set; }

    /// <summary>Load or resistance in the clinician's words, e.g. "red band" or "5 lb".</summary>
    public string? Load { get; set; }

    /// <summary>The clinician's note to the patient for this exercise.</summary>
    public string? Note { get; set; }

    public bool IsTimed => DurationMinutes > 0;

    public Dose Copy() => (Dose)MemberwiseClone();

    /// <summary>Every field equal (a dose is a value; the class is mutable only so forms and EF can fill it).</summary>
    public bool SameAs(Dose other) =>
        Sets == other.Sets && Reps == other.Reps && HoldSeconds == other.HoldSeconds && DurationMinutes == other.DurationMinutes
        && WeeklyAddMinutes == other.WeeklyAddMinutes && GoalMinutes == other.GoalMinutes && Side == other.Side
        && TimesPerDay == other.TimesPerDay && DaysPerWeek == other.DaysPerWeek && RestSeconds == other.RestSeconds
        && Load == other.Load && Note == other.Note;
}
