using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HepBuilder.Web.Pages.Library;

/// <summary>The library: search and filters for everyone; admins also get the way to add, import and export.</summary>
public sealed class IndexModel(ExerciseSearch search) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Text { get; set; }
    [BindProperty(SupportsGet = true, Name = "region")] public BodyRegion? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public ExerciseCategory? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "position")] public BodyPosition? Position { get; set; }
    [BindProperty(SupportsGet = true, Name = "equipment")] public Equipment? Equipment { get; set; }
    [BindProperty(SupportsGet = true, Name = "difficulty")] public int? Difficulty { get; set; }
    [BindProperty(SupportsGet = true, Name = "archived")] public bool IncludeArchived { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public ExerciseSearchResult Result { get; private set; } = new([], 0, 1, PageSize);
    public bool IsAdmin => User.IsInRole(Roles.Admin);
    public bool Filtered => !string.IsNullOrWhiteSpace(Text) || Region is not null || Category is not null
        || Position is not null || Equipment is not null || Difficulty is not null;
    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Invalid filter values (a hand-edited URL) are dropped by model binding; the search still answers.
        Result = await search.SearchAsync(new ExerciseSearchQuery(Text, Region, Category, Position, Equipment,
            Difficulty is >= 1 and <= 3 ? Difficulty : null, IncludeArchived && IsAdmin, Math.Max(1, PageNumber), PageSize), ct);
    }

    /// <summary>The current filters with a different page, for the pager links.</summary>
    public Dictionary<string, string> RouteFor(int page) => new Dictionary<string, string?>
    {
        ["q"] = Text, ["region"] = Region?.ToString(), ["category"] = Category?.ToString(), ["position"] = Position?.ToString(),
        ["equipment"] = Equipment?.ToString(), ["difficulty"] = Difficulty?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["archived"] = IncludeArchived ? "true" : null, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!);

    public static string Words(Enum value) => LibraryText.Words(value);
}
