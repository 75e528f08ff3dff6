using ClosedXML.Excel;
using KeyProducts.Core.Common;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>The round's dossiers with figures and statuses as an Excel workbook.
/// Column widths are set by hand: AdjustToContents() throws on Linux with ClosedXML 0.95.4.</summary>
public sealed class DossierExport(DossierQueries queries)
{
    public async Task<byte[]> ExecuteAsync(
        DossierViewer viewer,
        int roundId,
        Func<string, string> label,
        CancellationToken ct = default
    )
    {
        var rows = await queries.ListAsync(viewer, new QueueFilter(RoundId: roundId), ct);
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("Hồ sơ");
        string[] headers =
        [
            "Mã hồ sơ",
            "Doanh nghiệp",
            "Mã số thuế",
            "Sản phẩm",
            "Nhóm",
            "Ngành",
            "Trạng thái",
            "Ngày nộp",
            "Lần nộp",
            "Doanh thu sản phẩm (đồng)",
            "Xuất khẩu (USD)",
        ];
        double[] widths = [20, 40, 14, 36, 8, 30, 20, 14, 8, 22, 16];
        for (var c = 0; c < headers.Length; c++)
        {
            ws.Cell(1, c + 1).Value = headers[c];
            ws.Column(c + 1).Width = widths[c];
        }
        ws.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var x in rows)
        {
            ws.Cell(r, 1).Value = x.Code ?? "";
            ws.Cell(r, 2).Value = x.EnterpriseName;
            ws.Cell(r, 3).SetValue(x.TaxCode);
            ws.Cell(r, 4).Value = x.ProductName;
            ws.Cell(r, 5).Value = x.TrackCode;
            ws.Cell(r, 6).Value = x.SectorName ?? "";
            ws.Cell(r, 7).Value = label(DossierStateText.Of(x.State));
            if (x.SubmittedAt is { } s)
                ws.Cell(r, 8).Value = VietnamTime.ToLocal(s).Date;
            ws.Cell(r, 9).Value = x.Revision;
            if (x.ProductRevenueVnd is { } rev)
                ws.Cell(r, 10).Value = rev;
            if (x.ExportUsdCents is { } exp)
                ws.Cell(r, 11).Value = exp / 100m;
            r++;
        }
        ws.Column(10).Style.NumberFormat.Format = "#,##0";
        ws.Column(11).Style.NumberFormat.Format = "#,##0.00";
        ws.Column(8).Style.DateFormat.Format = "dd/mm/yyyy";
        // A filter on every column and the header row kept in view while scrolling.
        ws.Range(1, 1, Math.Max(1, r - 1), headers.Length).SetAutoFilter();
        ws.SheetView.FreezeRows(1);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }
}
