using ClosedXML.Excel;
using KeyProducts.Core.Program;

namespace KeyProducts.Web.Features.Program;

/// <summary>A table of the dashboard as plain cells, shared by the Excel export and the reports' annex.</summary>
public sealed record KpiTable(
    string Sheet,
    string Title,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<object?>> Rows
);

public static class KpiTables
{
    /// <summary>Every table of the dashboard; <paramref name="l"/> translates labels. Missing figures are blank cells
    /// with "chưa có số liệu" in the origin column, never 0.</summary>
    public static IReadOnlyList<KpiTable> Build(KpiDashboard d, Func<string, string> l)
    {
        static object? V(YearFigure f) => f.Value;
        string O(YearFigure f) => l(KpiText.Origin(f.Origin)) + (f.IsEstimate ? " (" + l("ước tính") + ")" : "");
        var tables = new List<KpiTable>
        {
            new(
                "GiaiDoan",
                l("Kết quả theo giai đoạn"),
                [
                    l("Giai đoạn"),
                    l("Văn bản"),
                    l("Sản phẩm"),
                    l("Chỉ tiêu sản phẩm"),
                    l("% chỉ tiêu"),
                    l("Đánh giá"),
                    l("Doanh nghiệp"),
                    l("Nguồn số liệu"),
                ],
                d.PhaseSummaries.Select(p =>
                        (IReadOnlyList<object?>)
                            [
                                p.Phase.Name,
                                p.Phase.LegalBasis,
                                V(p.Products),
                                p.Target is null
                                    ? null
                                    : KpiMath.RangeText(p.Target.Min, p.Target.Max, p.Target.MinExclusive),
                                p.Percent,
                                l(KpiText.Status(p.Status)),
                                V(p.Enterprises),
                                O(p.Products),
                            ]
                    )
                    .ToList()
            ),
            new(
                "ChiTieu",
                l("Tiến độ các chỉ tiêu"),
                [
                    l("Mã"),
                    l("Chỉ số"),
                    l("Phạm vi"),
                    l("Năm"),
                    l("Chỉ tiêu"),
                    l("Đơn vị"),
                    l("Thực hiện"),
                    l("% chỉ tiêu"),
                    l("Đánh giá"),
                    l("Nguồn số liệu"),
                    l("Văn bản giao chỉ tiêu"),
                ],
                d.Targets.Select(t =>
                        (IReadOnlyList<object?>)
                            [
                                t.Target.Code,
                                l(KpiIndicators.NameVi(t.Target.Indicator)),
                                l(KpiText.Basis(t.Target.Basis)),
                                KpiText.Span(t.FromYear, t.ToYear),
                                KpiMath.RangeText(t.Target.Min, t.Target.Max, t.Target.MinExclusive),
                                l(KpiText.Unit(t.Target.Unit)),
                                V(t.Actual),
                                t.Percent,
                                l(KpiText.Status(t.Status)),
                                O(t.Actual),
                                t.Target.Source,
                            ]
                    )
                    .ToList()
            ),
            new(
                "TheoNam",
                l("Sản phẩm được công nhận theo năm"),
                [
                    l("Năm"),
                    l("Sản phẩm"),
                    l("Lũy kế"),
                    l("Đường chỉ tiêu"),
                    l("Doanh nghiệp"),
                    l("Top 10"),
                    l("Bản ghi công nhận trong hệ thống"),
                    l("Nguồn số liệu"),
                ],
                d.Years.Select(y =>
                        (IReadOnlyList<object?>)
                            [
                                y.Year,
                                V(y.Products),
                                d.Cumulative.FirstOrDefault(c => c.Year == y.Year)?.Cumulative.Value,
                                d.Cumulative.FirstOrDefault(c => c.Year == y.Year)?.TargetLine,
                                V(y.Enterprises),
                                V(y.Top10),
                                y.RecordsHeld,
                                O(y.Products) + (y.Source is null ? "" : ": " + y.Source.Source),
                            ]
                    )
                    .ToList()
            ),
            new(
                "Pheu",
                l("Phễu xét chọn theo đợt"),
                [l("Năm"), l("Đăng ký"), l("Đã nộp"), l("Đủ điều kiện"), l("Được công nhận"), l("Top 10")],
                d.Funnel.Select(f =>
                        (IReadOnlyList<object?>)[f.Year, f.Registered, f.Submitted, f.Eligible, f.Recognized, f.Top10]
                    )
                    .ToList()
            ),
            new(
                "TuyenTruyen",
                l("Tuyên truyền, vận động doanh nghiệp"),
                [
                    l("Năm"),
                    l("Sự kiện đã tổ chức"),
                    l("Lượt tham dự (điểm danh)"),
                    l("Doanh nghiệp mục tiêu"),
                    l("Doanh nghiệp đã vận động nộp hồ sơ"),
                    l("Hồ sơ nộp sau khi được tuyên truyền, vận động"),
                ],
                d.Outreach.Select(o =>
                        (IReadOnlyList<object?>)
                            [o.Year, o.EventsHeld, o.Attendees, o.Targets, o.Mobilized, o.SubmissionsAfterOutreach]
                    )
                    .ToList()
            ),
            new(
                "Nganh",
                l("Cơ cấu theo ngành"),
                [l("Ngành"), l("Sản phẩm"), l("Tỷ trọng (%)")],
                d.Sectors.Select(s => (IReadOnlyList<object?>)[s.Name, s.Count, s.SharePercent]).ToList()
            ),
            new(
                "DiaBan",
                l("Theo địa bàn (xã, phường)"),
                [l("Địa bàn"), l("Sản phẩm"), l("Tỷ trọng (%)")],
                d.Communes.Select(s => (IReadOnlyList<object?>)[s.Name, s.Count, s.SharePercent]).ToList()
            ),
            new(
                "Top10",
                l("Top 10"),
                [l("Năm"), l("Sản phẩm"), l("Doanh nghiệp"), l("Ngành")],
                d.Top10.Select(t => (IReadOnlyList<object?>)[t.Year, t.Product, t.Enterprise, t.Sector]).ToList()
            ),
            new(
                "GiaTri",
                l("Doanh thu, giá trị sản xuất, xuất khẩu, tỷ trọng và tăng trưởng"),
                [
                    l("Năm"),
                    l("Phạm vi"),
                    l("Doanh thu (tỷ đồng)"),
                    l("Giá trị sản xuất (tỷ đồng)"),
                    l("Xuất khẩu (triệu USD)"),
                    l("Tăng trưởng giá trị sản xuất (%)"),
                    l("Tỷ trọng giá trị sản xuất công nghiệp (%)"),
                    l("Tỷ trọng xuất khẩu (%)"),
                ],
                d.Money.Select(m =>
                        (IReadOnlyList<object?>)
                            [
                                m.Year,
                                l(KpiText.Basis(m.Basis)),
                                V(m.Revenue),
                                V(m.ProductionValue),
                                V(m.Export),
                                V(m.Growth),
                                V(m.IndustrialShare),
                                V(m.ExportShare),
                            ]
                    )
                    .ToList()
            ),
            new(
                "DoiChieu",
                l("Đối chiếu số lũy kế đã công bố"),
                [l("Chỉ số"), l("Từ năm"), l("Đến năm"), l("Số đã công bố"), l("Tổng các năm"), l("Khớp")],
                d.Checks.Select(c =>
                        (IReadOnlyList<object?>)
                            [
                                l(KpiIndicators.NameVi(c.Published.Indicator)),
                                c.Published.FromYear,
                                c.Published.Year,
                                c.Published.Value,
                                c.SumOfYears.Value,
                                c.Holds ? l("Khớp") : l("Lệch"),
                            ]
                    )
                    .ToList()
            ),
        };
        return tables;
    }
}

/// <summary>The dashboard's tables as an Excel workbook, one sheet each (widths by hand: AdjustToContents()
/// throws on Linux with ClosedXML 0.95.4).</summary>
public sealed class KpiExcelExport
{
    public byte[] Build(KpiDashboard d, Func<string, string> l) => Write(KpiTables.Build(d, l), l);

    public static byte[] Write(IReadOnlyList<KpiTable> tables, Func<string, string> l)
    {
        using var wb = new XLWorkbook();
        foreach (var t in tables)
        {
            var ws = wb.Worksheets.Add(t.Sheet);
            ws.Cell(1, 1).Value = t.Title;
            ws.Cell(1, 1).Style.Font.Bold = true;
            for (var c = 0; c < t.Headers.Count; c++)
            {
                ws.Cell(2, c + 1).Value = t.Headers[c];
                ws.Column(c + 1).Width = c == 0 ? 28 : 18;
            }
            ws.Row(2).Style.Font.Bold = true;
            var r = 3;
            foreach (var row in t.Rows)
            {
                for (var c = 0; c < row.Count; c++)
                {
                    var cell = ws.Cell(r, c + 1);
                    switch (row[c])
                    {
                        case null:
                            break;
                        case decimal m:
                            cell.Value = m;
                            cell.Style.NumberFormat.Format = "#,##0.##";
                            break;
                        case int i:
                            cell.Value = i;
                            break;
                        case long n:
                            cell.Value = n;
                            cell.Style.NumberFormat.Format = "#,##0";
                            break;
                        default:
                            cell.SetValue(row[c]!.ToString());
                            break;
                    }
                }
                r++;
            }
            if (t.Rows.Count == 0)
                ws.Cell(3, 1).Value = l("Chưa có dữ liệu.");
            else
                ws.Range(2, 1, r - 1, t.Headers.Count).SetAutoFilter();
            // The title and the header row stay in view while scrolling.
            ws.SheetView.FreezeRows(2);
        }
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }
}
