using HepBuilder.Clinical.Dosing;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HepBuilder.Web.Pages.Shared;

/// <summary>
/// The dose fields of a form, flat (Sets, Reps…) as every dose form posts them: the builder's items, a template's
/// items and the library's default dose all derive from it. No limits here: <see cref="DoseForm.Validate"/> applies
/// the clinical core's.
/// </summary>
public class DoseInput
{
    public int Sets { get; set; } = 1;
    public int Reps { get; set; } = 10;
    public int HoldSeconds { get; set; }
    public int DurationMinutes { get; set; }
    public int WeeklyAddMinutes { get; set; }
    public int GoalMinutes { get; set; }
    public DoseSide Side { get; set; } = DoseSide.Both;
    public int TimesPerDay { get; set; } = 1;
    public int DaysPerWeek { get; set; } = 7;
    public int RestSeconds { get; set; }
    public string? Load { get; set; }
    public string? Note { get; set; }

    public Dose ToDose() => new()
    {
        Sets = Sets, Reps = Reps, HoldSeconds = HoldSeconds, DurationMinutes = DurationMinutes, WeeklyAddMinutes = WeeklyAddMinutes,
        GoalMinutes = GoalMinutes, Side = Side, TimesPerDay = TimesPerDay, DaysPerWeek = DaysPerWeek, RestSeconds = RestSeconds,
        Load = Clean(Load), Note = Clean(Note),
    };

    public void SetDose(Dose d)
    {
        Sets = d.Sets; Reps = d.Reps; HoldSeconds = d.HoldSeconds; DurationMinutes = d.DurationMinutes;
        WeeklyAddMinutes = d.WeeklyAddMinutes; GoalMinutes = d.GoalMinutes; Side = d.Side; TimesPerDay = d.TimesPerDay;
        DaysPerWeek = d.DaysPerWeek; RestSeconds = d.RestSeconds; Load = d.Load; Note = d.Note;
    }

    /// <summary>A numeric field by its name (forms draw them from one list).</summary>
    public int Number(string field) => field switch
    {
        nameof(Dose.Sets) => Sets,
        nameof(Dose.Reps) => Reps,
        nameof(Dose.HoldSeconds) => HoldSeconds,
        nameof(Dose.DurationMinutes) => DurationMinutes,
        nameof(Dose.WeeklyAddMinutes) => WeeklyAddMinutes,
        nameof(Dose.GoalMinutes) => GoalMinutes,
        nameof(Dose.TimesPerDay) => TimesPerDay,
        nameof(Dose.DaysPerWeek) => DaysPerWeek,
        nameof(Dose.RestSeconds) => RestSeconds,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a numeric dose field."),
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One numeric dose field as forms show it: the core's name, range and label, and a short label for compact rows.</summary>
public sealed record DoseFieldInfo(string Name, string Label, string ShortLabel, int Min, int Max);

/// <summary>The dose fields of every form, and their one validation: the clinical core's rules, shown next to each field.</summary>
public static class DoseForm
{
    public static readonly IReadOnlyList<DoseFieldInfo> Numeric = DoseRules.NumericFields.Select(f =>
    {
        var (min, max) = DoseRules.Range(f);
        return new DoseFieldInfo(f, f switch
        {
            nameof(Dose.HoldSeconds) => "Hold (seconds)",
            nameof(Dose.RestSeconds) => "Rest (seconds)",
            nameof(Dose.DurationMinutes) => "Minutes (timed)",
            nameof(Dose.WeeklyAddMinutes) => "Add minutes each week",
            nameof(Dose.GoalMinutes) => "Up to (minutes)",
            _ => DoseRules.Label(f),
        }, f switch
        {
            nameof(Dose.HoldSeconds) => "Hold (s)",
            nameof(Dose.RestSeconds) => "Rest (s)",
            nameof(Dose.DurationMinutes) => "Minutes",
            nameof(Dose.WeeklyAddMinutes) => "+ min/week",
            nameof(Dose.GoalMinutes) => "Up to (min)",
            nameof(Dose.TimesPerDay) => "Times/day",
            nameof(Dose.DaysPerWeek) => "Days/week",
            _ => DoseRules.Label(f),
        }, min, max);
    }).ToList();

    /// <summary>Every dose field name a form posts, numeric and not.</summary>
    public static readonly IReadOnlyList<string> AllFields =
        [.. DoseRules.NumericFields, nameof(Dose.Side), nameof(Dose.Load), nameof(Dose.Note)];

    /// <summary>
    /// Puts the core's dose problems under <paramref name="prefix"/> ("Input." or "Input.Items[3]."), and replaces the
    /// binder's "The value 'lots' is not valid" with what the field accepts. True when the dose is valid.
    /// </summary>
    public static bool Validate(ModelStateDictionary state, string prefix, Dose dose)
    {
        var valid = true;
        foreach (var field in DoseRules.NumericFields)
        {
            if (state.TryGetValue(prefix + field, out var entry) && entry.Errors.Count > 0)
            {
                entry.Errors.Clear();
                state.AddModelError(prefix + field, DoseRules.RangeMessage(field));
                valid = false;
            }
        }
        foreach (var problem in DoseRules.Validate(dose))
        {
            var key = prefix + problem.Field;
            if (state.GetFieldValidationState(key) == ModelValidationState.Invalid) continue;
            state.AddModelError(key, problem.Message);
            valid = false;
        }
        return valid && AllFields.All(f => state.GetFieldValidationState(prefix + f) != ModelValidationState.Invalid);
    }
}

/// <summary>What Pages/Shared/_DoseFields.cshtml draws: one dose's inputs under a name prefix ("Input." or "Input.Items[2].").</summary>
public sealed record DoseFieldsView(string Prefix, DoseInput Input, ModelStateDictionary State, string? ForName = null)
{
    public string Name(string field) => Prefix + field;

    public string Id(string field) => (Prefix + field).Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public string Value(string field, object? model) =>
        State.TryGetValue(Name(field), out var entry) && entry.AttemptedValue is { } attempted
            ? attempted : Convert.ToString(model, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public string? Error(string field) =>
        State.TryGetValue(Name(field), out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
