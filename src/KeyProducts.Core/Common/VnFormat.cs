using System.Globalization;

namespace KeyProducts.Core.Common;

/// <summary>vi-VN formats: "1.234.567", "26/11/2021".</summary>
public static class VnFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    public static string Vnd(long amount) => amount.ToString("#,0", Culture);

    public static string Usd(long cents) =>
        cents % 100 == 0 ? (cents / 100).ToString("#,0", Culture) : (cents / 100m).ToString("#,0.00", Culture);

    public static string Points(long hundredths) => (hundredths / 100m).ToString("0.##", Culture);

    public static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset utc) =>
        VietnamTime.ToLocal(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset utc) =>
        VietnamTime.ToLocal(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"ngày 26 tháng 11 năm 2021", as administrative documents write dates.</summary>
    public static string LongDate(DateOnly d) => $"ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}";
}
