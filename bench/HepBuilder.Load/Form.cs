using System.Net;
using System.Text.RegularExpressions;

namespace HepBuilder.Load;

/// <summary>Reads a page's form the way a browser submits it: inputs (checked boxes only), textareas, selected options.</summary>
public static partial class Form
{
    public static Dictionary<string, string> Fields(string html)
    {
        var fields = new Dictionary<string, string>();
        void Add(string? name, string? value)
        {
            if (name is not null) fields.TryAdd(WebUtility.HtmlDecode(name), WebUtility.HtmlDecode(value ?? ""));
        }
        foreach (var tag in Inputs().Matches(html).Select(m => m.Value))
        {
            var type = Attribute(tag, "type") ?? "text";
            if (type is "submit" or "button" || (type is "checkbox" or "radio" && !tag.Contains(" checked", StringComparison.Ordinal))) continue;
            Add(Attribute(tag, "name"), Attribute(tag, "value"));
        }
        foreach (Match m in Textareas().Matches(html)) Add(Attribute(m.Groups[1].Value, "name"), m.Groups[2].Value.TrimStart('\r', '\n'));
        foreach (Match m in Selects().Matches(html))
        {
            var options = Options().Matches(m.Groups[2].Value).Select(o => o.Value).ToList();
            Add(Attribute(m.Groups[1].Value, "name"), Attribute(options.FirstOrDefault(o => o.Contains("selected", StringComparison.Ordinal)) ?? options.FirstOrDefault() ?? "", "value"));
        }
        return fields;
    }

    public static string Field(string html, string name) =>
        Fields(html).TryGetValue(name, out var value) ? value : throw new InvalidDataException($"No field {name} on the page.");

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Inputs();

    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Textareas();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Selects();

    [GeneratedRegex("<option\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Options();
}
