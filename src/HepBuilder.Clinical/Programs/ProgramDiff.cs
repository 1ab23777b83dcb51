using System.Globalization;
using HepBuilder.Clinical.Dosing;

namespace HepBuilder.Clinical.Programs;

public sealed record ItemSnapshot(Guid ExerciseId, string Name, Dose Dose);

/// <summary>What a version (or a draft, or a form) prescribes, reduced to what a diff talks about.</summary>
public sealed record VersionSnapshot(string Title, string? Instructions, DateOnly? StartDate, string PaperSize,
    bool LargePrint, bool ShowPictures, IReadOnlyList<ItemSnapshot> Items);

public enum ChangeKind { Added, Removed, Moved, DoseChanged, ProgramChanged }

public sealed record ProgramChange(ChangeKind Kind, string Text);

/// <summary>
/// The differences between two versions in a clinician's words: added, removed, moved, dose changed from → to.
/// Used by the history page and to show a clinician what changed when their save collides with someone else's.
/// </summary>
public static class ProgramDiff
{
    public static IReadOnlyList<ProgramChange> Compare(VersionSnapshot before, VersionSnapshot after)
    {
        var changes = new List<ProgramChange>();
        ProgramFields(before, after, changes);

        // The same exercise may appear twice; pair its first occurrences, then its second, and so on.
        var beforeKeys = Keys(before.Items);
        var afterKeys = Keys(after.Items);
        var afterIndex = afterKeys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        var beforeIndex = beforeKeys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);

        foreach (var (key, i) in afterKeys.Select((k, i) => (k, i)).Where(x => !beforeIndex.ContainsKey(x.k)))
        {
            changes.Add(new(ChangeKind.Added, $"Added {after.Items[i].Name} (as number {i + 1})"));
        }
        foreach (var (key, i) in beforeKeys.Select((k, i) => (k, i)).Where(x => !afterIndex.ContainsKey(x.k)))
        {
            changes.Add(new(ChangeKind.Removed, $"Removed {before.Items[i].Name}"));
        }

        var common = beforeKeys.Where(afterIndex.ContainsKey).ToList();
        var stayed = LongestIncreasing(common.Select(k => afterIndex[k]).ToList());
        for (var c = 0; c < common.Count; c++)
        {
            var from = beforeIndex[common[c]];
            var to = afterIndex[common[c]];
            if (!stayed.Contains(to))
            {
                changes.Add(new(ChangeKind.Moved, $"Moved {after.Items[to].Name} from number {from + 1} to number {to + 1}"));
            }
            var doseChanges = DoseChanges(before.Items[from].Dose, after.Items[to].Dose);
            if (doseChanges.Count > 0)
            {
                changes.Add(new(ChangeKind.DoseChanged, $"{after.Items[to].Name}: {string.Join("; ", doseChanges)}"));
            }
        }
        return changes;
    }

    private static void ProgramFields(VersionSnapshot a, VersionSnapshot b, List<ProgramChange> changes)
    {
        void Field(string name, string? from, string? to)
        {
            if ((from ?? "") != (to ?? ""))
            {
                changes.Add(new(ChangeKind.ProgramChanged, $"{name} changed from “{Show(from)}” to “{Show(to)}”"));
            }
        }
        Field("Title", a.Title, b.Title);
        Field("Instructions", a.Instructions, b.Instructions);
        Field("Start date", a.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), b.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field("Paper size", a.PaperSize, b.PaperSize);
        Field("Large print", a.LargePrint ? "on" : "off", b.LargePrint ? "on" : "off");
        Field("Pictures", a.ShowPictures ? "on" : "off", b.ShowPictures ? "on" : "off");
    }

    private static List<string> DoseChanges(Dose a, Dose b)
    {
        var list = new List<string>();
        void Num(string name, int from, int to, string unit = "")
        {
            if (from != to) list.Add($"{name} {from}{unit} → {to}{unit}");
        }
        void Text(string name, string? from, string? to)
        {
            if ((from ?? "") != (to ?? "")) list.Add($"{name} “{Show(from)}” → “{Show(to)}”");
        }
        Num("sets", a.Sets, b.Sets);
        Num("reps", a.Reps, b.Reps);
        Num("hold", a.HoldSeconds, b.HoldSeconds, " s");
        Num("minutes", a.DurationMinutes, b.DurationMinutes);
        Num("minutes added each week", a.WeeklyAddMinutes, b.WeeklyAddMinutes);
        Num("goal", a.GoalMinutes, b.GoalMinutes, " min");
        if (a.Side != b.Side) list.Add($"side {SideName(a.Side)} → {SideName(b.Side)}");
        Num("times per day", a.TimesPerDay, b.TimesPerDay);
        Num("days per week", a.DaysPerWeek, b.DaysPerWeek);
        Num("rest", a.RestSeconds, b.RestSeconds, " s");
        Text("load", a.Load, b.Load);
        Text("note", a.Note, b.Note);
        return list;
    }

    public static string SideName(DoseSide side) => side switch
    {
        DoseSide.EachSide => "each side",
        _ => side.ToString().ToLowerInvariant(),
    };

    private static string Show(string? text)
    {
        var t = (text ?? "").ReplaceLineEndings(" ");
        return t.Length == 0 ? "(none)" : t.Length > 80 ? t[..79] + "…" : t;
    }

    private static List<(Guid, int)> Keys(IReadOnlyList<ItemSnapshot> items)
    {
        var seen = new Dictionary<Guid, int>();
        return items.Select(i =>
        {
            seen[i.ExerciseId] = seen.GetValueOrDefault(i.ExerciseId) + 1;
            return (i.ExerciseId, seen[i.ExerciseId]);
        }).ToList();
    }

    /// <summary>
    /// The positions that kept their relative order: the longest increasing run of new positions. Everything else was
    /// moved, so one dragged exercise reads as one move rather than as every neighbour shifting.
    /// </summary>
    private static HashSet<int> LongestIncreasing(List<int> seq)
    {
        var length = new int[seq.Count];
        var previous = new int[seq.Count];
        var best = -1;
        for (var i = 0; i < seq.Count; i++)
        {
            length[i] = 1;
            previous[i] = -1;
            for (var j = 0; j < i; j++)
            {
                if (seq[j] < seq[i] && length[j] + 1 > length[i])
                {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            if (best < 0 || length[i] > length[best]) best = i;
        }
        var kept = new HashSet<int>();
        for (var i = best; i >= 0; i = previous[i]) kept.Add(seq[i]);
        return kept;
    }
}
