using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace HepBuilder.Tests.Security.Hostile;

/// <summary>One control of a form: its name, the value a browser would submit (null: not submitted), and its kind.</summary>
public sealed record FormField(string Name, string? Value, string Kind);

/// <summary>A POST form as the page renders it: where it posts, how it is encoded, and its controls in order.</summary>
public sealed record HtmlForm(string Action, bool Multipart, IReadOnlyList<FormField> Fields)
{
    public const string TokenName = "__RequestVerificationToken";

    /// <summary>The controls a hostile value can be put in: every named one except the antiforgery token and file inputs.</summary>
    public IEnumerable<string> Targets => Fields.Where(f => f.Name != TokenName && f.Kind != "file").Select(f => f.Name).Distinct();

    public string? Token => Fields.FirstOrDefault(f => f.Name == TokenName)?.Value;
}

/// <summary>Reads POST forms off a page the way a browser builds a submission (checked boxes only, selected options).</summary>
public static class HtmlForms
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static IReadOnlyList<HtmlForm> PostForms(string html, string pageUrl)
    {
        var document = Parse(html);
        return document.QuerySelectorAll<IHtmlFormElement>("form")
            .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            .Select(f => new HtmlForm(ActionOf(f, pageUrl), f.GetAttribute("enctype") == "multipart/form-data", FieldsOf(document, f)))
            .ToList();
    }

    private static string ActionOf(IHtmlFormElement form, string pageUrl)
    {
        var action = form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? pageUrl : action;
    }

    private static List<FormField> FieldsOf(IDocument document, IHtmlFormElement form)
    {
        // Controls inside the form, and those outside that name it with form="id".
        var controls = form.QuerySelectorAll("input, select, textarea").ToList();
        if (form.Id is { Length: > 0 } id)
        {
            controls.AddRange(document.QuerySelectorAll($"input[form='{id}'], select[form='{id}'], textarea[form='{id}']"));
        }
        var fields = new List<FormField>();
        foreach (var c in controls)
        {
            var name = c.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || c.HasAttribute("disabled")) continue;
            switch (c)
            {
                case IHtmlInputElement input:
                    var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
                    if (type is "submit" or "button" or "image" or "reset") continue;
                    var value = input.GetAttribute("value") ?? (type is "checkbox" or "radio" ? "on" : "");
                    fields.Add(new FormField(name, type is "checkbox" or "radio" && !input.HasAttribute("checked") ? null : type == "file" ? null : value, type));
                    break;
                case IHtmlSelectElement select:
                    var options = select.QuerySelectorAll("option").ToList();
                    var chosen = options.FirstOrDefault(o => o.HasAttribute("selected")) ?? options.FirstOrDefault();
                    fields.Add(new FormField(name, chosen is null ? null : chosen.GetAttribute("value") ?? chosen.TextContent, "select"));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new FormField(name, area.Value, "textarea"));
                    break;
            }
        }
        return fields;
    }
}
