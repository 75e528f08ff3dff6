namespace KeyProducts.Core.Common;

/// <summary>Amounts are integers: VND as whole đồng, USD in cents, points in hundredths.</summary>
public static class Money
{
    public const long OneBillionVnd = 1_000_000_000L; // 1 tỷ đồng
    public const long OneMillionUsdCents = 1_000_000_00L;

    /// <summary>Parses a Vietnamese-formatted integer amount: "100.000.000.000", "100 000 000 000" or
    /// "100000000000".</summary>
    public static bool TryParseVnd(string? input, out long value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(input))
            return false;
        var s = input.Trim();
        if (s.EndsWith("đ", StringComparison.OrdinalIgnoreCase))
            s = s[..^1].TrimEnd();
        if (s.EndsWith("VND", StringComparison.OrdinalIgnoreCase))
            s = s[..^3].TrimEnd();
        var digits = new System.Text.StringBuilder();
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
                digits.Append(c);
            else if (c is '.' or ' ' or '\u00A0')
                continue;
            else
                return false;
        }
        if (digits.Length is 0 or > 18)
            return false;
        // Group separators must group by three, so "1.00" or "10.5" (decimals) are rejected.
        var groups = s.Split(['.', ' ', '\u00A0'], StringSplitOptions.None);
        if (groups.Length > 1 && (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3)))
            return false;
        return long.TryParse(
            digits.ToString(),
            System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture,
            out value
        );
    }

    /// <summary>Parses a USD amount with up to two decimals, Vietnamese style ("1.250.000,50") or plain ("1250000.50"),
    /// into cents.</summary>
    public static bool TryParseUsdCents(string? input, out long cents)
    {
        cents = 0;
        if (string.IsNullOrWhiteSpace(input))
            return false;
        var s = input.Trim().TrimStart('$').Replace("USD", "", StringComparison.OrdinalIgnoreCase).Trim();
        string whole = s,
            frac = "";
        var comma = s.LastIndexOf(',');
        if (comma >= 0)
        {
            whole = s[..comma];
            frac = s[(comma + 1)..];
        }
        else
        {
            var lastDot = s.LastIndexOf('.');
            if (lastDot >= 0 && s.Length - lastDot - 1 is 1 or 2 && s.Count(c => c == '.') == 1)
            {
                whole = s[..lastDot];
                frac = s[(lastDot + 1)..];
            }
        }
        if (frac.Length > 2 || !frac.All(char.IsAsciiDigit))
            return false;
        if (!TryParseVnd(whole, out var units))
            return false;
        if (units > long.MaxValue / 100 - 100)
            return false;
        cents =
            units * 100
            + (
                frac.Length == 0
                    ? 0
                    : int.Parse(frac.PadRight(2, '0'), System.Globalization.CultureInfo.InvariantCulture)
            );
        return true;
    }
}
