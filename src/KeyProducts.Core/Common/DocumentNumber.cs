using System.Text.RegularExpressions;

namespace KeyProducts.Core.Common;

/// <summary>Administrative document number and symbol (số, ký hiệu), e.g. "5012/QĐ-UBND" or
/// "75/2009/QĐ-UBND".</summary>
public sealed partial record DocumentNumber(string Number, string Symbol)
{
    public override string ToString() => $"{Number}/{Symbol}";

    public static bool TryParse(string? input, out DocumentNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(input))
            return false;
        var m = Pattern().Match(input.Trim().Normalize(System.Text.NormalizationForm.FormC));
        if (!m.Success)
            return false;
        var n = m.Groups["n"].Value;
        if (n.Length == 1)
            n = "0" + n; // NĐ 30/2020: numbers below 10 take a leading zero
        number = new DocumentNumber(n, m.Groups["s"].Value);
        return true;
    }

    public static DocumentNumber Parse(string input) =>
        TryParse(input, out var n) ? n! : throw new FormatException($"Not a document number: {input}");

    [GeneratedRegex(
        @"^(?:Số[:\s]*)?(?<n>\d{1,6})/(?<s>(?:\d{4}/)?[\p{L}\d]+(?:-[\p{L}\d&]+)+)$",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Pattern();
}
