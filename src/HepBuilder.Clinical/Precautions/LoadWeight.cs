using System.Globalization;
using System.Text.RegularExpressions;

namespace HepBuilder.Clinical.Precautions;

/// <summary>
/// Reads a weight out of a load written in words ("5 lb", "2 kg dumbbell", "two 8-pound weights"), so it can be
/// compared with a lift limit. A band colour or "body weight" has no weight. Several weights: the heaviest single
/// one counts (a dumbbell in each hand is not lifted as one object).
/// </summary>
public static partial class LoadWeight
{
    private const decimal PoundsPerKilogram = 2.20462m;

    public static decimal? Pounds(string? load)
    {
        if (string.IsNullOrWhiteSpace(load)) return null;
        decimal? heaviest = null;
        foreach (Match m in Weight().Matches(load))
        {
            var amount = decimal.Parse(m.Groups["n"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
            var pounds = m.Groups["unit"].Value.StartsWith('k') || m.Groups["unit"].Value.StartsWith('K') ? amount * PoundsPerKilogram : amount;
            if (heaviest is null || pounds > heaviest) heaviest = pounds;
        }
        return heaviest is null ? null : Math.Round(heaviest.Value, 1);
    }

    [GeneratedRegex(@"(?<n>\d+(?:[.,]\d+)?)\s*-?\s*(?<unit>lbs?|pounds?|kgs?|kilos?|kilograms?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weight();
}
