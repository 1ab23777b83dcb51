using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;

namespace HepBuilder.Web.Pages.Library;

/// <summary>
/// Enum values as words for people: the [Display] name where the enum has one (SideLying → "Side-lying", the same
/// text Html.GetEnumSelectList shows in pickers), else the name split into words (LumbarFlexion → "Lumbar flexion").
/// </summary>
public static partial class LibraryText
{
    public static string Words(Enum value)
    {
        var display = value.GetType().GetField(value.ToString())?.GetCustomAttribute<DisplayAttribute>()?.GetName();
        if (display is not null) return display;
        var words = SplitWords().Replace(value.ToString(), " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Difficulty(int level) => level switch { 1 => "Easy", 2 => "Medium", 3 => "Hard", _ => "Level " + level };

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex SplitWords();
}
