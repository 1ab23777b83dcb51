using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>
/// Names, ids and values of the per-item fields, written by hand rather than with asp-for: an asp-for over an indexed
/// expression (Input.Items[i].Sets) is compiled on every use, which made a 4-item builder take ~100 ms to render and a
/// 40-item one over a second. A posted value that failed to bind is shown back as typed, as asp-for would.
/// </summary>
public static class BuilderFields
{
    public static string Name(int index, string field) => $"Input.Items[{index}].{field}";

    public static string Id(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public static string Value(ModelStateDictionary state, string name, object? model) =>
        state.TryGetValue(name, out var entry) && entry.AttemptedValue is { } attempted
            ? attempted
            : Convert.ToString(model, CultureInfo.InvariantCulture) ?? "";

    public static string Invalid(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) && entry.ValidationState == ModelValidationState.Invalid ? " is-invalid" : "";

    /// <summary>
    /// The field's first error message, or nothing — what Html.ValidationMessage shows, without the empty placeholder
    /// it wrote for each of the ten fields of every item (no script on this page fills them in; a 10-item builder
    /// rendered ~100 of them a view).
    /// </summary>
    public static IHtmlContent Error(ModelStateDictionary state, string name)
    {
        var message = state.TryGetValue(name, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).FirstOrDefault(m => !string.IsNullOrEmpty(m))
            : null;
        return message is null
            ? HtmlString.Empty
            : new HtmlContentBuilder().AppendHtml("<span class=\"text-danger small d-block field-validation-error\">")
                .Append(message).AppendHtml("</span>");
    }

    /// <summary>
    /// A handler URL with extra query values, from a base made once per page with Url.Page: the Move, Remove and Add
    /// buttons (forty on a 10-item builder) each ran the link generator through a tag helper before.
    /// </summary>
    public static string Action(string handlerUrl, params (string Key, object Value)[] values) =>
        handlerUrl + string.Concat(values.Select(v =>
            $"&{v.Key}={UrlEncoder.Default.Encode(Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "")}"));
}
