using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace HepBuilder.Web.Infrastructure.Web;

/// <summary>
/// Refuses text holding NUL, which PostgreSQL cannot store: the save failed with a 500. URL-encoded forms never get
/// here with one (the framework refuses the body with 400), but multipart forms do (the clinic profile, which takes
/// a logo). The field gets a message and the page answers 400, like any other bad input; otherwise MVC's own
/// binder does the binding.
/// </summary>
public sealed class NulTextBinder(IModelBinder inner) : IModelBinder
{
    public const string Message = "Remove the NUL character from this text.";

    public Task BindModelAsync(ModelBindingContext context)
    {
        var result = context.ValueProvider.GetValue(context.ModelName);
        if (result == ValueProviderResult.None || !result.Values.Any(v => v?.Contains('\0') == true)) return inner.BindModelAsync(context);
        context.ModelState.SetModelValue(context.ModelName, result.FirstValue?.Replace("\0", ""), result.FirstValue?.Replace("\0", ""));
        context.ModelState.TryAddModelError(context.ModelName, Message);
        context.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.ModelType == typeof(string)
                ? new NulTextBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
                : null;
    }
}
