using ClosedXML.Excel;
using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Outreach;

/// <summary>An event's registrations and attendance as Excel: a frozen header with an autofilter, the counts on top
/// of a second sheet. Widths set by hand (AdjustToContents throws on Linux with ClosedXML 0.95.4).</summary>
public sealed class OutreachExport(AppDbContext db, MobilizationQueries queries)
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
            LocalTime(ws.Cell(row, 8), r.RegisteredAt);
            if (r.AttendedAt is { } a)
                LocalTime(ws.Cell(row, 9), a);
            row++;
        }
        Finish(ws, row - 1, headers.Length);
        var sum = wb.Worksheets.Add(label("Tổng hợp"));
        sum.Column(1).Width = 30;
        sum.Cell(1, 1).Value = e.Title;
        sum.Cell(2, 1).Value = label("Thời gian");
        LocalTime(sum.Cell(2, 2), e.StartsAt);
        sum.Column(2).Width = 18;
        sum.Cell(3, 1).Value = label("Đã xác nhận");
        sum.Cell(3, 2).Value = regs.Count(r => r.Status == RegistrationStatus.Confirmed);
        sum.Cell(4, 1).Value = label("Danh sách chờ");
        sum.Cell(4, 2).Value = regs.Count(r => r.Status == RegistrationStatus.WaitingList);
        sum.Cell(5, 1).Value = label("Đã điểm danh");
        sum.Cell(5, 2).Value = regs.Count(r => r.AttendedAt != null);
        return (e.Title, Save(wb));
    }

    /// <summary>The year's targets (stage as the records show it), the funnel and the count per officer.</summary>
    public async Task<byte[]> TargetsAsync(int year, Func<string, string> label, CancellationToken ct = default)
    {
        var rows = await queries.ListAsync(new TargetFilter(year), ct);
        var details = await db
            .MobilizationTargets.AsNoTracking()
            .Where(t => t.Year == year)
            .Select(t => new
            {
                t.Id,
                t.CommuneCode,
                t.RevenueVnd,
                t.ExportUsdCents,
                t.HighTechProduct,
                t.Source,
                t.Email,
                t.InvitedAt,
            })
            .ToDictionaryAsync(t => t.Id, ct);
        var codes = details.Values.Select(d => d.CommuneCode).OfType<string>().Distinct().ToList();
        var communes = await db
            .AdministrativeUnits.AsNoTracking()
            .Where(u => codes.Contains(u.Code))
            .Select(u => new { u.Code, u.Name })
            .ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add(label("Doanh nghiệp mục tiêu"));
        string[] headers =
        [
            "STT",
            "Mã số thuế",
            "Tên doanh nghiệp",
            "Ngành",
            "Xã/phường",
            "Doanh thu (đồng)",
            "Xuất khẩu (USD)",
            "Sản phẩm công nghệ cao",
            "Đạt ngưỡng",
            "Bước",
            "Cán bộ phụ trách",
            "Số lần liên hệ",
            "Email",
            "Nguồn số liệu",
        ];
        double[] widths = [6, 16, 40, 24, 22, 20, 16, 24, 28, 22, 24, 10, 28, 28];
        Header(ws, headers, widths, label);
        var row = 2;
        foreach (var t in rows)
        {
            var d = details[t.Id];
            ws.Cell(row, 1).Value = row - 1;
            ws.Cell(row, 2).SetValue(t.TaxCode);
            ws.Cell(row, 3).Value = t.Name;
            ws.Cell(row, 4).Value = t.Sector;
            ws.Cell(row, 5).Value = d.CommuneCode is { } c && communes.TryGetValue(c, out var n) ? n : "";
            if (d.RevenueVnd is { } rv)
            {
                ws.Cell(row, 6).Value = rv;
                ws.Cell(row, 6).Style.NumberFormat.Format = "#,##0";
            }
            if (d.ExportUsdCents is { } xc)
            {
                ws.Cell(row, 7).Value = xc / 100m;
                ws.Cell(row, 7).Style.NumberFormat.Format = "#,##0.00";
            }
            ws.Cell(row, 8).Value = d.HighTechProduct ?? "";
            ws.Cell(row, 9).Value = string.Join("; ", OutreachText.Of(t.Flags).Select(label));
            ws.Cell(row, 10).Value = label(OutreachText.Of(t.Stage));
            ws.Cell(row, 11).Value = t.OwnerName ?? "";
            ws.Cell(row, 12).Value = t.Contacts;
            ws.Cell(row, 13).Value = d.Email ?? "";
            ws.Cell(row, 14).Value = d.Source;
            row++;
        }
        Finish(ws, row - 1, headers.Length);

        var funnel = wb.Worksheets.Add(label("Phễu vận động"));
        Header(funnel, ["Bước", "Đã đạt tới bước này", "Đang ở bước này"], [28, 20, 20], label);
        row = 2;
        foreach (var s in Enum.GetValues<MobilizationStage>())
        {
            funnel.Cell(row, 1).Value = label(OutreachText.Of(s));
            funnel.Cell(row, 2).Value = rows.Count(r => r.Stage >= s);
            funnel.Cell(row, 3).Value = rows.Count(r => r.Stage == s);
            row++;
        }
        Finish(funnel, row - 1, 3);

        var officers = wb.Worksheets.Add(label("Theo cán bộ phụ trách"));
        Header(officers, ["Cán bộ phụ trách", "Doanh nghiệp", "Đã nộp hồ sơ"], [30, 16, 16], label);
        row = 2;
        foreach (var g in rows.GroupBy(r => r.OwnerName).OrderBy(g => g.Key ?? "\uffff", StringComparer.Ordinal))
        {
            officers.Cell(row, 1).Value = g.Key ?? label("Chưa phân công");
            officers.Cell(row, 2).Value = g.Count();
            officers.Cell(row, 3).Value = g.Count(r => r.Stage >= MobilizationStage.Submitted);
            row++;
        }
        Finish(officers, row - 1, 3);
        return Save(wb);
    }

    private static void Header(IXLWorksheet ws, string[] headers, double[] widths, Func<string, string> label)
    {
        for (var c = 0; c < headers.Length; c++)
        {
            ws.Cell(1, c + 1).Value = label(headers[c]);
            ws.Column(c + 1).Width = widths[c];
        }
        ws.Row(1).Style.Font.Bold = true;
        ws.Row(1).Style.Alignment.WrapText = true;
    }

    /// <summary>Autofilter over the table and a frozen header row.</summary>
    private static void Finish(IXLWorksheet ws, int lastRow, int columns)
    {
        ws.Range(1, 1, Math.Max(1, lastRow), columns).SetAutoFilter();
        ws.SheetView.FreezeRows(1);
    }

    /// <summary>A time as a real Excel date in Hanoi time (sortable, filterable), shown dd/MM/yyyy HH:mm.</summary>
    private static void LocalTime(IXLCell cell, DateTimeOffset utc)
    {
        cell.Value = VietnamTime.ToLocal(utc).DateTime;
        cell.Style.DateFormat.Format = "dd/MM/yyyy HH:mm";
    }

    private static byte[] Save(XLWorkbook wb)
    {
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }
}
