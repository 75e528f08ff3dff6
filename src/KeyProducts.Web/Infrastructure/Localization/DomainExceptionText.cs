using KeyProducts.Core.Common;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Infrastructure.Localization;

public static class DomainExceptionText
{
    /// <summary>The broken rule in the user's language: the Vietnamese template is the translation key, and so is each
    /// <see cref="Term"/> inserted into it (a state or stage name).</summary>
    public static string Localized(this DomainException e, IStringLocalizer l) =>
        e.Template.Length == 0 ? e.Message : l[e.Template, [.. e.Args.Select(a => a is Term t ? l[t.Vi].Value : a)]];
}
