using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KeyProducts.Web.Infrastructure.Web;

/// <summary>Binds DateOnly from what people type and what programs send: 26/11/2021, 26-11-2021, 26.11.2021 (day first,
/// as
/// in Vietnam) or ISO 2021-11-26 — whatever culture the value provider reports, so a browser can never swap day and
/// month.</summary>
public sealed class DateOnlyModelBinder : IModelBinder
{
    private static readonly string[] Formats =
    [
        "d/M/yyyy",
        "d-M-yyyy",
        "d.M.yyyy",
        "yyyy-M-d",
        "yyyy-MM-ddTHH:mm",
        "yyyy-MM-ddTHH:mm:ss",
    ];

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 30)
            return false;
        var s = text.Trim();
        if (DateOnly.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        if (DateTime.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }
        return false;
    }

    public Task BindModelAsync(ModelBindingContext ctx)
    {
        var result = ctx.ValueProvider.GetValue(ctx.ModelName);
        if (result == ValueProviderResult.None)
            return Task.CompletedTask;
        ctx.ModelState.SetModelValue(ctx.ModelName, result);
        var text = result.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            // Empty: null for DateOnly?, a "required" error for DateOnly (as the framework does).
            if (Nullable.GetUnderlyingType(ctx.ModelType) is null)
                ctx.ModelState.TryAddModelError(
                    ctx.ModelName,
                    ctx.ModelMetadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(text ?? "")
                );
            else
                ctx.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
        if (TryParse(text, out var date))
            ctx.Result = ModelBindingResult.Success(date);
        else
            ctx.ModelState.TryAddModelError(
                ctx.ModelName,
                ctx.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(
                    text,
                    ctx.ModelMetadata.GetDisplayName()
                )
            );
        return Task.CompletedTask;
    }
}

public sealed class DateOnlyModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(DateOnly) || context.Metadata.ModelType == typeof(DateOnly?)
            ? new DateOnlyModelBinder()
            : null;
}
