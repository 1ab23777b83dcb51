using System.ComponentModel.DataAnnotations;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Pages.Shared;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>Everything the builder form posts: the draft's program fields and its items, in order.</summary>
public sealed class DraftInput
{
    /// <summary>The draft's row version (xmin) when this clinician loaded it; a save with an older one is a conflict.</summary>
    public uint Stamp { get; set; }

    /// <summary>True once the form holds changes that are not saved yet (kept across the builder's own posts).</summary>
    public bool Dirty { get; set; }

    [Required(ErrorMessage = "Give the program a title.")]
    [StringLength(ProgramLimits.MaxTitleLength, ErrorMessage = "The title must be at most 120 characters.")]
    [Display(Name = "Program title")]
    public string Title { get; set; } = "";

    [StringLength(ProgramLimits.MaxInstructionsLength, ErrorMessage = "Instructions must be at most 2,000 characters.")]
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

    /// <summary>The form as plain content for the lifecycle and the preview.</summary>
    public DraftContent ToContent() => new(Title.Trim(), Instructions, StartDate, PaperSize, LargePrint, ShowPictures,
        Items.Select(i => new DraftItem(i.ExerciseId, i.ToDose(), i.Overrides
            .Where(o => !string.IsNullOrWhiteSpace(o.Reason)).GroupBy(o => o.Conflict)
            .ToDictionary(g => g.Key, g => g.First().Reason!.Trim()))).ToList());

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

/// <summary>One exercise of the draft: its dose fields (flat, as <see cref="DoseInput"/>) and the reasons for its conflicts.</summary>
public sealed class ItemInput : DoseInput
{
    public Guid ExerciseId { get; set; }

    /// <summary>Reasons typed for this item's precaution conflicts, keyed by the conflict.</summary>
    public List<OverrideInput> Overrides { get; set; } = [];

    public static ItemInput From(ProgramItem i) => FromDose(i.ExerciseId, i.Dose, i.Overrides);

    public static ItemInput FromDose(Guid exerciseId, Dose d, IEnumerable<PrecautionOverride>? overrides = null)
    {
        var item = new ItemInput
        {
            ExerciseId = exerciseId,
            Overrides = (overrides ?? []).Select(o => new OverrideInput { Conflict = o.Conflict, Reason = o.Reason }).ToList(),
        };
        item.SetDose(d);
        return item;
    }

    public string? ReasonFor(string conflict) =>
        Overrides.FirstOrDefault(o => o.Conflict == conflict && !string.IsNullOrWhiteSpace(o.Reason))?.Reason?.Trim();
}

public sealed class OverrideInput
{
    [StringLength(120)]
    public string Conflict { get; set; } = "";

    [StringLength(ProgramLimits.MaxReasonLength, ErrorMessage = "The reason must be at most 500 characters.")]
    public string? Reason { get; set; }
}
