namespace HepBuilder.Clinical.Adherence;

/// <summary>One exercise's sessions done and due over the counted days.</summary>
public sealed record ExerciseAdherence(string Name, int TimesPerDay, int Done, int Due)
{
    public int Percent => Due == 0 ? 0 : (int)Math.Round(100.0 * Math.Min(Done, Due) / Due);
}

/// <summary>What a patient logged from <see cref="From"/> to <see cref="To"/> (both included).</summary>
public sealed record AdherenceSummary(DateOnly From, DateOnly To, int Days, int DaysLogged, IReadOnlyList<ExerciseAdherence> Exercises);

/// <summary>
/// Adherence counts from the day the program was issued, never from before it existed, per exercise and per session:
/// an exercise prescribed 3 times a day is due 3 times on each of its days. Sessions logged above the prescription on
/// a day count as the prescription (a double tap is not extra adherence).
/// </summary>
public static class AdherenceRules
{
    public sealed record Exercise(string Name, int TimesPerDay, int DaysPerWeek, IReadOnlyDictionary<DateOnly, int> SessionsByDay);

    public static AdherenceSummary Summarize(DateOnly issuedOn, DateOnly today, int windowDays, IReadOnlyList<Exercise> exercises,
        IEnumerable<DateOnly> loggedDays)
    {
        var from = today.AddDays(-(windowDays - 1));
        if (issuedOn > from) from = issuedOn;
        var days = today < from ? 0 : today.DayNumber - from.DayNumber + 1;
        var logged = loggedDays.Count(d => d >= from && d <= today);
        var rows = exercises.Select(e =>
        {
            var perDay = Math.Max(e.TimesPerDay, 1);
            var done = e.SessionsByDay.Where(kv => kv.Key >= from && kv.Key <= today).Sum(kv => Math.Min(kv.Value, perDay));
            // Days a week below 7 name no particular days, so the due count is the weekly share of the counted days.
            var due = (int)Math.Round(perDay * days * Math.Clamp(e.DaysPerWeek, 1, 7) / 7.0, MidpointRounding.AwayFromZero);
            return new ExerciseAdherence(e.Name, perDay, done, due);
        }).ToList();
        return new AdherenceSummary(from, today, days, logged, rows);
    }
}
