using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Enterprises;
using KeyProducts.Web.Features.Program;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Portal.AnnualReports;

/// <summary>The enterprise's yearly report: the open year's form (draft, submit) and past reports.
/// Amounts are typed as the enterprise writes them (VND with dots, USD with a decimal comma).</summary>
public class IndexModel(
    AppDbContext db,
    EnterpriseAccess access,
    AnnualReportQueries queries,
    SaveAnnualReport save,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public sealed class ReportInput
    {
        [StringLength(30)]
        public string? ProductRevenueVnd { get; set; }

        [StringLength(30)]
        public string? ProductProductionValueVnd { get; set; }

        [StringLength(30)]
        public string? ProductExportUsd { get; set; }

        [StringLength(30)]
        public string? EnterpriseRevenueVnd { get; set; }

        [StringLength(30)]
        public string? EnterpriseProductionValueVnd { get; set; }

        [StringLength(30)]
        public string? EnterpriseExportUsd { get; set; }

        [StringLength(10)]
        public string? Employees { get; set; }

        [StringLength(30)]
        public string? RdSpendingVnd { get; set; }

        [StringLength(4000)]
        public string? Notes { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public ReportInput Input { get; set; } = new();
    public AnnualReportWindow? Window { get; private set; }
    public AnnualReport? Current { get; private set; }
    public bool Due { get; private set; }
    public List<AnnualReport> Past { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await access.OwnEnterpriseIdAsync(User, ct) is not { } eid)
            return Forbid();
        await LoadAsync(eid, ct);
        if (Current is { } r)
            Input = new ReportInput
            {
                ProductRevenueVnd = V(r.ProductRevenueVnd),
                ProductProductionValueVnd = V(r.ProductProductionValueVnd),
                ProductExportUsd = U(r.ProductExportUsdCents),
                EnterpriseRevenueVnd = V(r.EnterpriseRevenueVnd),
                EnterpriseProductionValueVnd = V(r.EnterpriseProductionValueVnd),
                EnterpriseExportUsd = U(r.EnterpriseExportUsdCents),
                Employees = r.Employees?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                RdSpendingVnd = V(r.RdSpendingVnd),
                Notes = r.Notes,
                Version = r.Version,
            };
        return Page();
    }

    private static string? V(long? v) => v is null ? null : VnFormat.Vnd(v.Value);

    private static string? U(long? v) => v is null ? null : VnFormat.Usd(v.Value);

    private async Task LoadAsync(int eid, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        Window = await db
            .AnnualReportWindows.AsNoTracking()
            .Where(w => w.Opens <= today)
            .OrderByDescending(w => w.Year)
            .FirstOrDefaultAsync(ct);
        var all = await db
            .AnnualReports.AsNoTracking()
            .Where(r => r.EnterpriseId == eid)
            .OrderByDescending(r => r.Year)
            .ToListAsync(ct);
        Current = Window is null ? null : all.FirstOrDefault(r => r.Year == Window.Year);
        Past = all.Where(r => r != Current).ToList();
        Due = Window is not null && await queries.IsDueAsync(eid, Window.Year, ct);
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(false, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => SaveAsync(true, ct);

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken ct)
    {
        if (await access.OwnEnterpriseIdAsync(User, ct) is not { } eid)
            return Forbid();
        await LoadAsync(eid, ct);
        if (Window is null)
            return NotFound();
        var figures = Parse();
        if (!ModelState.IsValid)
            return Fail(400);
        try
        {
            await save.ExecuteAsync(eid, Window.Year, Input.Version, figures!, submit, ct);
        }
        catch (ReportFieldsException e)
        {
            foreach (var (field, message) in e.Problems)
                ModelState.AddModelError(
                    "Input." + field.Replace("UsdCents", "Usd", StringComparison.Ordinal),
                    l[message]
                );
            return Fail(400);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Báo cáo vừa được thay đổi ở nơi khác. Vui lòng tải lại trang."]);
            return Fail(409);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Localized(l));
            return Fail(400);
        }
        TempData["Flash"] = (submit ? l["Đã nộp báo cáo năm {0}.", Window.Year] : l["Đã lưu bản nháp."]).Value;
        return RedirectToPage();
    }

    private AnnualReportFigures? Parse()
    {
        long? Vnd(string? s, string field)
        {
            if (string.IsNullOrWhiteSpace(s))
                return null;
            if (s.Trim().StartsWith('-'))
            {
                ModelState.AddModelError("Input." + field, l["Số liệu không được âm."]);
                return null;
            }
            if (Money.TryParseVnd(s, out var v))
                return v;
            ModelState.AddModelError(
                "Input." + field,
                l["Nhập số đồng, chỉ gồm chữ số và dấu chấm phân nhóm (ví dụ 125.000.000.000)."]
            );
            return null;
        }
        long? Usd(string? s, string field)
        {
            if (string.IsNullOrWhiteSpace(s))
                return null;
            if (s.Trim().StartsWith('-'))
            {
                ModelState.AddModelError("Input." + field, l["Số liệu không được âm."]);
                return null;
            }
            if (Money.TryParseUsdCents(s, out var v))
                return v;
            ModelState.AddModelError("Input." + field, l["Nhập số USD, ví dụ 1.250.000 hoặc 1.250.000,50."]);
            return null;
        }
        int? employees = null;
        if (!string.IsNullOrWhiteSpace(Input.Employees))
        {
            if (int.TryParse(Input.Employees.Replace(".", "", StringComparison.Ordinal), out var e))
                employees = e;
            else
                ModelState.AddModelError("Input.Employees", l["Nhập số lao động là số nguyên."]);
        }
        var i = Input;
        return new AnnualReportFigures(
            Vnd(i.ProductRevenueVnd, nameof(i.ProductRevenueVnd)),
            Vnd(i.ProductProductionValueVnd, nameof(i.ProductProductionValueVnd)),
            Usd(i.ProductExportUsd, nameof(i.ProductExportUsd)),
            Vnd(i.EnterpriseRevenueVnd, nameof(i.EnterpriseRevenueVnd)),
            Vnd(i.EnterpriseProductionValueVnd, nameof(i.EnterpriseProductionValueVnd)),
            Usd(i.EnterpriseExportUsd, nameof(i.EnterpriseExportUsd)),
            employees,
            Vnd(i.RdSpendingVnd, nameof(i.RdSpendingVnd)),
            i.Notes
        );
    }

    private PageResult Fail(int status)
    {
        db.ChangeTracker.Clear();
        Response.StatusCode = status;
        return Page();
    }
}
