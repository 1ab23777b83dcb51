using System.Globalization;
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
}
