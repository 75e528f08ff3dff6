using ClosedXML.Excel;
using KeyProducts.Core.Common;
using KeyProducts.Web.Features.Dossiers;

namespace KeyProducts.Web.Features.Support;

/// <summary>The officer's filtered list of support applications as an Excel workbook: a frozen header row with an
/// autofilter. Column widths are set by hand: AdjustToContents() throws on Linux with ClosedXML 0.95.4.</summary>
public sealed class SupportExport(SupportQueries queries)
{
    public async Task<byte[]> ExecuteAsync(
        DossierViewer viewer,
        SupportFilter filter,
        Func<string, string> label,
        CancellationToken ct = default
    )
    {
        var rows = await queries.ListAsync(viewer, filter, ct);
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add(Sheet(label("Hồ sơ hỗ trợ")));
        string[] headers =
        [
            "Mã hồ sơ",
            "Năm",
            "Chương trình",
            "Doanh nghiệp",
            "Mã số thuế",
            "Ngành",
            "Xã/phường",
            "Ưu tiên SPCNCL",
            "Trạng thái",
            "Ngày nộp",
            "Chi phí đề nghị (đồng)",
            "Phê duyệt (đồng)",
            "Đã giải ngân (đồng)",
        ];
        double[] widths = [16, 8, 30, 40, 14, 28, 22, 14, 18, 12, 22, 20, 20];
        for (var c = 0; c < headers.Length; c++)
        {
            ws.Cell(1, c + 1).Value = label(headers[c]);
            ws.Column(c + 1).Width = widths[c];
        }
        ws.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var x in rows)
        {
            ws.Cell(r, 1).Value = x.Code;
            ws.Cell(r, 2).Value = x.Year;
            ws.Cell(r, 3).Value = $"{x.ProgramCode} — {x.ProgramName}";
            ws.Cell(r, 4).Value = x.EnterpriseName;
            ws.Cell(r, 5).SetValue(x.TaxCode);
            ws.Cell(r, 6).Value = x.SectorName ?? "";
            ws.Cell(r, 7).Value = x.CommuneName ?? "";
            ws.Cell(r, 8).Value = x.Priority ? label("Có") : "";
            ws.Cell(r, 9).Value = label(SupportStateText.Of(x.State));
            ws.Cell(r, 10).Value = x.SubmittedAt is { } s ? VnFormat.Date(s) : "";
            ws.Cell(r, 11).Value = x.RequestedVnd;
            if (x.ApprovedVnd is { } approved)
                ws.Cell(r, 12).Value = approved;
            ws.Cell(r, 13).Value = x.DisbursedVnd;
            r++;
        }
        foreach (var c in new[] { 11, 12, 13 })
            ws.Column(c).Style.NumberFormat.Format = "#,##0";
        ws.Range(1, 1, Math.Max(1, r - 1), headers.Length).SetAutoFilter();
        ws.SheetView.FreezeRows(1);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    /// <summary>Sheet names are at most 31 characters.</summary>
    private static string Sheet(string name) => name.Length <= 31 ? name : name[..31];
}
