using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Outreach;
using KeyProducts.Web.Features.Support;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RowError = KeyProducts.Core.Program.RowError;

namespace KeyProducts.Web.Pages.Secretariat.Outreach;

/// <summary>The mobilization pipeline of a year: funnel (each count drills down to its targets), per officer, the list,
/// Excel import of targets, the year's thresholds, bulk invitations.</summary>
public class TargetsModel(
    AppDbContext db,
    MobilizationQueries queries,
    ImportTargets import,
    SetTargetThresholds thresholds,
    InviteTargets invite,
    OutreachExport export,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public MobilizationStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Revenue { get; set; }

    [BindProperty]
    public string? Export { get; set; }

    [BindProperty]
    public int EventId { get; set; }

    public IReadOnlyList<TargetRow> Rows { get; private set; } = [];
    public IReadOnlyList<(MobilizationStage Stage, int AtLeast, int Exactly)> Funnel { get; private set; } = [];
    public IReadOnlyList<(string? Owner, int Targets, int Submitted)> Officers { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> OfficerChoices { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Events { get; private set; } = [];
    public MobilizationThresholds Thresholds { get; private set; } = MobilizationThresholds.Plan2020;
    public IReadOnlyList<RowError> Errors { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public IActionResult OnGetTemplate() =>
        File(
            OutreachWorkbook.Template(
                l["Doanh nghiệp mục tiêu"],
                [.. ImportTargets.Required, .. ImportTargets.Optional],
                [
                    "0100233488",
                    "Công ty cổ phần ví dụ",
                    "Niên giám thống kê 2025",
                    "Cơ khí chế tạo",
                    "Xã Bát Tràng",
                    "150000000000",
                    "1200000",
                    "",
                    "lienhe@vidu.vn",
                ]
            ),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "mau-doanh-nghiep-muc-tieu.xlsx"
        );

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        FixYear();
        return File(
            await export.TargetsAsync(Year, s => l[s], ct),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"doanh-nghiep-muc-tieu-{Year}.xlsx"
        );
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        ModelState.Clear();
        FixYear();
        if (Upload is null || Upload.Length == 0 || Upload.Length > OutreachWorkbook.MaxBytes)
            return await FailAsync([new RowError("", 0, new Phrase("Chọn tệp Excel (.xlsx) không quá 5 MB."))], ct);
        await using var s = Upload.OpenReadStream();
        var outcome = await import.ExecuteAsync(Year, s, ct);
        if (!outcome.Succeeded)
            return await FailAsync(outcome.Errors, ct);
        TempData["Done"] = l[
            "Đã nhập: {0} mới, {1} cập nhật; {2} doanh nghiệp đạt ngưỡng.",
            outcome.Added,
            outcome.Updated,
            outcome.Flagged
        ].Value;
        return RedirectToPage(new { Year });
    }

    public async Task<IActionResult> OnPostThresholdsAsync(CancellationToken ct)
    {
        ModelState.Clear();
        FixYear();
        var revenue = SupportInput.Vnd(ModelState, nameof(Revenue), Revenue, l);
        long cents = 0;
        if (!Money.TryParseUsdCents(Export, out cents) || cents <= 0)
            ModelState.AddModelError(nameof(Export), l["Ngưỡng xuất khẩu là số USD lớn hơn 0."]);
        if (!ModelState.IsValid || revenue is not > 0)
            return await FailAsync([], ct);
        await thresholds.ExecuteAsync(Year, revenue.Value, cents, ct);
        TempData["Done"] = l["Đã lưu ngưỡng và gắn cờ lại danh sách."].Value;
        return RedirectToPage(new { Year });
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        ModelState.Clear();
        FixYear();
        try
        {
            var n = await invite.ExecuteAsync(Year, EventId, ct);
            TempData["Done"] = l["Đã gửi thư mời tới {0} doanh nghiệp.", n].Value;
            return RedirectToPage(new { Year });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(EventId), ex.Localized(l));
            return await FailAsync([], ct);
        }
    }

    private void FixYear()
    {
        if (Year is < 2000 or > 2100)
            Year = VietnamTime.Today(time).Year;
    }

    private async Task<IActionResult> FailAsync(IReadOnlyList<RowError> errors, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Errors = errors;
        await LoadAsync(ct);
        Response.StatusCode = 400;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        FixYear();
        Rows = await queries.ListAsync(new TargetFilter(Year, Stage, Owner, Q), ct);
        Funnel = await queries.FunnelAsync(Year, Owner, ct);
        Officers = await queries.ByOfficerAsync(Year, ct);
        Thresholds = await import.ThresholdsAsync(Year, ct);
        OfficerChoices = (
            await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where r.Name == Roles.Officer
                orderby u.DisplayName
                select new { u.Id, u.DisplayName }
            )
                .Distinct()
                .ToListAsync(ct)
        ).Select(x => (x.Id, x.DisplayName)).ToList();
        Events = (
            await db
                .OutreachEvents.AsNoTracking()
                .Where(e => e.Published && e.EndsAt > time.GetUtcNow())
                .OrderBy(e => e.StartsAt)
                .Select(e => new { e.Id, e.Title })
                .ToListAsync(ct)
        )
            .Select(e => (e.Id, e.Title))
            .ToList();
    }
}
