using HepBuilder.Clinical.Precautions;

namespace HepBuilder.Clinical.Tests.Precautions;

public sealed class PrecautionCheckTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Precaution P(PrecautionKind kind, DateOnly? until = null, int? pounds = null, string? text = null) =>
        new(kind, pounds, text, until);

    private static IReadOnlyList<PrecautionConflict> Conflicts(IEnumerable<MovementTag> tags, IEnumerable<Precaution> precautions, DateOnly today,
        string? load = null) => PrecautionCheck.Conflicts(tags, load, precautions, today);

    [Theory]
    [InlineData(PrecautionKind.NoLumbarFlexion, MovementTag.LumbarFlexion)]
    [InlineData(PrecautionKind.NoLumbarExtension, MovementTag.LumbarExtension)]
    [InlineData(PrecautionKind.NoTwisting, MovementTag.Rotation)]
    [InlineData(PrecautionKind.NoSideBending, MovementTag.LateralFlexion)]
    [InlineData(PrecautionKind.NoLoad, MovementTag.Load)]
    [InlineData(PrecautionKind.NoLifting, MovementTag.Lifting)]
    [InlineData(PrecautionKind.NoImpact, MovementTag.Impact)]
    [InlineData(PrecautionKind.NoEndRange, MovementTag.EndRange)]
    public void Each_precaution_conflicts_with_the_movement_it_forbids(PrecautionKind kind, MovementTag tag)
    {
        var conflict = Assert.Single(Conflicts([tag], [P(kind)], Today));
        Assert.Equal(kind, conflict.Kind);
        Assert.Equal(tag, Precaution.Forbids(kind));
        // Every other movement is fine under this precaution.
        Assert.Empty(Conflicts(Enum.GetValues<MovementTag>().Where(t => t != tag), [P(kind)], Today));
    }

    [Fact]
    public void Custom_precautions_are_not_checked_automatically()
    {
        Assert.Null(Precaution.Forbids(PrecautionKind.Custom));
        Assert.Empty(Conflicts(Enum.GetValues<MovementTag>(), [P(PrecautionKind.Custom, text: "No running")], Today));
    }

    [Fact]
    public void A_precaution_warns_through_its_last_day_and_not_after()
    {
        Assert.Single(Conflicts([MovementTag.LumbarFlexion], [P(PrecautionKind.NoLumbarFlexion, Today)], Today));
        Assert.Single(Conflicts([MovementTag.LumbarFlexion], [P(PrecautionKind.NoLumbarFlexion, Today.AddDays(40))], Today));
        Assert.Empty(Conflicts([MovementTag.LumbarFlexion], [P(PrecautionKind.NoLumbarFlexion, Today.AddDays(-1))], Today));
    }

    [Fact]
    public void The_same_restriction_twice_is_one_conflict_dated_by_the_longer_one()
    {
        var conflict = Assert.Single(Conflicts([MovementTag.LumbarFlexion],
            [P(PrecautionKind.NoLumbarFlexion, Today.AddDays(3)), P(PrecautionKind.NoLumbarFlexion, Today.AddDays(30))], Today));
        Assert.Equal(Today.AddDays(30), conflict.Until);
        Assert.Equal("No lumbar flexion until 23 Dec 2026", conflict.Display);
    }

    [Fact]
    public void Lifting_limit_is_named_with_its_pounds()
    {
        var conflict = Assert.Single(Conflicts([MovementTag.Lifting, MovementTag.Rotation],
            [P(PrecautionKind.NoLifting, pounds: 10)], Today));
        Assert.Equal("No lifting over 10 lb", conflict.Key);
    }

    [Fact]
    public void An_exercise_with_several_forbidden_movements_has_one_conflict_per_precaution()
    {
        var conflicts = Conflicts([MovementTag.LumbarFlexion, MovementTag.Rotation],
            [P(PrecautionKind.NoLumbarFlexion), P(PrecautionKind.NoTwisting), P(PrecautionKind.NoImpact)], Today);
        Assert.Equal(["No lumbar flexion", "No twisting"], conflicts.Select(c => c.Key));
    }

    [Theory]
    [InlineData("15 lb", true)]
    [InlineData("10 lb", false)]
    [InlineData("5 kg dumbbell", true)]
    [InlineData("two 8-pound weights", false)]
    [InlineData("red band", false)]
    public void A_load_heavier_than_the_lift_limit_conflicts_whatever_the_tags(string load, bool conflicts)
    {
        var found = Conflicts([], [P(PrecautionKind.NoLifting, pounds: 10)], Today, load);
        Assert.Equal(conflicts, found.Count == 1);
        if (conflicts) Assert.Contains("over the limit", found[0].Why);
    }

    [Fact]
    public void A_lifting_exercise_under_the_limit_is_allowed_and_one_with_no_weight_is_not()
    {
        Assert.Empty(Conflicts([MovementTag.Lifting], [P(PrecautionKind.NoLifting, pounds: 10)], Today, "8 lb kettlebell"));
        var unknown = Assert.Single(Conflicts([MovementTag.Lifting], [P(PrecautionKind.NoLifting, pounds: 10)], Today, "a heavy box"));
        Assert.Contains("no weight", unknown.Why);
    }

    [Fact]
    public void No_lifting_at_all_forbids_any_weight_in_the_hand() =>
        Assert.Single(Conflicts([], [P(PrecautionKind.NoLifting)], Today, "2 lb"));
}
