using HepBuilder.Clinical.Adherence;

namespace HepBuilder.Clinical.Tests.Adherence;

public sealed class AdherenceRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static AdherenceRules.Exercise E(int times, int days, params (int DaysAgo, int Sessions)[] done) =>
        new("Bridge", times, days, done.ToDictionary(d => Today.AddDays(-d.DaysAgo), d => d.Sessions));

    [Fact]
    public void On_the_day_of_issue_one_day_counts_not_four_weeks()
    {
        var summary = AdherenceRules.Summarize(Today, Today, 28, [E(1, 7, (0, 1))], [Today]);
        Assert.Equal((1, 1), (summary.Days, summary.DaysLogged));
        Assert.Equal((1, 1), (summary.Exercises[0].Done, summary.Exercises[0].Due));
    }

    [Fact]
    public void Sessions_count_per_day_up_to_the_prescription()
    {
        // Three times a day over three days: 9 due; 3 + 2 + 5 logged counts as 3 + 2 + 3.
        var summary = AdherenceRules.Summarize(Today.AddDays(-2), Today, 28, [E(3, 7, (2, 3), (1, 2), (0, 5))], []);
        Assert.Equal((8, 9, 89), (summary.Exercises[0].Done, summary.Exercises[0].Due, summary.Exercises[0].Percent));
    }

    [Fact]
    public void Days_before_the_issue_and_outside_the_window_do_not_count()
    {
        var summary = AdherenceRules.Summarize(Today.AddDays(-100), Today, 28, [E(1, 7, (40, 1), (27, 1), (0, 1))],
            [Today.AddDays(-40), Today.AddDays(-27), Today]);
        Assert.Equal(Today.AddDays(-27), summary.From);
        Assert.Equal((28, 2, 2, 28), (summary.Days, summary.DaysLogged, summary.Exercises[0].Done, summary.Exercises[0].Due));
    }

    [Fact]
    public void Fewer_days_a_week_are_due_as_their_weekly_share() =>
        Assert.Equal(8, AdherenceRules.Summarize(Today.AddDays(-13), Today, 28, [E(1, 4)], []).Exercises[0].Due);
}
