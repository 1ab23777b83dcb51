using HepBuilder.Clinical.Dosing;
using HepBuilder.Clinical.Programs;

namespace HepBuilder.Clinical.Tests.Programs;

public sealed class ProgramDiffTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    private static ItemSnapshot I(Guid id, string name, int sets = 1, int reps = 10, int hold = 0) =>
        new(id, name, new Dose { Sets = sets, Reps = reps, HoldSeconds = hold });

    private static VersionSnapshot V(params ItemSnapshot[] items) => new("Back", null, null, "Letter", false, true, items);

    [Fact]
    public void Added_and_removed_exercises_are_named()
    {
        var changes = ProgramDiff.Compare(V(I(A, "Bridge"), I(B, "Crunch")), V(I(A, "Bridge"), I(C, "Bird-dog")));
        Assert.Equal(["Added Bird-dog (as number 2)", "Removed Crunch"], changes.Select(c => c.Text));
    }

    [Fact]
    public void Moving_one_exercise_reads_as_one_move()
    {
        var changes = ProgramDiff.Compare(V(I(A, "Bridge"), I(B, "Crunch"), I(C, "Bird-dog"), I(D, "Plank")),
            V(I(D, "Plank"), I(A, "Bridge"), I(B, "Crunch"), I(C, "Bird-dog")));
        var move = Assert.Single(changes);
        Assert.Equal(ChangeKind.Moved, move.Kind);
        Assert.Equal("Moved Plank from number 4 to number 1", move.Text);
    }

    [Fact]
    public void Dose_changes_say_from_and_to()
    {
        var change = Assert.Single(ProgramDiff.Compare(V(I(A, "Bridge", 1, 10, 30)), V(I(A, "Bridge", 3, 12, 10))));
        Assert.Equal("Bridge: sets 1 → 3; reps 10 → 12; hold 30 s → 10 s", change.Text);
    }

    [Fact]
    public void The_same_exercise_twice_is_matched_in_order()
    {
        var changes = ProgramDiff.Compare(V(I(A, "Walk"), I(A, "Walk")), V(I(A, "Walk"), I(A, "Walk", reps: 20)));
        Assert.Equal(["Walk: reps 10 → 20"], changes.Select(c => c.Text));
    }

    [Fact]
    public void Identical_versions_have_no_changes() =>
        Assert.Empty(ProgramDiff.Compare(V(I(A, "Bridge"), I(B, "Crunch")), V(I(A, "Bridge"), I(B, "Crunch"))));
}
