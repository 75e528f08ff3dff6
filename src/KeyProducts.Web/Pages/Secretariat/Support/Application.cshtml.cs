using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Features.Support;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Support;

/// <summary>The officer reviews an application: what the rules allow (and why a cap cut it), the budget left, the
/// linked recognized products; asks for changes, approves an amount or rejects; records disbursed tranches.</summary>
public class ApplicationModel(
    AppDbContext db,
    DossierAccess dossiers,
    SupportAccess access,
    IFileStorage storage,
    RequestSupportChanges changes,
    RejectSupportApplication reject,
    ApproveSupportApplication approve,
    DisburseSupportTranche disburse,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public sealed record LinkedProduct(int Id, string Name, bool Recognized);

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty, StringLength(2000, ErrorMessage = "Tối đa 2000 ký tự.")]
    public string? Reason { get; set; }

    [BindProperty]
    public string? TrancheAmount { get; set; }

    [BindProperty]
    public DateOnly? PaidOn { get; set; }

    [BindProperty, StringLength(100, ErrorMessage = "Tối đa 100 ký tự.")]
    public string? Reference { get; set; }

    public SupportApplication A { get; private set; } = null!;
    public SupportProgram Program { get; private set; } = null!;
    public SupportCall Call { get; private set; } = null!;
    public string EnterpriseName { get; private set; } = "";
    public string TaxCode { get; private set; } = "";
    public SupportComputation Computation { get; private set; } = null!;
    public SupportBudget? Budget { get; private set; }
    public IReadOnlyList<LinkedProduct> Products { get; private set; } = [];
    public Dictionary<string, string> UserNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Version = A.Version;
        if (SupportTransitions.AwaitingOfficer.Contains(A.State))
            Amount = VnFormat.Vnd(MaxWithinBudget);
        PaidOn = VietnamTime.Today(time);
        return Page();
    }

    /// <summary>The amount the form proposes: the rules' maximum, within what is left of the budget.</summary>
    public long MaxWithinBudget => Math.Max(0, Math.Min(Computation.MaximumVnd, Budget?.RemainingVnd ?? 0));

    public async Task<IActionResult> OnGetDocumentAsync(int id, int documentId, CancellationToken ct)
    {
        var viewer = await dossiers.ViewerAsync(User, ct);
        var doc = await access
            .VisibleTo(viewer)
            .Where(a => a.Id == id)
            .SelectMany(a => a.Documents)
            .FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (doc is null || storage.OpenRead(doc.Sha256) is not { } stream)
            return NotFound();
        return File(stream, doc.ContentType, doc.FileName);
    }

    public Task<IActionResult> OnPostChangesAsync(int id, CancellationToken ct) =>
        RunAsync(id, nameof(Reason), a => changes.ExecuteAsync(a, Version, UserId, Reason ?? "", ct), ct);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) =>
        RunAsync(id, nameof(Reason), a => reject.ExecuteAsync(a, Version, UserId, Reason ?? "", ct), ct);

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        var amount = SupportInput.Vnd(ModelState, nameof(Amount), Amount, l);
        return await RunAsync(id, nameof(Amount), a => approve.ExecuteAsync(a, Version, UserId, amount!.Value, ct), ct);
    }

    public async Task<IActionResult> OnPostDisburseAsync(int id, CancellationToken ct)
    {
        var amount = SupportInput.Vnd(ModelState, nameof(TrancheAmount), TrancheAmount, l);
        if (PaidOn is null && !ModelState.ContainsKey(nameof(PaidOn)))
            ModelState.AddModelError(nameof(PaidOn), l["Cần nhập ngày chi."]);
        if (string.IsNullOrWhiteSpace(Reference))
            ModelState.AddModelError(nameof(Reference), l["Cần nhập số chứng từ."]);
        return await RunAsync(
            id,
            nameof(TrancheAmount),
            a => disburse.ExecuteAsync(a, Version, UserId, amount!.Value, PaidOn!.Value, Reference ?? "", ct),
            ct
        );
    }

    private string UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";

    private async Task<IActionResult> RunAsync(
        int id,
        string field,
        Func<SupportApplication, Task> action,
        CancellationToken ct
    )
    {
        var viewer = await dossiers.ViewerAsync(User, ct);
        var a = await access.LoadAsync(viewer, id, ct);
        if (a is null)
            return NotFound();
        if (!ModelState.IsValid)
            return await FailAsync(id, 400, ct);
        try
        {
            await action(a);
            return RedirectToPage("Application", new { id });
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Hồ sơ vừa được thay đổi ở nơi khác. Vui lòng tải lại trang."]);
            return await FailAsync(id, 409, ct);
        }
        catch (DomainException ex)
        {
            var key = ex.Code switch
            {
                "Amount" => field,
                "Reason" => nameof(Reason),
                "PaidOn" => nameof(PaidOn),
                "Reference" => nameof(Reference),
                _ => "",
            };
            ModelState.AddModelError(key, ex.Localized(l));
            return await FailAsync(id, 400, ct);
        }
    }

    private async Task<IActionResult> FailAsync(int id, int status, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct))
            return NotFound();
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await dossiers.ViewerAsync(User, ct);
        var a = await access
            .VisibleTo(viewer)
            .AsNoTracking()
            .Include(x => x.Items)
            .Include(x => x.Products)
            .Include(x => x.Documents)
            .Include(x => x.History)
            .Include(x => x.Tranches)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
            return false;
        A = a;
        Program = await db.SupportPrograms.AsNoTracking().FirstAsync(p => p.Id == a.ProgramId, ct);
        Call = await db.SupportCalls.AsNoTracking().FirstAsync(c => c.Id == a.CallId, ct);
        var e = await db
            .Enterprises.AsNoTracking()
            .Where(x => x.Id == a.EnterpriseId)
            .Select(x => new { x.NameVi, x.TaxCode })
            .FirstAsync(ct);
        (EnterpriseName, TaxCode) = (e.NameVi, e.TaxCode);
        Computation = await SupportAmounts.ComputeAsync(db, a, ct);
        Budget = await db
            .SupportBudgets.AsNoTracking()
            .FirstOrDefaultAsync(b => b.ProgramId == a.ProgramId && b.Year == a.Year, ct);
        var productIds = a.Products.Select(p => p.ProductId).ToList();
        var recognized = await SupportRecognitions.RecognizedProductsAsync(db, productIds, VietnamTime.Today(time), ct);
        Products = (
            await db
                .Products.AsNoTracking()
                .Where(p => productIds.Contains(p.Id))
                .Select(p => new { p.Id, p.Name })
                .ToListAsync(ct)
        )
            .Select(p => new LinkedProduct(p.Id, p.Name, recognized.Contains(p.Id)))
            .ToList();
        var userIds = a.History.Select(h => h.UserId).Concat(a.Tranches.Select(t => t.UserId)).Distinct().ToList();
        UserNames = await db
            .Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return true;
    }
}
