using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KeyProducts.Web.Infrastructure.Web;

/// <summary>Binds checkboxes ("true,false" from the hidden field, "on", "1") and refuses anything else with a message.
/// The framework's binder keeps an unparsable value such as "abc" in ModelState, and the checkbox tag helper then
/// throws a
/// FormatException while re-rendering the form: a 500 instead of the form with its message.</summary>
public sealed class BooleanModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext ctx)
    {
        var result = ctx.ValueProvider.GetValue(ctx.ModelName);
        if (result == ValueProviderResult.None)
            return Task.CompletedTask;
        var text = result.FirstValue?.Trim();
        bool? value = text?.ToLowerInvariant() switch
        {
            "true" or "on" or "1" => true,
            "false" or "off" or "0" => false,
            _ => null,
        };
        // The raw value is always a bool, so the form can be shown again whatever was posted.
        ctx.ModelState.SetModelValue(ctx.ModelName, value ?? false, result.FirstValue);
        if (value is { } b)
            ctx.Result = ModelBindingResult.Success(b);
        else if (string.IsNullOrEmpty(text) && Nullable.GetUnderlyingType(ctx.ModelType) is not null)
            ctx.Result = ModelBindingResult.Success(null);
        else
            ctx.ModelState.TryAddModelError(
                ctx.ModelName,
                ctx.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(
                    text ?? "",
                    ctx.ModelMetadata.GetDisplayName()
                )
            );
        return Task.CompletedTask;
    }
}

public sealed class BooleanModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(bool) || context.Metadata.ModelType == typeof(bool?)
            ? new BooleanModelBinder()
            : null;
}
