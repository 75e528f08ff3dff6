using KeyProducts.Web.Features.Enterprises;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Shared;

public static class FormErrors
{
    /// <summary>Puts use-case errors beside their fields (prefix = the bound property, e.g. "Input").</summary>
    public static void AddErrors(
        this ModelStateDictionary ms,
        IEnumerable<FieldError> errors,
        string prefix,
        IStringLocalizer<SharedResource> l
    )
    {
        foreach (var e in errors)
            ms.AddModelError(prefix.Length == 0 ? e.Field : $"{prefix}.{e.Field}", l[e.Message, e.Args]);
    }
}
