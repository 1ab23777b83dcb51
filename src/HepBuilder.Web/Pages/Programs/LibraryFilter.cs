using System.ComponentModel.DataAnnotations;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Pages.Library;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>The builder's library search: text (typos tolerated) and the filters a clinician narrows by.</summary>
public sealed class LibraryFilter
{
    public const int PageSize = 12;

    [StringLength(ExerciseSearch.MaxTextLength, ErrorMessage = "Search for at most 100 characters.")]
    [Display(Name = "Search the library")]
    public string? Q { get; set; }

    [Display(Name = "Body region")]
    public BodyRegion? Region { get; set; }

    [Display(Name = "Category")]
    public ExerciseCategory? Category { get; set; }

    [Display(Name = "Position")]
    public BodyPosition? Position { get; set; }

    [Display(Name = "Equipment")]
    public Equipment? Equipment { get; set; }

    [Range(1, 1000)]
    public int Page { get; set; } = 1;

    public ExerciseSearchQuery ToQuery() => new(Q, Region, Category, Position, Equipment, Page: Math.Max(1, Page), PageSize: PageSize);
}
