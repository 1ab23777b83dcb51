namespace HepBuilder.Handouts.Tests;

public class DoseTextTests
{
    [Fact]
    public void Sets_reps_hold_and_frequency_read_as_plain_sentences() =>
        Assert.Equal(
            "Do 2 sets of 10. Hold each one for 5 seconds. Do this twice a day, 5 days a week.",
            DoseText.Describe(new HandoutDose { Sets = 2, Reps = 10, HoldSeconds = 5, TimesPerDay = 2, DaysPerWeek = 5 }));

    [Fact]
    public void A_single_set_counts_repetitions() =>
        Assert.Equal("Do it 10 times.", DoseText.Describe(new HandoutDose { Sets = 1, Reps = 10 }));

    [Fact]
    public void A_single_hold_is_not_each_one() =>
        Assert.Equal("Do it once. Hold for 30 seconds.", DoseText.Describe(new HandoutDose { Sets = 1, Reps = 1, HoldSeconds = 30 }));

    [Fact]
    public void Each_side_is_attached_to_the_count() =>
        Assert.Equal("Do 2 sets of 12 on each side.", DoseText.Describe(new HandoutDose { Sets = 2, Reps = 12, Side = DoseSide.EachSide }));

    [Fact]
    public void Each_side_without_a_count_says_both_sides() =>
        Assert.Equal("Hold for 30 seconds. Do both sides.", DoseText.Describe(new HandoutDose { HoldSeconds = 30, Side = DoseSide.EachSide }));

    [Theory]
    [InlineData(DoseSide.Left, "Do it 5 times. Use your left side only.")]
    [InlineData(DoseSide.Right, "Do it 5 times. Use your right side only.")]
    [InlineData(DoseSide.Alternating, "Do it 5 times. Switch sides each time.")]
    [InlineData(DoseSide.Both, "Do it 5 times.")]
    public void Side_is_said_in_plain_words(DoseSide side, string expected) =>
        Assert.Equal(expected, DoseText.Describe(new HandoutDose { Reps = 5, Side = side }));

    [Theory]
    [InlineData(1, 7, "Do this once a day, every day.")]
    [InlineData(3, null, "Do this 3 times a day.")]
    [InlineData(null, 1, "Do this 1 day a week.")]
    [InlineData(null, 4, "Do this 4 days a week.")]
    public void Frequency_reads_naturally(int? timesPerDay, int? daysPerWeek, string expected) =>
        Assert.Equal(expected, DoseText.Describe(new HandoutDose { TimesPerDay = timesPerDay, DaysPerWeek = daysPerWeek }));

    [Theory]
    [InlineData(1, "1 second")]
    [InlineData(45, "45 seconds")]
    [InlineData(60, "1 minute")]
    [InlineData(90, "90 seconds")]
    [InlineData(120, "2 minutes")]
    public void Durations_use_minutes_when_whole(int seconds, string expected) =>
        Assert.Equal(expected, DoseText.Duration(seconds));

    [Fact]
    public void Load_and_rest_are_included() =>
        Assert.Equal(
            "Do 3 sets of 8. Resistance: red band. Rest 1 minute between sets.",
            DoseText.Describe(new HandoutDose { Sets = 3, Reps = 8, Load = " red band. ", RestSeconds = 60 }));

    [Fact]
    public void Rest_is_left_out_when_there_is_nothing_to_rest_between() =>
        Assert.Equal("Do it once.", DoseText.Describe(new HandoutDose { Sets = 1, Reps = 1, RestSeconds = 30 }));

    [Fact]
    public void Zero_and_missing_numbers_are_not_prescribed() =>
        Assert.Equal("", DoseText.Describe(new HandoutDose { Sets = 0, Reps = 0, HoldSeconds = 0, TimesPerDay = 0 }));
}
