using System.Text.RegularExpressions;

namespace HepBuilder.Handouts.Tests.Library;

/// <summary>
/// Flesch–Kincaid grade level with a heuristic syllable counter: count vowel groups, drop a silent final
/// "e", keep "-le" endings, and never go below one syllable a word. Good to about a grade on plain text.
/// </summary>
internal static partial class Readability
{
    public static double Grade(string text)
    {
        var sentences = Math.Max(1, SentenceEnd().Matches(text).Count);
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return 0;
        }

        var syllables = words.Sum(Syllables);
        return (0.39 * words.Count / sentences) + (11.8 * syllables / words.Count) - 15.59;
    }

    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal);
        if (w.Length <= 3)
        {
            return 1;
        }

        // Digits such as "10" read as one or two short words; one syllable each is close enough.
        if (w.All(char.IsDigit))
        {
            return 1;
        }

        var count = VowelGroup().Matches(w).Count;
        if (w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal) && !w.EndsWith("ee", StringComparison.Ordinal) && count > 1)
        {
            count--;
        }

        if ((w.EndsWith("es", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal))
            && !w.EndsWith("ted", StringComparison.Ordinal) && !w.EndsWith("ded", StringComparison.Ordinal)
            && !w.EndsWith("ses", StringComparison.Ordinal) && !w.EndsWith("zes", StringComparison.Ordinal)
            && !w.EndsWith("ces", StringComparison.Ordinal) && !w.EndsWith("ges", StringComparison.Ordinal)
            && count > 1)
        {
            count--;
        }

        return Math.Max(1, count);
    }

    [GeneratedRegex(@"[.!?]+(\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[A-Za-z0-9']+")]
    private static partial Regex Word();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();
}
