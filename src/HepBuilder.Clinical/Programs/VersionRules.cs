using HepBuilder.Clinical.Dosing;
using HepBuilder.Clinical.Precautions;

namespace HepBuilder.Clinical.Programs;

public enum VersionState { Draft, Issued, Superseded }

/// <summary>One exercise of a draft as the issue check sees it: its dose, its conflicts, and the reasons given.</summary>
public sealed record IssueItem(string Name, bool Archived, Dose Dose, IReadOnlyList<PrecautionConflict> Conflicts,
    Func<string, string?> ReasonFor);

/// <summary>
/// Why a draft cannot be issued. <see cref="Item"/> is the exercise's index (null for the program as a whole);
/// <see cref="Field"/> names the field within it ("Sets", "Overrides[0].Reason") or of the program ("Items",
/// "ClinicPhone"), so a page can show each message next to its field.
/// </summary>
public sealed record IssueProblem(int? Item, string Field, string Message);

/// <summary>
/// The rules of a program's versions: at most one draft; issuing numbers it 1, 2, 3…, freezes it and supersedes the
/// previous issued version; a revision copies the latest issued version into a new draft. Issuing is refused while
/// any problem below stands, so no page or caller can skip a check.
/// </summary>
public static class VersionRules
{
    public static int NextNumber(int? latest) => (latest ?? 0) + 1;

    public static IReadOnlyList<IssueProblem> IssueProblems(IReadOnlyList<IssueItem> items, string? clinicPhone)
    {
        var problems = new List<IssueProblem>();
        if (string.IsNullOrWhiteSpace(clinicPhone))
        {
            problems.Add(new(null, "ClinicPhone",
                "The clinic has no phone number, and the handout must tell the patient whom to call. Add it to the clinic profile, then issue."));
        }
        if (items.Count == 0) problems.Add(new(null, "Items", "Add at least one exercise before issuing."));
        if (items.Count > ProgramLimits.MaxItems) problems.Add(new(null, "Items", $"A program can have at most {ProgramLimits.MaxItems} exercises."));

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Archived) problems.Add(new(i, "", $"{item.Name} has been archived in the library. Remove it before issuing."));
            problems.AddRange(DoseRules.Validate(item.Dose).Select(p => new IssueProblem(i, p.Field, $"{item.Name}: {p.Message}")));
            for (var k = 0; k < item.Conflicts.Count; k++)
            {
                var conflict = item.Conflicts[k];
                if (string.IsNullOrWhiteSpace(item.ReasonFor(conflict.Key)))
                {
                    problems.Add(new(i, $"Overrides[{k}].Reason",
                        $"{item.Name} conflicts with “{conflict.Display}” ({conflict.Why}). Give a reason to prescribe it anyway, or remove it."));
                }
            }
        }
        return problems;
    }
}
