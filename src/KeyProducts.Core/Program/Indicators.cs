namespace KeyProducts.Core.Program;

/// <summary>What a target or a measurement is about (program.md §7 KPI model).</summary>
public enum KpiIndicator
{
    RecognizedProducts,
    RecognizedEnterprises,

    /// <summary>Cumulative count published for a span of years (e.g. 2005–2010: 53 products), used only as
    /// history.</summary>
    RecognizedProductsCumulative,
    RecognizedEnterprisesCumulative,
    Top10Products,
    IndustrialOutputShare,
    ExportShare,
    ProductionValueGrowth,
    Revenue,
    ProductionValue,
    Export,
    EnterpriseTimesSupported,
    EnterprisesAbove1000Billion,
    EnterprisesInVnr500,
    OutreachEvents,

    /// <summary>City denominator: industrial production value of the whole city (statistics office).</summary>
    CityIndustrialOutput,

    /// <summary>City denominator: export turnover of the whole city (statistics office).</summary>
    CityExport,
}

public enum KpiUnit
{
    Count,
    Percent,
    BillionVnd,
    MillionUsd,
    EnterpriseTimes,
}

/// <summary>What a figure counts: the recognized products, their whole enterprises, or the whole city.</summary>
public enum FigureBasis
{
    Products,
    Enterprises,
    City,
}

public static class KpiIndicators
{
    public static KpiUnit UnitOf(KpiIndicator i) =>
        i switch
        {
            KpiIndicator.IndustrialOutputShare or KpiIndicator.ExportShare or KpiIndicator.ProductionValueGrowth =>
                KpiUnit.Percent,
            KpiIndicator.Revenue or KpiIndicator.ProductionValue or KpiIndicator.CityIndustrialOutput =>
                KpiUnit.BillionVnd,
            KpiIndicator.Export or KpiIndicator.CityExport => KpiUnit.MillionUsd,
            KpiIndicator.EnterpriseTimesSupported => KpiUnit.EnterpriseTimes,
            _ => KpiUnit.Count,
        };

    public static bool IsDenominator(KpiIndicator i) =>
        i is KpiIndicator.CityIndustrialOutput or KpiIndicator.CityExport;

    public static string NameVi(KpiIndicator i) =>
        i switch
        {
            KpiIndicator.RecognizedProducts => "Số sản phẩm được công nhận",
            KpiIndicator.RecognizedEnterprises => "Số doanh nghiệp có sản phẩm được công nhận",
            KpiIndicator.RecognizedProductsCumulative => "Số sản phẩm được công nhận (lũy kế đã công bố)",
            KpiIndicator.RecognizedEnterprisesCumulative => "Số doanh nghiệp được công nhận (lũy kế đã công bố)",
            KpiIndicator.Top10Products => "Số sản phẩm Top 10",
            KpiIndicator.IndustrialOutputShare => "Tỷ trọng trong giá trị sản xuất công nghiệp thành phố",
            KpiIndicator.ExportShare => "Tỷ trọng trong kim ngạch xuất khẩu thành phố",
            KpiIndicator.ProductionValueGrowth => "Tăng trưởng giá trị sản xuất",
            KpiIndicator.Revenue => "Doanh thu",
            KpiIndicator.ProductionValue => "Giá trị sản xuất",
            KpiIndicator.Export => "Kim ngạch xuất khẩu",
            KpiIndicator.EnterpriseTimesSupported => "Số lượt doanh nghiệp được hỗ trợ",
            KpiIndicator.EnterprisesAbove1000Billion => "Số doanh nghiệp doanh thu trên 1.000 tỷ đồng",
            KpiIndicator.EnterprisesInVnr500 => "Số doanh nghiệp thuộc VNR500",
            KpiIndicator.OutreachEvents => "Số hoạt động tuyên truyền, vận động",
            KpiIndicator.CityIndustrialOutput => "Giá trị sản xuất công nghiệp toàn thành phố",
            KpiIndicator.CityExport => "Kim ngạch xuất khẩu toàn thành phố",
            _ => i.ToString(),
        };

    public static string UnitVi(KpiUnit u) =>
        u switch
        {
            KpiUnit.Count => "đơn vị",
            KpiUnit.Percent => "%",
            KpiUnit.BillionVnd => "tỷ đồng",
            KpiUnit.MillionUsd => "triệu USD",
            KpiUnit.EnterpriseTimes => "lượt doanh nghiệp",
            _ => u.ToString(),
        };

    public static string BasisVi(FigureBasis b) =>
        b switch
        {
            FigureBasis.Products => "sản phẩm được công nhận",
            FigureBasis.Enterprises => "toàn doanh nghiệp",
            FigureBasis.City => "toàn thành phố",
            _ => b.ToString(),
        };

    /// <summary>Parses an indicator by its code name, ignoring case; used by the importers.</summary>
    public static bool TryParse(string? s, out KpiIndicator indicator) =>
        Enum.TryParse(s?.Trim(), ignoreCase: true, out indicator) && Enum.IsDefined(indicator);
}
