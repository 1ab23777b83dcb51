using HepBuilder.Clinical.Dosing;

namespace HepBuilder.Clinical.Tests.Dosing;

public sealed class DoseSentenceTests
{
    /// <summary>A dose with nothing prescribed but what the test names (zero leaves a field out of the sentence).</summary>
    private static Dose D(int sets = 0, int reps = 0, int hold = 0, DoseSide side = DoseSide.Both, int timesPerDay = 0,
        int daysPerWeek = 0, int rest = 0, string? load = null, int minutes = 0, int add = 0, int goal = 0) => new()
    {
        Sets = sets, Reps = reps, HoldSeconds = hold, Side = side, TimesPerDay = timesPerDay, DaysPerWeek = daysPerWeek,
        RestSeconds = rest, Load = load, DurationMinutes = minutes, WeeklyAddMinutes = add, GoalMinutes = goal,
    };

    [Fact]
    public void Sets_reps_hold_and_frequency_read_as_plain_sentences() =>
        Assert.Equal("Do 2 sets of 10. Hold each one for 5 seconds. Do this twice a day, 5 days a week.",
            DoseSentence.Describe(D(2, 10, 5, timesPerDay: 2, daysPerWeek: 5)));

    [Fact]
    public void A_single_set_counts_repetitions() => Assert.Equal("Do it 10 times.", DoseSentence.Describe(D(1, 10)));

    [Fact]
    public void Several_sets_of_one_count_the_sets() => Assert.Equal("Do it 3 times.", DoseSentence.Describe(D(3, 1)));

    [Fact]
    public void A_single_hold_is_not_each_one() =>
        Assert.Equal("Do it once. Hold for 30 seconds.", DoseSentence.Describe(D(1, 1, 30)));

    [Fact]
    public void Each_side_is_attached_to_the_count() =>
        Assert.Equal("Do 2 sets of 12 on each side.", DoseSentence.Describe(D(2, 12, side: DoseSide.EachSide)));

    [Fact]
    public void Each_side_without_a_count_says_both_sides() =>
        Assert.Equal("Hold for 30 seconds. Do both sides.", DoseSentence.Describe(D(hold: 30, side: DoseSide.EachSide)));

    [Theory]
    [InlineData(DoseSide.Left, "Do it 5 times. Use your left side only.")]
    [InlineData(DoseSide.Right, "Do it 5 times. Use your right side only.")]
    [InlineData(DoseSide.Alternating, "Do it 5 times. Switch sides each time.")]
    [InlineData(DoseSide.Both, "Do it 5 times.")]
    public void Side_is_said_in_plain_words(DoseSide side, string expected) =>
        Assert.Equal(expected, DoseSentence.Describe(D(reps: 5, side: side)));

    [Theory]
    [InlineData(1, 7, "Do this once a day, every day.")]
    [InlineData(2, 7, "Do this twice a day, every day.")]
    [InlineData(3, 0, "Do this 3 times a day.")]
    [InlineData(6, 3, "Do this 6 times a day, 3 days a week.")]
    [InlineData(0, 1, "Do this 1 day a week.")]
    [InlineData(0, 4, "Do this 4 days a week.")]
    public void Frequency_reads_naturally(int timesPerDay, int daysPerWeek, string expected) =>
        Assert.Equal(expected, DoseSentence.Describe(D(timesPerDay: timesPerDay, daysPerWeek: daysPerWeek)));

    [Theory]
    [InlineData(1, "1 second")]
    [InlineData(45, "45 seconds")]
    [InlineData(60, "1 minute")]
    [InlineData(90, "90 seconds")]
    [InlineData(120, "2 minutes")]
    public void Durations_use_minutes_when_whole(int seconds, string expected) => Assert.Equal(expected, DoseSentence.Duration(seconds));

    [Fact]
    public void Load_and_rest_are_included() =>
        Assert.Equal("Do 3 sets of 8. Resistance: red band. Rest 1 minute between sets.",
            DoseSentence.Describe(D(3, 8, load: " red band. ", rest: 60)));

    [Fact]
    public void Rest_between_repetitions_of_one_set_says_each_one() =>
        Assert.Equal("Do it 5 times. Hold each one for 10 seconds. Rest 15 seconds between each one.",
            DoseSentence.Describe(D(1, 5, 10, rest: 15)));

    [Fact]
    public void Rest_is_left_out_when_there_is_nothing_to_rest_between() =>
        Assert.Equal("Do it once.", DoseSentence.Describe(D(1, 1, rest: 30)));

    [Fact]
    public void Zero_numbers_are_not_prescribed() => Assert.Equal("", DoseSentence.Describe(D()));

    [Fact]
    public void A_timed_dose_says_minutes_frequency_and_the_weekly_step() =>
        Assert.Equal("Do it for 10 minutes. Do this 3 times a day, every day. Each week, add 2 minutes.",
            DoseSentence.Describe(D(1, 1, minutes: 10, timesPerDay: 3, daysPerWeek: 7, add: 2)));

    [Fact]
    public void A_weekly_step_stops_at_its_goal() =>
        Assert.Equal("Do it for 1 minute. Do this once a day, 5 days a week. Each week, add 1 minute, up to 30 minutes.",
            DoseSentence.Describe(D(1, 1, minutes: 1, timesPerDay: 1, daysPerWeek: 5, add: 1, goal: 30)));

    [Fact]
    public void Timed_rounds_rest_between_rounds() =>
        Assert.Equal("Do 2 rounds of 5 minutes. Rest 1 minute between rounds.", DoseSentence.Describe(D(2, 1, minutes: 5, rest: 60)));

    [Fact]
    public void A_timed_dose_on_each_side_says_so() =>
        Assert.Equal("Do it for 3 minutes on each side.", DoseSentence.Describe(D(1, 1, minutes: 3, side: DoseSide.EachSide)));

    [Fact]
    public void The_weekly_step_is_never_said_of_a_counted_dose() =>
        Assert.Equal("Do it 10 times.", DoseSentence.Describe(D(1, 10, add: 2)));

    /// <summary>Every combination of the fields the sentence reads: each prescribed number appears in it, exactly as given.</summary>
    [Theory]
    [MemberData(nameof(Combinations))]
    public void Every_prescribed_number_is_in_the_sentence(int sets, int reps, int hold, DoseSide side, int times, int days, int rest)
    {
        var dose = D(sets, reps, hold, side, times, days, rest);
        var text = DoseSentence.Describe(dose);
        if (sets > 1 && reps > 1) Assert.Contains($"{sets} sets of {reps}", text);
        if (sets <= 1 && reps > 1) Assert.Contains($"Do it {reps} times", text);
        if (hold > 0) Assert.Contains(DoseSentence.Duration(hold), text);
        if (times > 2) Assert.Contains($"{times} times a day", text);
        if (days is > 0 and < 7) Assert.Contains($"{days} day", text);
        if (rest > 0 && (sets > 1 || reps > 1)) Assert.Contains("Rest " + DoseSentence.Duration(rest), text);
        Assert.Equal(text.Trim(), text);
        Assert.DoesNotContain("..", text);
    }

    public static TheoryData<int, int, int, DoseSide, int, int, int> Combinations()
    {
        var data = new TheoryData<int, int, int, DoseSide, int, int, int>();
        foreach (var (sets, reps) in new[] { (1, 1), (1, 12), (3, 1), (2, 8) })
        foreach (var hold in new[] { 0, 5, 60 })
        foreach (var side in Enum.GetValues<DoseSide>())
        foreach (var (times, days) in new[] { (1, 7), (2, 5), (3, 1), (6, 7) })
        foreach (var rest in new[] { 0, 30 })
            data.Add(sets, reps, hold, side, times, days, rest);
        return data;
    }
}
