using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace KeyProducts.Web.Infrastructure.Web;

/// <summary>Bidirectional control characters (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates) let a
/// text
/// display as something else: "hop-dong\u202Eexe.pdf" reads "hop-dongfdp.exe". Vietnamese text never needs
/// them.</summary>
public static class BidiText
{
    public static bool IsControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    public static string Strip(string s) => s.Any(IsControl) ? new string(s.Where(c => !IsControl(c)).ToArray()) : s;
}

/// <summary>Every string bound from a form, query or route (names, titles, file titles, comments) loses its bidi
/// controls.</summary>
public sealed class BidiStrippingModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string)
            ? new Binder(
                new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>())
            )
            : null;

    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string s } && s.Any(BidiText.IsControl))
                bindingContext.Result = ModelBindingResult.Success(BidiText.Strip(s));
        }
    }
}
