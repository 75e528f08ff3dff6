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

public class ReviewModel(AppDbContext db, ReviewAnnualReport review, IStringLocalizer<SharedResource> l) : PageModel
{
    public AnnualReport Report { get; private set; } = null!;
    public string Enterprise { get; private set; } = "";
    public AnnualReport? Previous { get; private set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public int Version { get; set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var r = await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
            return false;
        Report = r;
        Enterprise = await db.Enterprises.Where(e => e.Id == r.EnterpriseId).Select(e => e.NameVi).FirstAsync(ct);
        Previous = await db
            .AnnualReports.AsNoTracking()
            .FirstOrDefaultAsync(x => x.EnterpriseId == r.EnterpriseId && x.Year == r.Year - 1, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Version = Report.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => review.AcceptAsync(id, Version, UserId, ct), l["Đã tiếp nhận báo cáo."], ct);

    public Task<IActionResult> OnPostCorrectAsync(int id, CancellationToken ct) =>
        RunAsync(
            id,
            () => review.RequestCorrectionAsync(id, Version, UserId, Note ?? "", ct),
            l["Đã gửi yêu cầu bổ sung."],
            ct
        );

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private async Task<IActionResult> RunAsync(int id, Func<Task> action, string done, CancellationToken ct)
    {
        if (!await db.AnnualReports.AnyAsync(x => x.Id == id, ct))
            return NotFound();
        try
        {
            await action();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Báo cáo vừa được thay đổi ở nơi khác. Vui lòng tải lại trang."]);
            return await FailAsync(id, 409, ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Code == "CorrectionNoteRequired" ? nameof(Note) : "", e.Localized(l));
            return await FailAsync(id, 400, ct);
        }
        TempData["Flash"] = done;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> FailAsync(int id, int status, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        Response.StatusCode = status;
        return Page();
    }
}
