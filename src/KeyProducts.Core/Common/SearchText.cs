using System.Globalization;
using System.Text;

namespace KeyProducts.Core.Common;

/// <summary>Folds Vietnamese text for search: NFD, marks removed, đ→d, lower case, single spaces.</summary>
public static class SearchText
{
    public const int MaxQueryLength = 200;

    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var ch in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (
                cat
                is UnicodeCategory.NonSpacingMark
                    or UnicodeCategory.SpacingCombiningMark
                    or UnicodeCategory.EnclosingMark
            )
                continue;
            var c = ch switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(ch),
            };
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                    sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            sb.Append(c);
            lastWasSpace = false;
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Folds a user query and bounds its length, so any input is a safe LIKE operand.</summary>
    public static string Query(string? q)
    {
        var folded = Fold(q);
        if (folded.Length > MaxQueryLength)
            folded = folded[..MaxQueryLength];
        return folded;
    }

    /// <summary>Escapes LIKE wildcards; use with ESCAPE '\'.</summary>
    public static string LikePattern(string folded) =>
        "%"
        + folded
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
        + "%";

    /// <summary>Joins several texts into one folded search column.</summary>
    public static string Column(params string?[] parts) =>
        Fold(string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p))));

    /// <summary>The separator of <see cref="Directory"/>: a newline, which <see cref="Fold"/> turns into a space,
    /// so a folded query never contains it and no match can run from the product's text into the
    /// enterprise's.</summary>
    public const char DirectorySeparator = '\n';

    /// <summary>Product and enterprise search texts (both already folded) in one column: a LIKE over it matches
    /// exactly when a LIKE over either of them does.</summary>
    public static string Directory(string productSearchText, string? enterpriseSearchText) =>
        productSearchText + DirectorySeparator + (enterpriseSearchText ?? "");
}
