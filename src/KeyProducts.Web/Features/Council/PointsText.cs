using System.Globalization;

namespace KeyProducts.Web.Features.Council;

/// <summary>Reads points typed by a person ("8,5" or "8.5") into hundredths; at most two decimals.</summary>
public static class PointsText
{
    public static bool TryParse(string? input, out long hundredths)
    {
        hundredths = 0;
        if (string.IsNullOrWhiteSpace(input)) return false;
        var text = input.Trim().Replace(',', '.');
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return false;
        if (decimal.Round(value, 2) != value) return false;
        hundredths = (long)(value * 100);
        return true;
    }

    /// <summary>The value to put back in an input: "8.5" (the invariant form a number input understands).</summary>
    public static string ForInput(long hundredths) => (hundredths / 100m).ToString("0.##", CultureInfo.InvariantCulture);
}
