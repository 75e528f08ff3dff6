using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Dossiers;

/// <summary>One dossier for screening: automatic checks, versions, and the officer's actions.
/// Every action posts the Version the officer saw, so a concurrent change is reported, never overwritten.</summary>
[Infrastructure.Web.FormTooLargeIs413]
[RequestSizeLimit(DossierLimits.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = DossierLimits.MaxUploadRequestBytes)]
public class DetailsModel(
    AppDbContext db,
    DossierAccess access,
    DossierWorkspaceLoader loader,
    StartScreening startScreening,
    RequestSupplement requestSupplement,
    DecideEligibility decide,
    RecordSiteInspection inspect,
    GrantDeadlineExtension extend,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public DossierWorkspace W { get; private set; } = null!;
    public List<DossierSnapshot> Snapshots { get; private set; } = [];
    public List<SiteInspection> Inspections { get; private set; } = [];
    public List<SupplementRequest> Supplements { get; private set; } = [];

    [BindProperty]
    public int SeenVersion { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    [BindProperty]
    public DateOnly? Deadline { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Comments { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public DateOnly? InspectionDate { get; set; }

    [BindProperty]
    public string? Participants { get; set; }

    [BindProperty]
    public string? Findings { get; set; }

    [BindProperty]
    public IFormFile? Attachment { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostScreenAsync(int id) =>
        Act(id, () => startScreening.ExecuteAsync(W, SeenVersion, UserId, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostSupplementAsync(int id) => Act(id, () =>
        {
            if (string.IsNullOrWhiteSpace(Message))
                throw new DomainException("Message", "Cần ghi nội dung đề nghị bổ sung.");
            if (Deadline is null)
                throw new DomainException("Deadline", "Cần chọn hạn bổ sung.");
            var items = new List<SupplementItem>();
            foreach (var (key, comment) in Comments.Where(c => !string.IsNullOrWhiteSpace(c.Value)))
            {
                if (
                    key.StartsWith("item-", StringComparison.Ordinal)
                    && int.TryParse(key[5..], out var itemId)
                    && W.Checklist.Any(c => c.Id == itemId)
                )
                    items.Add(
                        new SupplementItem
                        {
                            Target = SupplementTarget.ChecklistItem,
                            ChecklistItemId = itemId,
                            Comment = comment!.Trim(),
                        }
                    );
                else if (
                    Enum.TryParse<SupplementTarget>(key, out var target)
                    && target != SupplementTarget.ChecklistItem
                )
                    items.Add(new SupplementItem { Target = target, Comment = comment!.Trim() });
            }
            return requestSupplement.ExecuteAsync(
                W,
                SeenVersion,
                UserId,
                Message,
                Deadline.Value,
                items,
                HttpContext.RequestAborted
            );
        });

    public Task<IActionResult> OnPostEligibleAsync(int id) =>
        Act(id, () => decide.ExecuteAsync(W, SeenVersion, UserId, true, Reason, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostIneligibleAsync(int id) =>
        Act(id, () => decide.ExecuteAsync(W, SeenVersion, UserId, false, Reason, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostInspectionAsync(int id) => Act(id, async () =>
        {
            if (Participants?.Length > 1000 || Findings?.Length > 8000)
                throw new DomainException(
                    "TooLong",
                    "Thành phần tham gia không quá 1000 ký tự và kết quả kiểm tra không quá 8000 ký tự."
                );
            await using var stream = Attachment?.OpenReadStream();
            await inspect.ExecuteAsync(
                W,
                UserId,
                InspectionDate ?? VietnamTime.Today(time),
                Participants ?? "",
                Findings ?? "",
                Attachment?.FileName,
                stream,
                HttpContext.RequestAborted
            );
        });

    public Task<IActionResult> OnPostExtendAsync(int id) => Act(id, () =>
        {
            if (Deadline is null)
                throw new DomainException("Deadline", "Cần chọn hạn mới.");
            return extend.ExecuteAsync(
                W.Round.Id,
                W.Dossier.EnterpriseId,
                Deadline.Value,
                Reason ?? "",
                UserId,
                HttpContext.RequestAborted
            );
        });

    private string UserId => access.ViewerUserId(User);

    private async Task<IActionResult> Act(int id, Func<Task> action)
    {
        var ct = HttpContext.RequestAborted;
        if (!await LoadAsync(id, ct))
            return NotFound();
        try
        {
            await action();
            return RedirectToPage("Details", new { id });
        }
        catch (Exception ex) when (ex is DossierChangedException or DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(
                "",
                l["Hồ sơ vừa được người khác thay đổi. Vui lòng tải lại trang để xem bản mới nhất trước khi thao tác."]
            );
            Response.StatusCode = 409;
        }
        catch (FileTooLargeException)
        {
            ModelState.AddModelError(
                "",
                l[
                    "Tệp vượt quá dung lượng cho phép ({0} MB mỗi tệp, {1} MB mỗi hồ sơ).",
                    DossierLimits.MaxFileBytes / 1048576,
                    DossierLimits.MaxDossierBytes / 1048576
                ]
            );
            Response.StatusCode = 413;
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Localized(l));
            Response.StatusCode = 400;
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(User, ct);
        if (!DossierAccess.CanScreen(viewer) || !await access.CanSeeAsync(viewer, id, ct))
            return false;
        W = (await loader.LoadAsync(id, ct))!;
        Snapshots = await db
            .DossierSnapshots.AsNoTracking()
            .Where(s => s.DossierId == id)
            .OrderBy(s => s.Revision)
            .ToListAsync(ct);
        Inspections = await db
            .SiteInspections.AsNoTracking()
            .Where(s => s.DossierId == id)
            .OrderBy(s => s.Date)
            .ToListAsync(ct);
        Supplements = await db
            .SupplementRequests.AsNoTracking()
            .Include(s => s.Items)
            .Where(s => s.DossierId == id)
            .OrderBy(s => s.RequestedAt)
            .ToListAsync(ct);
        return true;
    }
}
