using System.Globalization;
using KeyProducts.Core.Program;

namespace KeyProducts.Web.Features.Program;

/// <summary>Vietnamese labels (localizer keys) for figures, and the links from each figure to its records.</summary>
public static class KpiText
{
    public static string Origin(FigureOrigin o) =>
        o switch
        {
            FigureOrigin.Computed => "Tính từ hồ sơ công nhận",
            FigureOrigin.Reported => "Tổng hợp từ báo cáo năm",
            FigureOrigin.Historical => "Số liệu đã công bố",
            FigureOrigin.Mixed => "Kết hợp số liệu công bố và hồ sơ",
            _ => "Chưa có số liệu",
        };

    public static string OriginBadge(FigureOrigin o) =>
        o switch
        {
            FigureOrigin.Computed => "text-bg-success",
            FigureOrigin.Reported => "text-bg-primary",
            FigureOrigin.Historical => "text-bg-secondary",
            FigureOrigin.Mixed => "text-bg-info",
            _ => "text-bg-light",
        };

    public static string Status(TargetStatus s) =>
        s switch
        {
            TargetStatus.Below => "Chưa đạt",
            TargetStatus.Within => "Đạt (trong khoảng)",
            TargetStatus.Above => "Vượt mức tối đa",
            TargetStatus.Reached => "Đạt",
            _ => "Chưa có số liệu",
        };

    public static string StatusBadge(TargetStatus s) =>
        s switch
        {
            TargetStatus.Below => "text-bg-warning",
            TargetStatus.Within or TargetStatus.Reached or TargetStatus.Above => "text-bg-success",
            _ => "text-bg-light",
        };

    public static string Basis(FigureBasis b) =>
        b switch
        {
            FigureBasis.Products => "Sản phẩm được công nhận",
            FigureBasis.Enterprises => "Toàn doanh nghiệp",
            _ => "Toàn thành phố",
        };

    public static string Unit(KpiUnit u) => KpiIndicators.UnitVi(u);

    /// <summary>A source list shortened for tables: "S9; S9b" when the sources were cited by code, else the
    /// start.</summary>
    public static string ShortSource(string source)
    {
        var parts = source.Split("; ", StringSplitOptions.RemoveEmptyEntries);
        var codes = parts
            .Select(p => p.IndexOf(':', StringComparison.Ordinal) is var i and > 0 and <= 6 ? p[..i] : null)
            .ToList();
        if (codes.All(c => c is not null))
            return string.Join("; ", codes);
        return source.Length <= 80 ? source : source[..77] + "…";
    }

    public static string Span(int from, int to) =>
        from == to
            ? from.ToString(CultureInfo.InvariantCulture)
            : $"{from.ToString(CultureInfo.InvariantCulture)}–{to.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The value as shown: vi-VN number, or "chưa có số liệu".</summary>
    public static string Value(YearFigure f, KpiUnit unit) => KpiFormat.Value(f.Value, unit);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Recognitions of a span of years (optionally Top 10, a sector, a commune, a round).</summary>
    public static string Recognitions(
        int from,
        int to,
        bool top10 = false,
        int? sector = null,
        string? commune = null,
        int? round = null
    )
    {
        var url = $"/Leaders/Records?kind=recognitions&from={I(from)}&to={I(to)}";
        if (top10)
            url += "&top10=true";
        if (sector is { } s)
            url += "&sector=" + I(s);
        if (commune is not null)
            url += "&commune=" + Uri.EscapeDataString(commune);
        if (round is { } r)
            url += "&round=" + I(r);
        return url;
    }

    public static string Dossiers(int round, string stage) =>
        $"/Leaders/Records?kind=dossiers&round={I(round)}&stage={stage}";

    public static string Reports(int year) => $"/Leaders/Records?kind=reports&from={I(year)}&to={I(year)}";

    /// <summary>Outreach records of a span: "events", "attendees", "targets" (stage "mobilized"),
    /// "outreach-submissions".</summary>
    public static string Outreach(string kind, int from, int to, string? stage = null) =>
        $"/Leaders/Records?kind={kind}&from={I(from)}&to={I(to)}" + (stage is null ? "" : "&stage=" + stage);

    public static string Measurement(int id) => $"/Leaders/Records?kind=measurement&id={I(id)}";

    /// <summary>Where a figure's number leads: its published measurement, its reports or its recognitions.</summary>
    public static string For(KpiIndicator indicator, YearFigure f, int from, int to, int? sector = null)
    {
        if (f.Origin == FigureOrigin.Historical && f.MeasurementId is { } id)
            return Measurement(id);
        if (indicator == KpiIndicator.OutreachEvents)
            return Outreach("events", from, to);
        if (
            f.Origin == FigureOrigin.Reported
            || indicator
                is KpiIndicator.Revenue
                    or KpiIndicator.ProductionValue
                    or KpiIndicator.Export
                    or KpiIndicator.ProductionValueGrowth
                    or KpiIndicator.IndustrialOutputShare
                    or KpiIndicator.ExportShare
                    or KpiIndicator.EnterprisesAbove1000Billion
        )
            return Reports(f.Year == 0 ? to : f.Year);
        return Recognitions(from, to, indicator == KpiIndicator.Top10Products, sector);
    }
}
