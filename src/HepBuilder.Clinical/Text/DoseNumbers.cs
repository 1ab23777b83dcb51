using System.Text.RegularExpressions;

namespace HepBuilder.Clinical.Text;

/// <summary>
/// Finds dose numbers written into exercise text: counts of seconds, minutes, repetitions, sets, times, days or
/// weeks ("Hold for 5–10 seconds", "about 10 times", "Do 10 on each side", "twice a day", "every day"). Such text contradicts any other
/// prescription, so shipped text must have none, the editor warns about them and the library marks them.
/// </summary>
public static partial class DoseNumbers
{
    public static IReadOnlyList<string> Find(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Pattern().Matches(text).Select(m => m.Value.Trim()).ToList();

    public static IReadOnlyList<string> Find(IEnumerable<string> lines) => lines.SelectMany(Find).ToList();

    private const string Number = @"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a\s+few|several)";

    private const string Unit = @"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|times|x|sets?|reps?|repetitions?|rounds?|days?|weeks?|breaths?)";

    [GeneratedRegex(
        $@"\b{Number}(?:\s*(?:-|–|to|or)\s*{Number})?[\s-]*{Unit}\b"
        + @"|\b(?:do|repeat)\s+(?:it\s+|this\s+|about\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\b"
        + @"|\b(?:once|twice)\b"
        + @"|\b(?:every|each|per|a)\s+(?:day|week|morning|evening|night)\b"
        + @"|\bdaily\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
