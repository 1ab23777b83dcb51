using HepBuilder.Data.Entities;
using HepBuilder.Web.Pages.Programs;

namespace HepBuilder.Tests.Pages.Programs;

public sealed class PrecautionCheckTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static PatientPrecaution P(PrecautionKind kind, DateOnly? until = null, int? pounds = null, string? text = null) =>
        new() { Kind = kind, Until = until, MaxLiftPounds = pounds, Text = text };

    [Theory]
    [InlineData(PrecautionKind.NoLumbarFlexion, MovementTag.LumbarFlexion)]
    [InlineData(PrecautionKind.NoLumbarExtension, MovementTag.LumbarExtension)]
    [InlineData(PrecautionKind.NoTwisting, MovementTag.Rotation)]
    [InlineData(PrecautionKind.NoLifting, MovementTag.Lifting)]
    [InlineData(PrecautionKind.NoImpact, MovementTag.Impact)]
    [InlineData(PrecautionKind.NoEndRange, MovementTag.EndRange)]
    public void Each_precaution_conflicts_with_the_movement_it_forbids(PrecautionKind kind, MovementTag tag)
    {
        var conflict = Assert.Single(PrecautionCheck.Conflicts([tag], [P(kind)], Today));
        Assert.Equal(kind, conflict.Kind);
        Assert.Equal(tag, conflict.Tag);
        // Every other movement is fine under this precaution.
        Assert.Empty(PrecautionCheck.Conflicts(Enum.GetValues<MovementTag>().Where(t => t != tag), [P(kind)], Today));
    }

    [Fact]
    public void Custom_precautions_are_not_checked_automatically()
    {
        Assert.Null(PrecautionCheck.TagFor(PrecautionKind.Custom));
        Assert.Empty(PrecautionCheck.Conflicts(Enum.GetValues<MovementTag>(), [P(PrecautionKind.Custom, text: "No running")], Today));
    }

    [Fact]
    public void A_precaution_warns_through_its_last_day_and_not_after()
    {
        Assert.Single(PrecautionCheck.Conflicts([MovementTag.LumbarFlexion], [P(PrecautionKind.NoLumbarFlexion, Today)], Today));
        Assert.Single(PrecautionCheck.Conflicts([MovementTag.LumbarFlexion], [P(PrecautionKind.NoLumbarFlexion, Today.AddDays(40))], Today));
        Assert.Empty(PrecautionCheck.Conflicts([MovementTag.LumbarFlexion], [P(PrecautionKind.NoLumbarFlexion, Today.AddDays(-1))], Today));
    }

    [Fact]
    public void The_same_restriction_twice_is_one_conflict_dated_by_the_longer_one()
    {
        var conflict = Assert.Single(PrecautionCheck.Conflicts([MovementTag.LumbarFlexion],
            [P(PrecautionKind.NoLumbarFlexion, Today.AddDays(3)), P(PrecautionKind.NoLumbarFlexion, Today.AddDays(30))], Today));
        Assert.Equal(Today.AddDays(30), conflict.Until);
        Assert.Equal("No lumbar flexion until 23 Dec 2026", conflict.Display);
    }

    [Fact]
    public void Lifting_limit_is_named_with_its_pounds()
    {
        var conflict = Assert.Single(PrecautionCheck.Conflicts([MovementTag.Lifting, MovementTag.Rotation],
            [P(PrecautionKind.NoLifting, pounds: 10)], Today));
        Assert.Equal("No lifting over 10 lb", conflict.Key);
    }

    [Fact]
    public void An_exercise_with_several_forbidden_movements_has_one_conflict_per_precaution()
    {
        var conflicts = PrecautionCheck.Conflicts([MovementTag.LumbarFlexion, MovementTag.Rotation],
            [P(PrecautionKind.NoLumbarFlexion), P(PrecautionKind.NoTwisting), P(PrecautionKind.NoImpact)], Today);
        Assert.Equal(["No lumbar flexion", "No twisting"], conflicts.Select(c => c.Key));
    }
}
