using DocumentFormat.OpenXml.Wordprocessing;
using KeyProducts.Core.Common;
using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Council.Documents;
using Microsoft.EntityFrameworkCore;
using static KeyProducts.Web.Features.Council.Documents.WordDocumentBuilder;

namespace KeyProducts.Web.Features.Program;

/// <summary>The phase evaluation report (báo cáo tổng kết giai đoạn) and the annual results report as Word documents
/// in the Decree 30/2020 layout, each with an Excel annex of its tables. Officers download and finish them: the
/// limitations and proposals section is left for them to write.</summary>
public sealed class ProgramReportDocuments(AppDbContext db, KpiQueries queries, TimeProvider time)
{
    private static readonly JustificationValues C = JustificationValues.Center;
    private static readonly JustificationValues Lf = JustificationValues.Left;
    private static readonly JustificationValues R = JustificationValues.Right;

    public sealed record Document(string FileName, byte[] Bytes);

    private sealed record TopLine(int Year, string Product, string Enterprise);

    public async Task<Document?> PhaseEvaluationAsync(int phaseId, CancellationToken ct)
    {
        var d = await queries.LoadAsync(new KpiFilter(phaseId), ct);
        if (d.Phase is not { } phase || phase.Id != phaseId)
            return null;
        var last = Math.Min(phase.EndYear, d.CurrentYear);
        var top = await TopAsync(phase.StartYear, last, ct);
        var w = Header(
            $"Tổng kết giai đoạn {phase.Name} thực hiện Đề án phát triển sản phẩm công nghiệp chủ lực",
            "thành phố Hà Nội"
        );
        w.Line(
            $"Căn cứ {phase.LegalBasis}{(phase.LegalBasisDate is { } bd ? " ngày " + VnFormat.Date(bd) : "")}"
                + $"{(phase.LegalBasisTitle is null ? "" : " về " + phase.LegalBasisTitle)}; Sở Công Thương báo cáo "
                + $"kết "
                + $"quả thực hiện giai đoạn {phase.Name} như sau:",
            italic: true,
            firstLineIndentTwips: 567
        );
        Targets(w, d.Targets, "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
        w.Line("II. SẢN PHẨM ĐƯỢC CÔNG NHẬN THEO NĂM VÀ THEO NGÀNH", bold: true);
        var years = d.Years.Where(y => y.Year >= phase.StartYear && y.Year <= last).ToList();
        w.Table(
            [12, 14, 14, 16, 12, 32],
            ["Năm", "Sản phẩm", "Lũy kế", "Doanh nghiệp", "Top 10", "Nguồn số liệu"],
            years.Select(y =>
                new[]
                {
                    Y(y.Year),
                    N(y.Products.Value),
                    N(d.Cumulative.FirstOrDefault(c => c.Year == y.Year)?.Cumulative.Value),
                    N(y.Enterprises.Value),
                    N(y.Top10.Value),
                    Origin(y.Products),
                }
            ),
            11,
            [C, R, R, R, R, Lf]
        );
        var phaseSummary = d.PhaseSummaries.FirstOrDefault(s => s.Phase.Id == phase.Id);
        if (phaseSummary is not null)
            w.Line(
                $"Cả giai đoạn: {N(phaseSummary.Products.Value)} sản phẩm"
                    + (
                        phaseSummary.Target is { } pt
                            ? $", chỉ tiêu {KpiMath.RangeText(pt.Min, pt.Max, pt.MinExclusive)} "
                                + $"sản phẩm, đạt {KpiFormat.Percent(phaseSummary.Percent)}"
                            : ""
                    )
                    + ".",
                firstLineIndentTwips: 567
            );
        Sectors(w, d);
        TopLists(w, top, "III. DANH SÁCH TOP 10");
        Support(w, d, phase.StartYear, last, "IV. HỖ TRỢ DOANH NGHIỆP");
        Outreach(w, d, phase.StartYear, last, "V. TUYÊN TRUYỀN, VẬN ĐỘNG");
        Officer(w, "VI. TỒN TẠI, HẠN CHẾ VÀ KIẾN NGHỊ, ĐỀ XUẤT CHO GIAI ĐOẠN SAU");
        Signature(w);
        return new($"bao-cao-tong-ket-giai-doan-{phase.StartYear}-{phase.EndYear}.docx", w.ToBytes());
    }

    public async Task<Document?> AnnualResultsAsync(int year, CancellationToken ct)
    {
        var d = await queries.LoadAsync(new KpiFilter(Year: year), ct);
        var phase = d.Progress.PhaseOf(year);
        if (phase is null || year > d.CurrentYear)
            return null;
        d = await queries.LoadAsync(new KpiFilter(phase.Id, year), ct);
        var top = await TopAsync(year, year, ct);
        var w = Header(
            $"Kết quả thực hiện chương trình phát triển sản phẩm công nghiệp chủ lực năm {year}",
            "thành phố Hà Nội"
        );
        Targets(
            w,
            d.Targets.Where(t => t.Target.Year == year || t.FromYear <= year && t.ToYear >= year).ToList(),
            "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"
        );
        w.Line("II. KẾT QUẢ XÉT CHỌN TRONG NĂM", bold: true);
        var y = d.Years.FirstOrDefault(r => r.Year == year);
        if (y is not null)
            w.Line(
                $"Năm {year}: {N(y.Products.Value)} sản phẩm của {N(y.Enterprises.Value)} doanh nghiệp được công nhận, "
                    + $"{N(y.Top10.Value)} sản phẩm Top 10; lũy kế "
                    + $"{N(d.Cumulative.FirstOrDefault(c => c.Year == year)?.Cumulative.Value)} "
                    + $"sản phẩm. Nguồn: {Origin(y.Products)}.",
                firstLineIndentTwips: 567
            );
        var funnel = d.Funnel.FirstOrDefault(f => f.Year == year);
        if (funnel is not null)
            w.Table(
                [20, 20, 20, 20, 20],
                ["Đăng ký", "Đã nộp", "Đủ điều kiện", "Được công nhận", "Top 10"],
                [
                    [
                        Y(funnel.Registered),
                        Y(funnel.Submitted),
                        Y(funnel.Eligible),
                        Y(funnel.Recognized),
                        Y(funnel.Top10),
                    ],
                ],
                11,
                [R, R, R, R, R]
            );
        Sectors(w, d);
        TopLists(w, top, "III. DANH SÁCH TOP 10");
        w.Line("IV. DOANH THU, XUẤT KHẨU VÀ TỶ TRỌNG", bold: true);
        w.Table(
            [22, 13, 13, 13, 13, 13, 13],
            [
                "Phạm vi",
                "Doanh thu (tỷ đồng)",
                "GTSX (tỷ đồng)",
                "Xuất khẩu (triệu USD)",
                "Tăng trưởng GTSX",
                "Tỷ trọng GTSX CN",
                "Tỷ trọng XK",
            ],
            d.Money.Where(m => m.Year == year)
                .Select(m =>
                    new[]
                    {
                        KpiText.Basis(m.Basis),
                        N(m.Revenue.Value),
                        N(m.ProductionValue.Value),
                        N(m.Export.Value),
                        KpiFormat.Percent(m.Growth.Value),
                        KpiFormat.Percent(m.IndustrialShare.Value),
                        KpiFormat.Percent(m.ExportShare.Value),
                    }
                ),
            10,
            [Lf, R, R, R, R, R, R]
        );
        Support(w, d, year, year, "V. HỖ TRỢ DOANH NGHIỆP, TUYÊN TRUYỀN");
        Outreach(w, d, year, year, null);
        Officer(w, "VI. TỒN TẠI, HẠN CHẾ VÀ KIẾN NGHỊ");
        Signature(w);
        return new($"bao-cao-ket-qua-nam-{year}.docx", w.ToBytes());
    }

    /// <summary>The annex: every table of the dashboard for the phase (or the year) as an Excel workbook.</summary>
    public async Task<Document?> AnnexAsync(int phaseId, int? year, Func<string, string> l, CancellationToken ct)
    {
        var d = await queries.LoadAsync(new KpiFilter(phaseId, year), ct);
        if (d.Phase is null || d.Phase.Id != phaseId)
            return null;
        var name = year is { } y
            ? $"phu-luc-bao-cao-nam-{y}.xlsx"
            : $"phu-luc-tong-ket-{d.Phase.StartYear}-{d.Phase.EndYear}.xlsx";
        return new(name, KpiExcelExport.Write(KpiTables.Build(d, l), l));
    }

    private WordDocumentBuilder Header(string subject, string subject2)
    {
        var today = VietnamTime.Today(time);
        var w = new WordDocumentBuilder();
        w.TwoColumns(
            41,
            [
                P("UBND THÀNH PHỐ HÀ NỘI", size: 12),
                P("SỞ CÔNG THƯƠNG", bold: true, size: 12),
                P("________", size: 12),
                P("Số:        /BC-SCT", size: 13),
            ],
            [
                P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 12),
                P("Độc lập - Tự do - Hạnh phúc", bold: true),
                P("________________", size: 12),
                P($"Hà Nội, ngày      tháng      năm {today.Year}", italic: true),
            ]
        );
        w.Blank()
            .Center("BÁO CÁO", bold: true, size: 14)
            .Center(subject, bold: true)
            .Center(subject2, bold: true)
            .Center("________")
            .Blank();
        return w;
    }

    private static void Targets(WordDocumentBuilder w, IReadOnlyList<TargetProgress> targets, string title)
    {
        w.Line(title, bold: true);
        if (targets.Count == 0)
        {
            w.Line("Giai đoạn chưa có chỉ tiêu được giao.", firstLineIndentTwips: 567);
            return;
        }
        w.Table(
            [26, 9, 14, 14, 10, 12, 15],
            ["Chỉ tiêu", "Năm", "Mục tiêu", "Thực hiện", "% đạt", "Đánh giá", "Nguồn số liệu"],
            targets.Select(t =>
                new[]
                {
                    KpiIndicators.NameVi(t.Target.Indicator)
                        + " ("
                        + KpiText.Basis(t.Target.Basis).ToLowerInvariant()
                        + ")",
                    KpiText.Span(t.FromYear, t.ToYear),
                    KpiMath.RangeText(t.Target.Min, t.Target.Max, t.Target.MinExclusive)
                        + " "
                        + KpiText.Unit(t.Target.Unit),
                    KpiFormat.Value(t.Actual.Value, t.Target.Unit),
                    KpiFormat.Percent(t.Percent),
                    KpiText.Status(t.Status),
                    Origin(t.Actual),
                }
            ),
            10,
            [Lf, C, R, R, R, Lf, Lf]
        );
        w.Line(
            "Văn bản giao chỉ tiêu: "
                + string.Join("; ", targets.Select(t => t.Target.Source.Split(';')[0]).Distinct())
                + ".",
            italic: true,
            size: 11
        );
    }

    private static void Sectors(WordDocumentBuilder w, KpiDashboard d)
    {
        if (d.Sectors.Count == 0)
            return;
        w.Line("Cơ cấu theo ngành của các sản phẩm có hồ sơ công nhận trong hệ thống:", firstLineIndentTwips: 567);
        w.Table(
            [60, 20, 20],
            ["Ngành", "Sản phẩm", "Tỷ trọng"],
            d.Sectors.Select(s => new[] { s.Name, Y(s.Count), KpiFormat.Percent(s.SharePercent) }),
            11,
            [Lf, R, R]
        );
    }

    private static void TopLists(WordDocumentBuilder w, List<TopLine> top, string title)
    {
        w.Line(title, bold: true);
        if (top.Count == 0)
        {
            w.Line("Hệ thống chưa có danh sách Top 10 của giai đoạn.", firstLineIndentTwips: 567);
            return;
        }
        w.Table(
            [10, 8, 47, 35],
            ["Năm", "TT", "Sản phẩm", "Doanh nghiệp"],
            top.GroupBy(t => t.Year)
                .SelectMany(g => g.Select((t, i) => new[] { Y(t.Year), Y(i + 1), t.Product, t.Enterprise })),
            11,
            [C, C, Lf, Lf]
        );
    }

    private static void Support(WordDocumentBuilder w, KpiDashboard d, int from, int to, string title)
    {
        w.Line(title, bold: true);
        var rows = Enumerable
            .Range(from, Math.Max(0, to - from + 1))
            .Select(y => new[] { Y(y), N(d.Progress.Count(KpiIndicator.EnterpriseTimesSupported, y).Value) })
            .ToList();
        w.Table([30, 70], ["Năm", "Số lượt doanh nghiệp được hỗ trợ"], rows, 11, [C, R]);
    }

    /// <summary>Outreach and mobilization computed from the outreach records: events held, attendance, targets that
    /// submitted, submissions preceded by a contact or an event.</summary>
    private static void Outreach(WordDocumentBuilder w, KpiDashboard d, int from, int to, string? title)
    {
        if (title is not null)
            w.Line(title, bold: true);
        var rows = d.Outreach.Where(o => o.Year >= from && o.Year <= to).ToList();
        if (
            rows.Count == 0
            || rows.All(o => o.EventsHeld == 0 && o.Attendees == 0 && o.Targets == 0 && o.SubmissionsAfterOutreach == 0)
        )
        {
            w.Line(
                "Hệ thống chưa có số liệu về hoạt động tuyên truyền, vận động (hội nghị, tập huấn, lễ tôn vinh); cán "
                    + "bộ bổ sung.",
                firstLineIndentTwips: 567
            );
            return;
        }
        w.Line(
            $"Đã tổ chức {Y(rows.Sum(o => o.EventsHeld))} hội nghị, sự kiện tuyên truyền với "
                + $"{Y(rows.Sum(o => o.Attendees))} lượt "
                + $"tham dự (theo điểm danh); vận động được "
                + $"{Y(rows.Sum(o => o.Mobilized))}/{Y(rows.Sum(o => o.Targets))} doanh nghiệp "
                + $"mục tiêu nộp hồ sơ; {Y(rows.Sum(o => o.SubmissionsAfterOutreach))} hồ sơ được nộp sau khi doanh "
                + $"nghiệp được "
                + "tuyên truyền, vận động.",
            firstLineIndentTwips: 567
        );
        w.Table(
            [12, 16, 18, 18, 18, 18],
            [
                "Năm",
                "Sự kiện đã tổ chức",
                "Lượt tham dự",
                "Doanh nghiệp mục tiêu",
                "Doanh nghiệp đã nộp hồ sơ",
                "Hồ sơ nộp sau vận động",
            ],
            rows.Select(o =>
                new[]
                {
                    Y(o.Year),
                    Y(o.EventsHeld),
                    Y(o.Attendees),
                    Y(o.Targets),
                    Y(o.Mobilized),
                    Y(o.SubmissionsAfterOutreach),
                }
            ),
            11,
            [C, R, R, R, R, R]
        );
    }

    private static void Officer(WordDocumentBuilder w, string title)
    {
        w.Line(title, bold: true);
        w.Line("1. Tồn tại, hạn chế: (cán bộ viết)", italic: true, firstLineIndentTwips: 567);
        w.Line("2. Nguyên nhân: (cán bộ viết)", italic: true, firstLineIndentTwips: 567);
        w.Line("3. Kiến nghị, đề xuất: (cán bộ viết)", italic: true, firstLineIndentTwips: 567).Blank();
    }

    private static void Signature(WordDocumentBuilder w) =>
        w.TwoColumns(
            50,
            [
                P("Nơi nhận:", bold: true, italic: true, size: 12, align: Lf),
                P("- UBND Thành phố (để báo cáo);", size: 11, align: Lf),
                P("- Bộ Công Thương (để báo cáo);", size: 11, align: Lf),
                P("- Lưu: VT, QLCN.", size: 11, align: Lf),
            ],
            [P("GIÁM ĐỐC", bold: true), P(""), P(""), P(""), P("")]
        );

    private async Task<List<TopLine>> TopAsync(int first, int last, CancellationToken ct) =>
        await (
            from r in db.Recognitions.AsNoTracking()
            where r.Top10 && r.Year >= first && r.Year <= last
            join p in db.Products on r.ProductId equals p.Id
            join e in db.Enterprises on r.EnterpriseId equals e.Id
            orderby r.Year, r.AverageScoreHundredths descending, r.Id
            select new TopLine(r.Year, p.Name, e.NameVi)
        )
            .Take(200)
            .ToListAsync(ct);

    private static string N(decimal? v) => v is null ? KpiFormat.NoData : KpiFormat.Number(v.Value);

    private static string Y(int v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Origin(YearFigure f) =>
        f.Origin switch
        {
            FigureOrigin.Historical => "Số liệu đã công bố" + (f.IsEstimate ? " (ước tính)" : ""),
            _ => KpiText.Origin(f.Origin),
        };
}
