using System.Globalization;

namespace KeyProducts.Core.Rulebook;

/// <summary>Points as typed by an officer or a council member ("10", "7,5", "2,25") into hundredths of a
/// point.</summary>
public static class PointsText
{
    public static bool TryParseHundredths(string? input, out long hundredths)
    {
        hundredths = 0;
        if (string.IsNullOrWhiteSpace(input))
            return false;
        var s = input.Trim().Replace(',', '.');
        if (s.Length > 10 || s.StartsWith('-') || s.StartsWith('+'))
            return false;
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return false;
        if (decimal.Round(value, 2) != value || value > 100_000)
            return false;
        hundredths = (long)(value * 100);
        return true;
    }

    /// <summary>The value to put back in a number input: "8.5" (the invariant form browsers understand).</summary>
    public static string ForInput(long hundredths) =>
        (hundredths / 100m).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Format(long hundredths) =>
        (hundredths / 100m).ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
}
