using System.Globalization;
using System.Text;

namespace HepBuilder.Clinical.Dosing;

/// <summary>
/// The dose in plain words, built from the numbers: "Do 2 sets of 10. Hold each one for 5 seconds. Do this twice a
/// day, 5 days a week." Short sentences, digits for numbers (easier to scan than words). The handout, the phone page,
/// the builder, the library and the templates all print this one sentence, so the screen and the paper agree.
/// </summary>
public static class DoseSentence
{
    public static string Describe(Dose dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        var sb = new StringBuilder();
        var sets = Positive(dose.Sets);
        string? count;
        bool repeated;
        if (dose.IsTimed)
        {
            var minutes = Minutes(dose.DurationMinutes);
            count = sets > 1 ? $"Do {N(sets.Value)} rounds of {minutes}" : $"Do it for {minutes}";
            repeated = sets > 1;
            Sentence(sb, dose.Side == DoseSide.EachSide ? count + " on each side" : count);
        }
        else
        {
            var reps = Positive(dose.Reps);
            repeated = (sets ?? 1) * (reps ?? 1) > 1;
            count = Count(sets, reps);
            if (count is not null) Sentence(sb, dose.Side == DoseSide.EachSide ? count + " on each side" : count);
            if (Positive(dose.HoldSeconds) is { } hold) Sentence(sb, (repeated ? "Hold each one for " : "Hold for ") + Duration(hold));
        }

        if (!string.IsNullOrWhiteSpace(dose.Load)) Sentence(sb, "Resistance: " + dose.Load.Trim().TrimEnd('.'));

        if (Positive(dose.RestSeconds) is { } rest && repeated)
        {
            var between = dose.IsTimed ? "rounds" : sets > 1 ? "sets" : "each one";
            Sentence(sb, $"Rest {Duration(rest)} between {between}");
        }

        if (Frequency(Positive(dose.TimesPerDay), Positive(dose.DaysPerWeek)) is { } often) Sentence(sb, "Do this " + often);

        if (dose.IsTimed && Positive(dose.WeeklyAddMinutes) is { } add)
        {
            Sentence(sb, Positive(dose.GoalMinutes) is { } goal
                ? $"Each week, add {Minutes(add)}, up to {Minutes(goal)}"
                : $"Each week, add {Minutes(add)}");
        }

        var side = dose.Side switch
        {
            DoseSide.Left => "Use your left side only",
            DoseSide.Right => "Use your right side only",
            DoseSide.Alternating => "Switch sides each time",
            DoseSide.EachSide when count is null => "Do both sides",
            _ => null,
        };
        if (side is not null) Sentence(sb, side);

        return sb.ToString();
    }

    /// <summary>"30 seconds", "1 minute", "2 minutes", "90 seconds".</summary>
    public static string Duration(int seconds) => seconds switch
    {
        1 => "1 second",
        60 => "1 minute",
        _ when seconds % 60 == 0 => N(seconds / 60) + " minutes",
        _ => N(seconds) + " seconds",
    };

    /// <summary>"1 minute", "12 minutes".</summary>
    public static string Minutes(int minutes) => minutes == 1 ? "1 minute" : N(minutes) + " minutes";

    private static string? Count(int? sets, int? reps) => (sets, reps) switch
    {
        (> 1, > 1) => $"Do {N(sets.Value)} sets of {N(reps.Value)}",
        (> 1, _) => $"Do it {N(sets.Value)} times",
        (_, > 1) => $"Do it {N(reps.Value)} times",
        (null, null) => null,
        _ => "Do it once",
    };

    private static string? Frequency(int? timesPerDay, int? daysPerWeek)
    {
        var times = timesPerDay switch
        {
            null => null,
            1 => "once a day",
            2 => "twice a day",
            _ => $"{N(timesPerDay.Value)} times a day",
        };
        var days = daysPerWeek switch
        {
            null => null,
            >= 7 => "every day",
            1 => "1 day a week",
            _ => $"{N(daysPerWeek.Value)} days a week",
        };
        return (times, days) switch
        {
            (null, null) => null,
            (not null, null) => times,
            (null, not null) => days,
            _ => $"{times}, {days}",
        };
    }

    private static int? Positive(int? value) => value is > 0 ? value : null;

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Sentence(StringBuilder sb, string text)
    {
        if (sb.Length > 0) sb.Append(' ');
        sb.Append(text).Append('.');
    }
}
