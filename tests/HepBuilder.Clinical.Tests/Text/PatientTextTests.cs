using HepBuilder.Clinical.Dosing;
using HepBuilder.Clinical.Text;

namespace HepBuilder.Clinical.Tests.Text;

public sealed class PatientTextTests
{
    [Fact]
    public void The_prescribed_hold_fills_the_step() =>
        Assert.Equal("Hold for 5 seconds.", PatientText.Fill("Hold for {hold}.", new Dose { HoldSeconds = 5 }));

    [Fact]
    public void The_prescribed_minutes_fill_the_step() =>
        Assert.Equal("Walk for 12 minutes at an easy pace.", PatientText.Fill("Walk for {minutes} at an easy pace.", new Dose { DurationMinutes = 12, Reps = 1 }));

    [Fact]
    public void Without_a_prescribed_value_the_step_says_no_number() =>
        Assert.Empty(DoseNumbers.Find(PatientText.Fill("Hold for {hold}. Walk for {minutes}.", new Dose())));

    [Fact]
    public void Text_without_placeholders_is_unchanged() =>
        Assert.Equal("Lie on your back.", PatientText.Fill("Lie on your back.", new Dose { HoldSeconds = 5 }));

    [Fact]
    public void A_misspelt_placeholder_is_reported() =>
        Assert.Equal(["{hld}"], PatientText.UnknownPlaceholders("Hold for {hld}, then {hold}."));
}

public sealed class DoseNumbersTests
{
    [Theory]
    [InlineData("Hold for up to 30 seconds.", "30 seconds")]
    [InlineData("Hold for 5–10 seconds.", "5–10 seconds")]
    [InlineData("Relax. Do this about 10 times.", "10 times")]
    [InlineData("Start with 10 minutes.", "10 minutes")]
    [InlineData("Do 2 sets of 15.", "2 sets")]
    [InlineData("Do this twice a day.", "twice")]
    [InlineData("Walk every day.", "every day")]
    [InlineData("Take a 30-second break.", "30-second")]
    [InlineData("Repeat ten times on each side.", "ten times")]
    [InlineData("Switch legs. Do 10 with each leg.", "Do 10")]
    [InlineData("Bring your hands back in. Do 10, then turn.", "Do 10")]
    public void Dose_numbers_in_text_are_found(string text, string found)
    {
        // The matches may start earlier ("Do 2" for "Do 2 sets of 15"): what matters is that the number is caught.
        var matches = DoseNumbers.Find(text);
        Assert.Contains(found.Split(' ')[0], string.Join(" ", matches));
    }

    [Theory]
    [InlineData("Lie on your back with your knees bent.")]
    [InlineData("Hold for {hold}.")]
    [InlineData("Keep your feet 2 inches apart.")]
    [InlineData("Do one side, then the other.")]
    [InlineData("Lift your hips until your body is straight from shoulders to knees.")]
    public void Text_without_dose_numbers_passes(string text) => Assert.Empty(DoseNumbers.Find(text));
}
