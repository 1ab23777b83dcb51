using HepBuilder.Clinical.Dosing;

namespace HepBuilder.Clinical.Tests.Dosing;

public sealed class DoseRulesTests
{
    [Fact]
    public void The_library_default_is_valid() => Assert.Empty(DoseRules.Validate(new Dose()));

    [Theory]
    [InlineData(nameof(Dose.Sets), 0)]
    [InlineData(nameof(Dose.Sets), 11)]
    [InlineData(nameof(Dose.Reps), 51)]
    [InlineData(nameof(Dose.HoldSeconds), -1)]
    [InlineData(nameof(Dose.HoldSeconds), 601)]
    [InlineData(nameof(Dose.TimesPerDay), 7)]
    [InlineData(nameof(Dose.DaysPerWeek), 0)]
    [InlineData(nameof(Dose.RestSeconds), 100000)]
    [InlineData(nameof(Dose.DurationMinutes), 181)]
    public void A_number_out_of_range_is_refused_on_its_own_field_with_the_range(string field, int value)
    {
        var dose = new Dose();
        typeof(Dose).GetProperty(field)!.SetValue(dose, value);
        var problem = Assert.Single(DoseRules.Validate(dose), p => p.Field == field);
        var (min, max) = DoseRules.Range(field);
        Assert.Contains($"from {min} to {max}", problem.Message);
    }

    [Fact]
    public void The_reps_message_says_what_is_allowed() =>
        Assert.Equal("Reps must be a whole number from 1 to 50.", DoseRules.RangeMessage(nameof(Dose.Reps)));

    [Fact]
    public void A_timed_dose_has_no_reps_or_hold()
    {
        var problems = DoseRules.Validate(new Dose { DurationMinutes = 10, Reps = 10, HoldSeconds = 5 }).Select(p => p.Field).ToList();
        Assert.Equal([nameof(Dose.Reps), nameof(Dose.HoldSeconds)], problems);
        Assert.Empty(DoseRules.Validate(new Dose { DurationMinutes = 10, Reps = 1, WeeklyAddMinutes = 2, GoalMinutes = 30 }));
    }

    [Fact]
    public void A_goal_must_be_above_the_start_and_reached_by_weekly_steps()
    {
        Assert.Contains(DoseRules.Validate(new Dose { DurationMinutes = 20, Reps = 1, WeeklyAddMinutes = 2, GoalMinutes = 20 }),
            p => p.Field == nameof(Dose.GoalMinutes));
        Assert.Contains(DoseRules.Validate(new Dose { DurationMinutes = 10, Reps = 1, GoalMinutes = 30 }),
            p => p.Field == nameof(Dose.WeeklyAddMinutes));
    }

    [Fact]
    public void Weekly_minutes_need_a_timed_dose() =>
        Assert.Contains(DoseRules.Validate(new Dose { WeeklyAddMinutes = 2 }), p => p.Field == nameof(Dose.WeeklyAddMinutes));

    [Fact]
    public void Text_over_its_limit_is_refused()
    {
        var fields = DoseRules.Validate(new Dose { Load = new string('x', 81), Note = new string('y', 1001) }).Select(p => p.Field);
        Assert.Equal([nameof(Dose.Load), nameof(Dose.Note)], fields);
    }

    [Fact]
    public void An_unknown_side_is_refused() =>
        Assert.Contains(DoseRules.Validate(new Dose { Side = (DoseSide)42 }), p => p.Field == nameof(Dose.Side));

    [Fact]
    public void Session_time_counts_minutes_for_a_timed_dose_and_reps_for_the_rest()
    {
        Assert.Equal(10, SessionTime.MinutesPerSession([new Dose { DurationMinutes = 10, Reps = 1 }]));
        // 2 sets × 10 reps × (5 s hold + 3 s) = 160 s, plus one 30 s rest: 190 s, so 4 minutes.
        Assert.Equal(4, SessionTime.MinutesPerSession([new Dose { Sets = 2, Reps = 10, HoldSeconds = 5, RestSeconds = 30 }]));
        Assert.Equal(30, SessionTime.MinutesPerDay([new Dose { DurationMinutes = 10, Reps = 1, TimesPerDay = 3 }]));
    }
}
