using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HepBuilder.Web.Infrastructure.Web;

/// <summary>
/// Binds dates as date fields post them (year-month-day), and answers anything else with the format expected, next to
/// the field: "The value '12/31' is not valid" left a clinician guessing. The text typed stays on the page.
/// </summary>
public sealed class DateValueBinder : IModelBinder
{
    public const string Format = "yyyy-MM-dd";

    public Task BindModelAsync(ModelBindingContext context)
    {
        var result = context.ValueProvider.GetValue(context.ModelName);
        if (result == ValueProviderResult.None) return Task.CompletedTask;
        context.ModelState.SetModelValue(context.ModelName, result);

        var text = result.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text) && context.ModelMetadata.IsReferenceOrNullableType)
        {
            context.Result = ModelBindingResult.Success(null);
        }
        else if (DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            context.Result = ModelBindingResult.Success(day);
        }
        else
        {
            var name = context.ModelMetadata.DisplayName ?? "The date";
            context.ModelState.TryAddModelError(context.ModelName,
                $"{name}: enter a date as year-month-day, for example {new DateOnly(2027, 3, 4).ToString(Format, CultureInfo.InvariantCulture)}.");
            context.Result = ModelBindingResult.Failed();
        }
        return Task.CompletedTask;
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new DateValueBinder() : null;
    }
}
