using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace KeyProducts.Web.Infrastructure.Localization;

/// <summary>Reads the UI language from ?lang= or the culture cookie, keeping vi-VN formats. Unknown values are
/// ignored.</summary>
public sealed class UiCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var q = httpContext.Request.Query["lang"].ToString();
        var value = !string.IsNullOrEmpty(q) ? q : httpContext.Request.Cookies[AppCultures.CookieName];
        var ui = Normalize(value);
        return Task.FromResult(ui is null ? null : new ProviderCultureResult(AppCultures.Format.Name, ui));
    }

    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 20)
            return null;
        return value.Trim().ToLowerInvariant() switch
        {
            "en" or "en-us" or "en-gb" => "en",
            "vi" or "vi-vn" => "vi-VN",
            _ => null,
        };
    }

    public static CultureInfo Ui(string normalized) => CultureInfo.GetCultureInfo(normalized);
}
