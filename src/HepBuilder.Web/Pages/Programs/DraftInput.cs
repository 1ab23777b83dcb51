using System.ComponentModel.DataAnnotations;
using HepBuilder.Data.Entities;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>Everything the builder form posts: the draft's program fields and its items, in order.</summary>
public sealed class DraftInput
{
    /// <summary>The draft's row version (xmin) when this clinician loaded it; a save with an older one is a conflict.</summary>
    public uint Stamp { get; set; }

    /// <summary>True once the form holds changes that are not saved yet (kept across the builder's own posts).</summary>
    public bool Dirty { get; set; }

    [Required(ErrorMessage = "Give the program a title.")]
    [StringLength(120, ErrorMessage = "The title must be at most 120 characters.")]
    [Display(Name = "Program title")]
    public string Title { get; set; } = "";

    [StringLength(2000, ErrorMessage = "Instructions must be at most 2,000 characters.")]
    [Display(Name = "Instructions to the patient")]
    public string? Instructions { get; set; }

    [Display(Name = "Start date")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "Paper size")]
    public PaperSize PaperSize { get; set; } = PaperSize.Letter;

    [Display(Name = "Large print (one exercise per page)")]
    public bool LargePrint { get; set; }

    [Display(Name = "Print pictures")]
    public bool ShowPictures { get; set; } = true;

    public List<ItemInput> Items { get; set; } = [];

    public static DraftInput From(ProgramVersion v) => new()
    {
        Stamp = v.Version,
        Title = v.Title,
        Instructions = v.Instructions,
        StartDate = v.StartDate,
        PaperSize = v.PaperSize,
        LargePrint = v.LargePrint,
        ShowPictures = v.ShowPictures,
        Items = v.Items.OrderBy(i => i.Position).Select(ItemInput.From).ToList(),
    };
}

public sealed class ItemInput
{
    public Guid ExerciseId { get; set; }

    [Range(Dose.Bounds.SetsMin, Dose.Bounds.SetsMax, ErrorMessage = "Sets must be 1 to 10.")]
    public int Sets { get; set; } = 1;

    [Range(Dose.Bounds.RepsMin, Dose.Bounds.RepsMax, ErrorMessage = "Reps must be 1 to 100.")]
    public int Reps { get; set; } = 10;

    [Range(0, Dose.Bounds.HoldMax, ErrorMessage = "Hold must be 0 to 600 seconds.")]
    [Display(Name = "Hold (seconds)")]
    public int HoldSeconds { get; set; }

    public DoseSide Side { get; set; } = DoseSide.Both;

    [Range(Dose.Bounds.TimesPerDayMin, Dose.Bounds.TimesPerDayMax, ErrorMessage = "Times per day must be 1 to 6.")]
    [Display(Name = "Times per day")]
    public int TimesPerDay { get; set; } = 1;

    [Range(Dose.Bounds.DaysPerWeekMin, Dose.Bounds.DaysPerWeekMax, ErrorMessage = "Days per week must be 1 to 7.")]
    [Display(Name = "Days per week")]
    public int DaysPerWeek { get; set; } = 7;

    [Range(0, Dose.Bounds.RestMax, ErrorMessage = "Rest must be 0 to 600 seconds.")]
    [Display(Name = "Rest (seconds)")]
    public int RestSeconds { get; set; }

    [StringLength(Dose.MaxLoadLength, ErrorMessage = "Load must be at most 80 characters.")]
    [Display(Name = "Load or resistance")]
    public string? Load { get; set; }

    [StringLength(Dose.MaxNoteLength, ErrorMessage = "The note must be at most 1,000 characters.")]
    [Display(Name = "Note to the patient")]
    public string? Note { get; set; }

    /// <summary>Reasons typed for this item's precaution conflicts, keyed by the conflict.</summary>
    public List<OverrideInput> Overrides { get; set; } = [];

    public Dose ToDose() => new()
    {
        Sets = Sets, Reps = Reps, HoldSeconds = HoldSeconds, Side = Side, TimesPerDay = TimesPerDay, DaysPerWeek = DaysPerWeek,
        RestSeconds = RestSeconds, Load = Clean(Load), Note = Clean(Note),
    };

    public static ItemInput From(ProgramItem i) => FromDose(i.ExerciseId, i.Dose, i.Overrides);

    public static ItemInput FromDose(Guid exerciseId, Dose d, IEnumerable<PrecautionOverride>? overrides = null) => new()
    {
        ExerciseId = exerciseId, Sets = d.Sets, Reps = d.Reps, HoldSeconds = d.HoldSeconds, Side = d.Side,
        TimesPerDay = d.TimesPerDay, DaysPerWeek = d.DaysPerWeek, RestSeconds = d.RestSeconds, Load = d.Load, Note = d.Note,
        Overrides = (overrides ?? []).Select(o => new OverrideInput { Conflict = o.Conflict, Reason = o.Reason }).ToList(),
    };

    public string? ReasonFor(string conflict) =>
        Overrides.FirstOrDefault(o => o.Conflict == conflict && !string.IsNullOrWhiteSpace(o.Reason))?.Reason?.Trim();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class OverrideInput
{
    [StringLength(120)]
    public string Conflict { get; set; } = "";

    [StringLength(500, ErrorMessage = "The reason must be at most 500 characters.")]
    public string? Reason { get; set; }
}
