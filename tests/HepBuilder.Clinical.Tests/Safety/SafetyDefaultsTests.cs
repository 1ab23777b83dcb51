using HepBuilder.Clinical.Safety;

namespace HepBuilder.Clinical.Tests.Safety;

public sealed class SafetyDefaultsTests
{
    [Fact]
    public void Cauda_equina_and_clot_signs_go_to_the_emergency_number_not_to_the_clinic()
    {
        Assert.Contains(SafetyDefaults.EmergencyLines, l => l.Contains("bladder or bowels", StringComparison.Ordinal));
        Assert.Contains(SafetyDefaults.EmergencyLines, l => l.Contains("groin", StringComparison.Ordinal));
        Assert.Contains(SafetyDefaults.EmergencyLines, l => l.Contains("breathing", StringComparison.Ordinal));
        Assert.DoesNotContain(SafetyDefaults.CallUsLines, l => l.Contains("bladder", StringComparison.Ordinal) || l.Contains("chest", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Each_line_is_short() =>
        Assert.All(SafetyDefaults.EmergencyLines.Concat(SafetyDefaults.CallUsLines), l => Assert.True(l.Split(' ').Length <= 10, l));

    [Fact]
    public void The_defaults_pass_their_own_checks() =>
        Assert.Empty(SafetyDefaults.Problems(SafetyDefaults.EmergencyNumber, string.Join('\n', SafetyDefaults.EmergencyLines),
            string.Join('\n', SafetyDefaults.CallUsLines)));

    [Theory]
    [InlineData("", "a", "b", "EmergencyNumber")]
    [InlineData("call 911", "a", "b", "EmergencyNumber")]
    [InlineData("112", " \n ", "b", "EmergencyText")]
    [InlineData("999", "a", "", "CallUsText")]
    public void An_empty_tier_or_a_number_that_is_not_one_is_refused(string number, string emergency, string callUs, string field) =>
        Assert.Contains(SafetyDefaults.Problems(number, emergency, callUs), p => p.Field == field);
}
