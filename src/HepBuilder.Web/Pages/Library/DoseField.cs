using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HepBuilder.Web.Pages.Library;

/// <summary>One number of the dose on the edit form, with its bounds (shown as min/max and in the label's help).</summary>
public sealed record DoseField(string Name, int Value, int Min, int Max, ModelStateDictionary ModelState)
{
    public string Key => "Input." + Name;
    public string Id => "Input_" + Name;
    public string Label => Name switch
    {
        "HoldSeconds" => "Hold (seconds)",
        "TimesPerDay" => "Times per day",
        "DaysPerWeek" => "Days per week",
        "RestSeconds" => "Rest (seconds)",
        _ => Name,
    };

    /// <summary>What was typed, if it was rejected (so "abc" stays visible next to its message), else the value.</summary>
    public string Shown => ModelState.TryGetValue(Key, out var entry) && entry.AttemptedValue is { } attempted
        ? attempted : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string? Error => ModelState.TryGetValue(Key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
