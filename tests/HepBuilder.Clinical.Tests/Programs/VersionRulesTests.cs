using HepBuilder.Clinical.Dosing;
using HepBuilder.Clinical.Precautions;
using HepBuilder.Clinical.Programs;

namespace HepBuilder.Clinical.Tests.Programs;

public sealed class VersionRulesTests
{
    private static readonly PrecautionConflict Flexion = new(PrecautionKind.NoLumbarFlexion, "No lumbar flexion", null, "it asks for lumbar flexion");

    private static IssueItem Item(string name = "Bridge", bool archived = false, Dose? dose = null, PrecautionConflict[]? conflicts = null,
        string? reason = null) => new(name, archived, dose ?? new Dose(), conflicts ?? [], _ => reason);

    [Fact]
    public void A_complete_draft_with_a_clinic_phone_may_be_issued() =>
        Assert.Empty(VersionRules.IssueProblems([Item()], "(555) 010-4477"));

    [Fact]
    public void No_clinic_phone_refuses_the_issue() =>
        Assert.Contains(VersionRules.IssueProblems([Item()], " "), p => p.Field == "ClinicPhone");

    [Fact]
    public void An_empty_draft_is_refused() =>
        Assert.Contains(VersionRules.IssueProblems([], "555"), p => p.Field == "Items");

    [Fact]
    public void An_unreasoned_conflict_is_refused_on_its_reason_field()
    {
        var problem = Assert.Single(VersionRules.IssueProblems([Item("Crunch", conflicts: [Flexion])], "555"));
        Assert.Equal((0, "Overrides[0].Reason"), (problem.Item, problem.Field));
        Assert.Contains("Crunch", problem.Message);
        Assert.Empty(VersionRules.IssueProblems([Item("Crunch", conflicts: [Flexion], reason: "Surgeon cleared it")], "555"));
        Assert.NotEmpty(VersionRules.IssueProblems([Item("Crunch", conflicts: [Flexion], reason: "  ")], "555"));
    }

    [Fact]
    public void Archived_exercises_and_impossible_doses_are_refused()
    {
        var problems = VersionRules.IssueProblems([Item(archived: true), Item("Plank", dose: new Dose { Reps = 500 })], "555");
        Assert.Contains(problems, p => p is { Item: 0, Field: "" });
        Assert.Contains(problems, p => p is { Item: 1, Field: nameof(Dose.Reps) });
    }

    [Fact]
    public void Versions_are_numbered_from_one() => Assert.Equal((1, 4), (VersionRules.NextNumber(null), VersionRules.NextNumber(3)));
}
