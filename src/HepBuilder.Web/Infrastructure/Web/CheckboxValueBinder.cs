using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HepBuilder.Web.Infrastructure.Web;

/// <summary>
/// Binds booleans (checkboxes) so that a value other than true/false, which only a forged post can send, is a
/// validation error like any other bad input: 400 and the page again. MVC's own binder records the error too, but
/// keeps the bad text as the field's attempted value, and the checkbox tag helper then throws FormatException while
/// re-rendering the page (a 500 for every form with a checkbox). Here the attempted value kept is false.
/// </summary>
public sealed class CheckboxValueBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var result = context.ValueProvider.GetValue(context.ModelName);
        if (result == ValueProviderResult.None) return Task.CompletedTask;

        var text = result.FirstValue;
        if (string.IsNullOrWhiteSpace(text) && context.ModelMetadata.IsReferenceOrNullableType)
        {
            context.ModelState.SetModelValue(context.ModelName, result);
            context.Result = ModelBindingResult.Success(null);
        }
        else if (bool.TryParse(text?.Trim(), out var value))
        {
            context.ModelState.SetModelValue(context.ModelName, result);
            context.Result = ModelBindingResult.Success(value);
        }
        else
        {
            context.ModelState.SetModelValue(context.ModelName, false, "false");
            context.ModelState.TryAddModelError(context.ModelName,
                context.ModelMetadata.ModelBindingMessageProvider.ValueIsInvalidAccessor(text ?? ""));
            context.Result = ModelBindingResult.Failed();
        }
        return Task.CompletedTask;
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType == typeof(bool) ? new CheckboxValueBinder() : null;
    }
}
