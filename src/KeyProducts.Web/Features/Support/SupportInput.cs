using System.Globalization;
using KeyProducts.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Features.Support;

/// <summary>Reads amounts and rates typed in support forms, putting a message beside the field when they are wrong.
/// Amounts are whole đồng ("300.000.000"); negative or fractional values are refused, not rounded.</summary>
public static class SupportInput
{
    public const long MaxVnd = 1_000_000_000_000_000; // a million tỷ: far above any budget, far below overflow

    public static long? Vnd(ModelStateDictionary ms, string key, string? text, IStringLocalizer l, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                ms.AddModelError(key, l["Cần nhập số tiền."]);
            return null;
        }
        if (!Money.TryParseVnd(text, out var v) || v > MaxVnd)
        {
            ms.AddModelError(key, l["Số tiền phải là số nguyên không âm tính bằng đồng, ví dụ 300.000.000."]);
            return null;
        }
        return v;
    }

    /// <summary>A percentage with up to two decimals ("70", "70,5") as basis points (7050).</summary>
    public static int? Rate(ModelStateDictionary ms, string key, string? text, IStringLocalizer l)
    {
        var s = (text ?? "").Trim().TrimEnd('%').Trim().Replace(',', '.');
        if (
            s.Length is > 0 and <= 6
            && s.All(c => char.IsAsciiDigit(c) || c == '.')
            && decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pct)
            && pct * 100 == decimal.Truncate(pct * 100)
            && pct is > 0 and <= 100
        )
            return (int)(pct * 100);
        ms.AddModelError(key, l["Tỷ lệ hỗ trợ là phần trăm lớn hơn 0 và không quá 100, tối đa hai chữ số thập phân."]);
        return null;
    }

    public static string Percent(int basisPoints) => (basisPoints / 100m).ToString("0.##", VnFormat.Culture);

    public static string? Amount(long? v) => v is { } x ? VnFormat.Vnd(x) : null;
}
