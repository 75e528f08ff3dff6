using KeyProducts.Core.Common;

namespace KeyProducts.Core.Program;

public static class KpiFormat
{
    public const string NoData = "chưa có số liệu";

    /// <summary>vi-VN number with up to 2 decimals: 146,25 and 1.234.</summary>
    public static string Number(decimal v) => v.ToString("#,0.##", VnFormat.Culture);

    public static string Percent(decimal? v) => v is null ? NoData : Number(v.Value) + " %";

    public static string Value(decimal? v, KpiUnit unit) =>
        v is null ? NoData
        : unit == KpiUnit.Percent ? Percent(v)
        : Number(v.Value);
}
