using System.Globalization;

namespace HepBuilder.Clinical.Dosing;

/// <summary>A problem with one dose field; <see cref="Field"/> is the <see cref="Dose"/> property it belongs to.</summary>
public sealed record DoseProblem(string Field, string Message);

/// <summary>
/// The clinical limits of a dose and the one validator every form, import and template uses. Messages say what is
/// allowed, so a clinician who typed "lots" learns the range rather than "the value is invalid".
/// </summary>
public static class DoseRules
{
    public const int SetsMin = 1, SetsMax = 10;
    public const int RepsMin = 1, RepsMax = 50;
    public const int HoldMax = 600;
    public const int DurationMax = 180, WeeklyAddMax = 30, GoalMax = 240;
    public const int TimesPerDayMin = 1, TimesPerDayMax = 6;
    public const int DaysPerWeekMin = 1, DaysPerWeekMax = 7;
    public const int RestMax = 600;
    public const int MaxLoadLength = 80;
    public const int MaxNoteLength = 1000;

    /// <summary>The range of each numeric field, as forms show it in min/max attributes.</summary>
    public static (int Min, int Max) Range(string field) => field switch
    {
        nameof(Dose.Sets) => (SetsMin, SetsMax),
        nameof(Dose.Reps) => (RepsMin, RepsMax),
        nameof(Dose.HoldSeconds) => (0, HoldMax),
        nameof(Dose.DurationMinutes) => (0, DurationMax),
        nameof(Dose.WeeklyAddMinutes) => (0, WeeklyAddMax),
        nameof(Dose.GoalMinutes) => (0, GoalMax),
        nameof(Dose.TimesPerDay) => (TimesPerDayMin, TimesPerDayMax),
        nameof(Dose.DaysPerWeek) => (DaysPerWeekMin, DaysPerWeekMax),
        nameof(Dose.RestSeconds) => (0, RestMax),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a numeric dose field."),
    };

    public static readonly IReadOnlyList<string> NumericFields =
    [
        nameof(Dose.Sets), nameof(Dose.Reps), nameof(Dose.HoldSeconds), nameof(Dose.DurationMinutes),
        nameof(Dose.WeeklyAddMinutes), nameof(Dose.GoalMinutes), nameof(Dose.TimesPerDay), nameof(Dose.DaysPerWeek),
        nameof(Dose.RestSeconds),
    ];

    /// <summary>What a numeric field accepts, in a clinician's words: also the message for text that is not a number.</summary>
    public static string RangeMessage(string field)
    {
        var (min, max) = Range(field);
        return field switch
        {
            nameof(Dose.HoldSeconds) => $"Hold must be a whole number of seconds from {min} to {max}.",
            nameof(Dose.RestSeconds) => $"Rest must be a whole number of seconds from {min} to {max}.",
            nameof(Dose.DurationMinutes) => $"Minutes must be a whole number from {min} to {max} (0 for an exercise counted in reps).",
            nameof(Dose.WeeklyAddMinutes) => $"Minutes added each week must be a whole number from {min} to {max}.",
            nameof(Dose.GoalMinutes) => $"The goal must be a whole number of minutes from {min} to {max}.",
            _ => $"{Label(field)} must be a whole number from {min} to {max}.",
        };
    }

    /// <summary>The field's name as forms label it.</summary>
    public static string Label(string field) => field switch
    {
        nameof(Dose.HoldSeconds) => "Hold",
        nameof(Dose.RestSeconds) => "Rest",
        nameof(Dose.DurationMinutes) => "Minutes",
        nameof(Dose.WeeklyAddMinutes) => "Minutes added each week",
        nameof(Dose.GoalMinutes) => "Goal",
        nameof(Dose.TimesPerDay) => "Times per day",
        nameof(Dose.DaysPerWeek) => "Days per week",
        _ => field,
    };

    public static IEnumerable<DoseProblem> Validate(Dose d)
    {
        foreach (var field in NumericFields)
        {
            var (min, max) = Range(field);
            var value = Value(d, field);
            if (value < min || value > max) yield return new(field, RangeMessage(field));
        }
        if (!Enum.IsDefined(d.Side)) yield return new(nameof(Dose.Side), "Choose a side.");
        if (d.Load?.Length > MaxLoadLength) yield return new(nameof(Dose.Load), $"Load must be at most {MaxLoadLength} characters.");
        if (d.Note?.Length > MaxNoteLength) yield return new(nameof(Dose.Note), $"The note must be at most {MaxNoteLength.ToString("N0", CultureInfo.InvariantCulture)} characters.");

        if (d.IsTimed)
        {
            // A timed dose prints minutes only; reps or a hold beside them would be numbers the patient never sees.
            if (d.Reps != 1) yield return new(nameof(Dose.Reps), "A timed exercise is done for minutes: set Reps to 1, or set Minutes to 0 to count reps.");
            if (d.HoldSeconds != 0) yield return new(nameof(Dose.HoldSeconds), "A timed exercise has no hold: set Hold to 0, or set Minutes to 0.");
            if (d.GoalMinutes > 0 && d.GoalMinutes <= d.DurationMinutes)
                yield return new(nameof(Dose.GoalMinutes), "The goal must be more minutes than the start, or 0 for no goal.");
            if (d.GoalMinutes > 0 && d.WeeklyAddMinutes == 0)
                yield return new(nameof(Dose.WeeklyAddMinutes), "Say how many minutes to add each week to reach the goal.");
        }
        else
        {
            if (d.WeeklyAddMinutes != 0) yield return new(nameof(Dose.WeeklyAddMinutes), "Minutes added each week need a starting number of minutes.");
            if (d.GoalMinutes != 0) yield return new(nameof(Dose.GoalMinutes), "A goal in minutes needs a starting number of minutes.");
        }
    }

    private static int Value(Dose d, string field) => field switch
    {
        nameof(Dose.Sets) => d.Sets,
        nameof(Dose.Reps) => d.Reps,
        nameof(Dose.HoldSeconds) => d.HoldSeconds,
        nameof(Dose.DurationMinutes) => d.DurationMinutes,
        nameof(Dose.WeeklyAddMinutes) => d.WeeklyAddMinutes,
        nameof(Dose.GoalMinutes) => d.GoalMinutes,
        nameof(Dose.TimesPerDay) => d.TimesPerDay,
        nameof(Dose.DaysPerWeek) => d.DaysPerWeek,
        nameof(Dose.RestSeconds) => d.RestSeconds,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a numeric dose field."),
    };
}
