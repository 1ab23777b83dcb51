using System.Globalization;
using System.Text;
using AngleSharp.Dom;

namespace HepBuilder.Tests.Security.Hostile;

/// <summary>
/// Finds hostile markup that a page serves live instead of as text: checked on the raw HTML (the exact payload
/// openings, which escaping always breaks) and on the parsed DOM (elements and attributes the payloads create).
/// </summary>
public static class LiveMarkup
{
    // Openings of the corpus's payloads. Escaped output turns '<' into "&lt;" and a URL turns it into "%3C", so any
    // of these in the raw HTML is markup the browser would parse.
    private static readonly string[] RawOpenings =
    [
        "<script>alert", "<script src=//hbx", "<scr<script>", "<img src=x", "<img src=\"x\"", "<svg onload", "<svg><script", "<iframe src=\"javascript",
        "<body onload", "<a href=\"javascript", "<a href=\"data:", "<details open", "<object data=", "<embed src", "<input autofocus", "<marquee",
        "<source onerror", "<base href=\"//hbx", "<meta http-equiv=\"refresh\" content=\"0;url=javascript", "<link rel=stylesheet href=//hbx",
        "<form action=\"//hbx", "<b>hbx</b>", "<style>*{background", "<template><img", "<xmp><img", "<math><mtext>",
    ];

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "data", "srcdoc", "xlink:href", "poster", "content"];

    /// <summary>Every live piece of hostile markup on the page, described; empty when the page is safe.</summary>
    public static List<string> Find(string html)
    {
        var found = new List<string>();
        foreach (var opening in RawOpenings)
        {
            if (html.Contains(opening, StringComparison.OrdinalIgnoreCase)) found.Add($"raw \"{opening}\"");
        }

        var document = HtmlForms.Parse(html);
        foreach (var e in document.All)
        {
            foreach (var a in e.Attributes)
            {
                // The app writes no inline handlers (its CSP forbids them), so any on* attribute was injected.
                if (a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) found.Add($"<{e.LocalName} {a.Name}=…>");
                if (UrlAttributes.Contains(a.Name, StringComparer.OrdinalIgnoreCase) && DangerousUrl(a.Value))
                {
                    found.Add($"<{e.LocalName} {a.Name}=\"{Short(a.Value)}\">");
                }
            }
            var tag = e.LocalName;
            if (tag is "script" or "style" && (e.TextContent.Contains("hbx", StringComparison.Ordinal) || e.TextContent.Contains("alert(", StringComparison.Ordinal)))
            {
                found.Add($"<{tag}> with hostile content");
            }
            if (tag is "iframe" or "object" or "embed" or "base" or "marquee" or "xmp" or "frame" or "frameset") found.Add($"<{tag}>");
            if (tag == "meta" && e.GetAttribute("http-equiv") is not null && e.GetAttribute("content")?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true)
            {
                found.Add("<meta http-equiv refresh>");
            }
            if (tag == "img" && e.GetAttribute("src") == "x") found.Add("<img src=x>");
            // An element holding exactly the payloads' marker was made by a payload (<b>hbx</b>, <a …>hbx</a>).
            if (e.ChildElementCount == 0 && e.TextContent == "hbx" && tag is not ("textarea" or "option" or "title")) found.Add($"<{tag}>hbx</{tag}>");
        }
        return found;
    }

    private static bool DangerousUrl(string value)
    {
        var v = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        return v.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || v.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
            || v.StartsWith("data:text/html", StringComparison.OrdinalIgnoreCase) || v.Contains("hbx.example", StringComparison.OrdinalIgnoreCase)
            || v.Contains("url=javascript", StringComparison.OrdinalIgnoreCase);
    }

    private static string Short(string s) => s.Length > 40 ? s[..40] + "…" : s;

    /// <summary>
    /// What of <paramref name="value"/> must be visible where it is shown: its first characters that print, without
    /// white space (pages collapse and trim it), control and format characters (dropped or replaced) or U+FFFD.
    /// </summary>
    public static string Visible(string value, int length = 24)
    {
        var sb = new StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            if (sb.Length >= length) break;
            if (Printable(rune)) sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    /// <summary>The whole text with the same characters left out, to search for <see cref="Visible"/> in.</summary>
    public static string Squeeze(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes()) if (Printable(rune)) sb.Append(rune.ToString());
        return sb.ToString();
    }

    private static bool Printable(Rune r) =>
        !Rune.IsWhiteSpace(r) && r.Value != 0xFFFD && r.Value is not (0xFFFE or 0xFFFF)
        && Rune.GetUnicodeCategory(r) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
        && r.Value is not (>= 0xFE00 and <= 0xFE0F);

    /// <summary>The text a page shows for a value: its text nodes and the current values of its form controls.</summary>
    public static string PageText(string html)
    {
        var document = HtmlForms.Parse(html);
        var sb = new StringBuilder(document.Body?.TextContent ?? "");
        foreach (var input in document.QuerySelectorAll("input[value], textarea, option")) sb.Append(' ').Append(input.GetAttribute("value") ?? input.TextContent);
        sb.Append(' ').Append(document.Title);
        return sb.ToString();
    }
}
