using ClosedXML.Excel;
using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council.Documents;

/// <summary>The council's full results in Excel: every member's score and comment per indicator, every pass, beside the
/// computed results, so the selection can be audited.</summary>
public sealed class ResultsWorkbook(AppDbContext db, CouncilQueries queries)
{
    public async Task<byte[]> BuildAsync(Round round, SelectionCouncil council, CancellationToken ct)
    {
        var view = await queries.ResultsAsync(round, ct);
        var ids = view.Rows.Select(r => r.Result.DossierId).ToList();
        var scores = await (
            from s in db.ScoreSheets.AsNoTracking()
            join m in db.CouncilMembers on s.MemberId equals m.Id
            from x in s.Scores
            where ids.Contains(s.DossierId)
            select new
            {
                s.DossierId,
                s.Pass,
                s.Status,
                m.FullName,
                x.IndicatorId,
                x.PointsHundredths,
                x.Comment,
                s.SubmittedAt,
            }
        ).ToListAsync(ct);
        var indicators = view.Indicators.ToDictionary(i => i.Id);
        var rowsById = view.Rows.ToDictionary(r => r.Result.DossierId);
        using var wb = new XLWorkbook();
        var sum = wb.Worksheets.Add("Kết quả");
        string[] head =
        [
            "Hạng",
            "Mã hồ sơ",
            "Sản phẩm",
            "Doanh nghiệp",
            "MST",
            "Tổng điểm (thô)",
            "Tổng điểm (chuẩn hóa)",
            "Điểm xét",
            "Đạt",
            "Top 10",
            "Cần thảo luận",
            "Số người chấm",
        ];
        for (var c = 0; c < head.Length; c++)
            sum.Cell(1, c + 1).Value = head[c];
        var row = 2;
        foreach (var r in view.Rows)
        {
            if (r.Result.Rank is { } rank)
                sum.Cell(row, 1).Value = rank;
            sum.Cell(row, 2).Value = r.Code ?? "";
            sum.Cell(row, 3).Value = r.ProductName;
            sum.Cell(row, 4).Value = r.EnterpriseName;
            sum.Cell(row, 5).SetValue(r.TaxCode);
            sum.Cell(row, 6).Value = r.Result.RawTotalHundredths / 100m;
            sum.Cell(row, 7).Value = r.Result.NormalizedTotalHundredths / 100m;
            sum.Cell(row, 8).Value = r.Result.DecisiveTotalHundredths / 100m;
            sum.Cell(row, 9).Value = r.Result.Passed ? "Đạt" : "Không đạt";
            sum.Cell(row, 10).Value = r.Result.InTopN ? "Top 10" : "";
            sum.Cell(row, 11).Value = r.Result.Flagged ? "Có" : "";
            sum.Cell(row, 12).Value = r.Result.Scorers;
            row++;
        }
        Style(sum, head.Length, [7, 18, 40, 40, 13, 14, 14, 12, 10, 9, 12, 10]);

        var ind = wb.Worksheets.Add("Theo chỉ tiêu");
        string[] head2 =
        [
            "Mã hồ sơ",
            "Sản phẩm",
            "Chỉ tiêu",
            "Tên chỉ tiêu",
            "Tối đa",
            "Bình quân",
            "Trung vị",
            "Chênh lệch",
            "Độ lệch chuẩn",
            "Bình quân chuẩn hóa",
            "Số người chấm",
            "Vượt ngưỡng",
        ];
        for (var c = 0; c < head2.Length; c++)
            ind.Cell(1, c + 1).Value = head2[c];
        row = 2;
        foreach (var r in view.Rows)
        foreach (var i in r.Result.Indicators)
        {
            var def = indicators[i.IndicatorId];
            ind.Cell(row, 1).Value = r.Code ?? "";
            ind.Cell(row, 2).Value = r.ProductName;
            ind.Cell(row, 3).Value = def.Code;
            ind.Cell(row, 4).Value = def.Name;
            ind.Cell(row, 5).Value = def.MaxPointsHundredths / 100m;
            ind.Cell(row, 6).Value = i.AverageHundredths / 100m;
            ind.Cell(row, 7).Value = i.MedianHundredths / 100m;
            ind.Cell(row, 8).Value = i.SpreadHundredths / 100m;
            ind.Cell(row, 9).Value = i.StdDevHundredths / 100m;
            ind.Cell(row, 10).Value = i.NormalizedAverageHundredths / 100m;
            ind.Cell(row, 11).Value = i.Scorers;
            ind.Cell(row, 12).Value = i.Flagged ? "Có" : "";
            row++;
        }
        Style(ind, head2.Length, [18, 36, 9, 50, 8, 10, 10, 10, 12, 14, 10, 10]);

        var all = wb.Worksheets.Add("Điểm từng thành viên");
        string[] head3 =
        [
            "Mã hồ sơ",
            "Sản phẩm",
            "Vòng chấm",
            "Thành viên",
            "Chỉ tiêu",
            "Điểm",
            "Nhận xét",
            "Trạng thái phiếu",
            "Thời điểm nộp",
        ];
        for (var c = 0; c < head3.Length; c++)
            all.Cell(1, c + 1).Value = head3[c];
        row = 2;
        foreach (
            var s in scores
                .OrderBy(s => rowsById[s.DossierId].Code)
                .ThenBy(s => s.Pass)
                .ThenBy(s => s.FullName)
                .ThenBy(s => indicators.TryGetValue(s.IndicatorId, out var d) ? d.Code : "")
        )
        {
            all.Cell(row, 1).Value = rowsById[s.DossierId].Code ?? "";
            all.Cell(row, 2).Value = rowsById[s.DossierId].ProductName;
            all.Cell(row, 3).Value = s.Pass;
            all.Cell(row, 4).Value = s.FullName;
            all.Cell(row, 5).Value = indicators.TryGetValue(s.IndicatorId, out var def) ? def.Code : "";
            all.Cell(row, 6).Value = s.PointsHundredths / 100m;
            all.Cell(row, 7).Value = s.Comment ?? "";
            all.Cell(row, 8).Value =
                s.Status == SheetStatus.Submitted ? "Đã nộp"
                : s.Status == SheetStatus.Reopened ? "Mở lại"
                : "Nháp";
            all.Cell(row, 9).Value = s.SubmittedAt is { } at ? VnFormat.DateTime(at) : "";
            row++;
        }
        Style(all, head3.Length, [18, 36, 10, 28, 9, 8, 60, 14, 17]);

        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    // Column widths by hand: AdjustToContents() needs System.Drawing, which fails on Linux.
    private static void Style(IXLWorksheet ws, int columns, int[] widths)
    {
        var header = ws.Range(1, 1, 1, columns);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        header.Style.Alignment.WrapText = true;
        for (var c = 0; c < widths.Length; c++)
            ws.Column(c + 1).Width = widths[c];
        ws.SheetView.FreezeRows(1);
        ws.Range(1, 1, Math.Max(1, ws.LastRowUsed()?.RowNumber() ?? 1), columns).SetAutoFilter();
    }
}
