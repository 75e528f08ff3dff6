using ClosedXML.Excel;
using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Outreach;

/// <summary>An event's registrations and attendance as Excel: a frozen header with an autofilter, the counts on top
/// of a second sheet. Widths set by hand (AdjustToContents throws on Linux with ClosedXML 0.95.4).</summary>
public sealed class OutreachExport(AppDbContext db)
{
    public async Task<(string Title, byte[] Bytes)?> AttendanceAsync(
        int eventId,
        Func<string, string> label,
        CancellationToken ct = default
    )
    {
        var e = await db.OutreachEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
            return null;
        var regs = await db
            .EventRegistrations.AsNoTracking()
            .Where(r => r.EventId == eventId)
            .OrderBy(r => r.AwardOrder ?? int.MaxValue)
            .ThenBy(r => r.RegisteredAt)
            .ThenBy(r => r.Id)
            .ToListAsync(ct);
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add(label("Danh sách tham dự"));
        string[] headers =
        [
            "STT",
            "Họ tên",
            "Đơn vị",
            "Mã số thuế",
            "Điện thoại",
            "Email",
            "Trạng thái",
            "Đăng ký lúc",
            "Điểm danh lúc",
        ];
        double[] widths = [6, 28, 34, 16, 14, 30, 20, 18, 18];
        for (var c = 0; c < headers.Length; c++)
        {
            ws.Cell(1, c + 1).Value = label(headers[c]);
            ws.Column(c + 1).Width = widths[c];
        }
        ws.Row(1).Style.Font.Bold = true;
        var row = 2;
        foreach (var r in regs)
        {
            ws.Cell(row, 1).Value = row - 1;
            ws.Cell(row, 2).Value = r.Name;
            ws.Cell(row, 3).Value = r.Organisation;
            ws.Cell(row, 4).SetValue(r.TaxCode ?? "");
            ws.Cell(row, 5).SetValue(r.Phone);
            ws.Cell(row, 6).Value = r.Email;
            ws.Cell(row, 7).Value = label(OutreachText.Of(r.Status));
            ws.Cell(row, 8).Value = VnFormat.DateTime(r.RegisteredAt);
            ws.Cell(row, 9).Value = r.AttendedAt is { } a ? VnFormat.DateTime(a) : "";
            row++;
        }
        ws.Range(1, 1, Math.Max(1, row - 1), headers.Length).SetAutoFilter();
        ws.SheetView.FreezeRows(1);
        var sum = wb.Worksheets.Add(label("Tổng hợp"));
        sum.Column(1).Width = 30;
        sum.Column(2).Width = 14;
        sum.Cell(1, 1).Value = e.Title;
        sum.Cell(2, 1).Value = label("Thời gian");
        sum.Cell(2, 2).Value = VnFormat.DateTime(e.StartsAt);
        sum.Cell(3, 1).Value = label("Đã xác nhận");
        sum.Cell(3, 2).Value = regs.Count(r => r.Status == RegistrationStatus.Confirmed);
        sum.Cell(4, 1).Value = label("Danh sách chờ");
        sum.Cell(4, 2).Value = regs.Count(r => r.Status == RegistrationStatus.WaitingList);
        sum.Cell(5, 1).Value = label("Đã điểm danh");
        sum.Cell(5, 2).Value = regs.Count(r => r.AttendedAt != null);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return (e.Title, ms.ToArray());
    }
}
