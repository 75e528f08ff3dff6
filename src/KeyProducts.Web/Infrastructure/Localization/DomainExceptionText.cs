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

public static class RowErrorText
{
    /// <summary>An import row's message in the user's language: each part's template is its key; a message without
    /// parts is itself the key (a fixed sentence).</summary>
    public static string Localized(this Core.Program.RowError e, IStringLocalizer l) =>
        e.Parts.Count == 0
            ? l[e.Message]
            : string.Join(
                " ",
                e.Parts.Select(p => l[p.Template, [.. p.Args.Select(a => a is Term t ? l[t.Vi].Value : a)]].Value)
            );
}
