using System.Security.Claims;
using KeyProducts.Core.Common;
using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Program;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.AnnualReports;

/// <summary>The officer's view of a reporting year: window, who must report and their state, overdue list,
/// reminders, Excel bulk entry, and links to review each submitted report.</summary>
[RequestSizeLimit(6 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 6 * 1024 * 1024)]
public class IndexModel(
    AppDbContext db,
    AnnualReportQueries queries,
    OpenReportingWindow openWindow,
    RemindAnnualReports remind,
    ImportAnnualReports import,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty]
    public DateOnly? Opens { get; set; }

    [BindProperty]
    public DateOnly? Deadline { get; set; }

    [BindProperty]
    public int RemindDaysBefore { get; set; } = 14;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public int ReportYear { get; private set; }
    public AnnualReportWindow? Window { get; private set; }
    public List<DueLine> Lines { get; private set; } = [];
    public IReadOnlyList<RowError> ImportErrors { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(time);
        ReportYear = Year is >= 2000 and <= 2100
            ? Year.Value
            : await db
                .AnnualReportWindows.OrderByDescending(w => w.Year)
                .Select(w => (int?)w.Year)
                .FirstOrDefaultAsync(ct)
                ?? Today.Year - 1;
        Window = await db.AnnualReportWindows.AsNoTracking().FirstOrDefaultAsync(w => w.Year == ReportYear, ct);
        Lines = await queries.DueAsync(ReportYear, ct);
        if (Overdue)
            Lines = Lines.Where(x => !AnnualReportQueries.HasSubmitted(x)).ToList();
        Opens ??= Window?.Opens ?? new DateOnly(ReportYear + 1, 1, 1);
        Deadline ??= Window?.Deadline ?? new DateOnly(ReportYear + 1, 3, 31);
        if (Window is not null)
            RemindDaysBefore = Window.RemindDaysBefore;
    }

    public async Task<IActionResult> OnPostWindowAsync(CancellationToken ct)
    {
        if (Year is not (>= 2000 and <= 2100) || Opens is null || Deadline is null)
        {
            ModelState.AddModelError(nameof(Deadline), l["Nhập năm báo cáo, ngày mở và hạn nộp."]);
            return await FailAsync(ct);
        }
        try
        {
            await openWindow.ExecuteAsync(Year.Value, Opens.Value, Deadline.Value, RemindDaysBefore, ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Code == "WindowOpens" ? nameof(Opens) : nameof(Deadline), e.Localized(l));
            return await FailAsync(ct);
        }
        TempData["Flash"] = l["Đã lưu kỳ báo cáo."].Value;
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostRemindAsync(CancellationToken ct)
    {
        try
        {
            var n = await remind.ExecuteAsync(Year ?? 0, ct);
            TempData["Flash"] = l["Đã xếp {0} thư nhắc vào hàng đợi gửi.", n].Value;
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Localized(l));
            return await FailAsync(ct);
        }
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (
            Upload is null
            || Upload.Length == 0
            || !Upload.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
        )
        {
            ModelState.AddModelError(nameof(Upload), l["Chọn tệp Excel (.xlsx)."]);
            return await FailAsync(ct);
        }
        await using var s = Upload.OpenReadStream();
        var outcome = await import.ExecuteAsync(s, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct);
        if (outcome.Errors.Count > 0)
        {
            ImportErrors = outcome.Errors;
            ModelState.AddModelError(nameof(Upload), l["Tệp có {0} lỗi; chưa có gì được lưu.", outcome.Errors.Count]);
            return await FailAsync(ct);
        }
        TempData["Flash"] = l["Đã nhập {0} báo cáo.", outcome.Added].Value;
        return RedirectToPage(new { year = Year });
    }

    public IActionResult OnGetTemplate()
    {
        using var wb = new ClosedXML.Excel.XLWorkbook();
        var ws = wb.Worksheets.Add("BaoCaoNam");
        for (var c = 0; c < ImportAnnualReports.Columns.Length; c++)
        {
            ws.Cell(1, c + 1).Value = ImportAnnualReports.Columns[c];
            ws.Column(c + 1).Width = 22;
        }
        ws.Row(1).Style.Font.Bold = true;
        ws.SheetView.FreezeRows(1);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return File(
            ms.ToArray(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "mau-bao-cao-nam.xlsx"
        );
    }

    private async Task<IActionResult> FailAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        Response.StatusCode = 400;
        return Page();
    }
}
