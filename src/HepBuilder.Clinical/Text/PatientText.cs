using System.Text.RegularExpressions;
using HepBuilder.Clinical.Dosing;

namespace HepBuilder.Clinical.Text;

/// <summary>
/// Exercise text as the patient reads it. Library text carries no dose of its own; where a step needs one it says
/// <c>{hold}</c> or <c>{minutes}</c>, and the prescription fills it in, so "Hold for {hold}." prints "Hold for
/// 5 seconds." when 5 is prescribed and can never disagree with the dose box.
/// </summary>
public static partial class PatientText
{
    public const string Hold = "{hold}";
    public const string Minutes = "{minutes}";

    public static readonly IReadOnlyList<string> Placeholders = [Hold, Minutes];

    public static string Fill(string text, Dose dose)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('{', StringComparison.Ordinal)) return text;
        return text
            .Replace(Hold, dose.HoldSeconds > 0 ? DoseSentence.Duration(dose.HoldSeconds) : "a moment", StringComparison.OrdinalIgnoreCase)
            .Replace(Minutes, dose.IsTimed ? DoseSentence.Minutes(dose.DurationMinutes) : "as long as your care team told you", StringComparison.OrdinalIgnoreCase);
    }

    public static IReadOnlyList<string> Fill(IEnumerable<string> lines, Dose dose) => lines.Select(l => Fill(l, dose)).ToList();

    /// <summary>Braced words that are not one of the <see cref="Placeholders"/> (a typo would print as typed).</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string text) =>
        Braced().Matches(text).Select(m => m.Value)
            .Where(v => !Placeholders.Contains(v, StringComparer.OrdinalIgnoreCase)).Distinct().ToList();

    [GeneratedRegex(@"\{[^{}\s]{1,30}\}")]
    private static partial Regex Braced();
}
