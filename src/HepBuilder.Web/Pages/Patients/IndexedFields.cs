using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HepBuilder.Web.Pages.Patients;

/// <summary>
/// Names, ids, values and messages for fields of list rows ("Input.Precautions[3].Kind"), written by hand in the
/// views. asp-for on an indexed expression compiles the expression on every render (measured ~750 ms for 20
/// precaution rows, ~275 ms for a five-exercise template); these plain strings cost nothing.
/// </summary>
public static class IndexedFields
{
    public static string Name(string list, int index, string field) => $"{list}[{index}].{field}";

    /// <summary>The id asp-for would give ("Input_Precautions_3__Kind"), so labels and scripts agree.</summary>
    public static string Id(string list, int index, string field) => $"{list.Replace('.', '_')}_{index}__{field}";

    /// <summary>What the user typed when the form came back with errors, else the model's value.</summary>
    public static string Value(ModelStateDictionary state, string name, object? model) =>
        state.TryGetValue(name, out var entry) && entry.AttemptedValue is { } attempted ? attempted : Format(model);

    public static string? Error(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage is { Length: > 0 } m ? m : "This value is not valid." : null;

    public static IEnumerable<string> Errors(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
