using System.Text.RegularExpressions;

namespace HepBuilder.Web.Pages.Library;

/// <summary>Enum names as words for people: SideLying → "side lying", LumbarFlexion → "lumbar flexion".</summary>
public static partial class LibraryText
{
    public static string Words(Enum value)
    {
        var words = SplitWords().Replace(value.ToString(), " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Difficulty(int level) => level switch { 1 => "Easy", 2 => "Medium", 3 => "Hard", _ => "Level " + level };

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex SplitWords();
}
