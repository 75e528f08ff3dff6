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

namespace KeyProducts.Web.Pages.Portal.Support;

/// <summary>The enterprise fills its support application (purpose, items, linked products, documents), submits it,
/// and follows the decision and the disbursements.</summary>
[Infrastructure.Web.FormTooLargeIs413]
[RequestSizeLimit(DossierLimits.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = DossierLimits.MaxUploadRequestBytes)]
public class EditModel(
    AppDbContext db,
    DossierAccess dossiers,
    SupportAccess access,
    SaveSupportApplication save,
    UploadSupportDocument upload,
    SubmitSupportApplication submit,
    IFileStorage storage,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public const int BlankRows = 3;

    public sealed class ItemInput
    {
        public string? Description { get; set; }
        public string? Cost { get; set; }
        public int Quantity { get; set; } = 1;
    }

    public sealed record ProductOption(int Id, string Name, bool Recognized);

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public List<ItemInput> Items { get; set; } = [];

    [BindProperty]
    public List<int> ProductIds { get; set; } = [];

    [BindProperty]
    public string? DocTitle { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public SupportApplication A { get; private set; } = null!;
    public SupportProgram Program { get; private set; } = null!;
    public SupportCall Call { get; private set; } = null!;
    public SupportComputation Preview { get; private set; } = null!;
    public IReadOnlyList<ProductOption> Products { get; private set; } = [];
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? saved, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Saved = saved;
        Fill();
        return Page();
    }

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

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) => HandleAsync(id, "items", async () =>
        {
            if (Purpose?.Length > 4000)
                ModelState.AddModelError(nameof(Purpose), l["Tối đa 4000 ký tự."]);
            var items = new List<SupportItemInput>();
            for (var i = 0; i < Items.Count; i++)
            {
                var it = Items[i];
                if (string.IsNullOrWhiteSpace(it.Description) && string.IsNullOrWhiteSpace(it.Cost))
                    continue;
                if (string.IsNullOrWhiteSpace(it.Description))
                    ModelState.AddModelError($"Items[{i}].Description", l["Cần mô tả hạng mục."]);
                else if (it.Description.Length > 500)
                    ModelState.AddModelError($"Items[{i}].Description", l["Tối đa 500 ký tự."]);
                var cost = SupportInput.Vnd(ModelState, $"Items[{i}].Cost", it.Cost, l);
                if (cost == 0)
                    ModelState.AddModelError(
                        $"Items[{i}].Cost",
                        l["Chi phí của hạng mục phải là số nguyên dương (đồng)."]
                    );
                if (it.Quantity is < 1 or > 1000)
                    ModelState.AddModelError($"Items[{i}].Quantity", l["Số lượng phải từ 1 đến 1000."]);
                if (cost is > 0)
                    items.Add(new SupportItemInput(it.Description?.Trim() ?? "", cost.Value, it.Quantity));
            }
            if (items.Count == 0 && ModelState.IsValid)
                ModelState.AddModelError(nameof(Items), l["Cần ít nhất một hạng mục đề nghị hỗ trợ."]);
            if (!ModelState.IsValid)
                return false;
            await save.ExecuteAsync(A, Version, Purpose ?? "", items, ProductIds, ct);
            return true;
        });

    public Task<IActionResult> OnPostUploadAsync(int id, CancellationToken ct) =>
        HandleAsync(id, "documents", async () =>
        {
            if (Upload is null || Upload.Length == 0)
            {
                ModelState.AddModelError(nameof(Upload), l["Chọn tệp cần tải lên."]);
                return false;
            }
            await using var stream = Upload.OpenReadStream();
            await upload.ExecuteAsync(A, DocTitle ?? "", Upload.FileName, stream, dossiers.ViewerUserId(User), ct);
            return true;
        });

    public Task<IActionResult> OnPostRemoveDocumentAsync(int id, int documentId, CancellationToken ct) =>
        HandleAsync(id, "documents", async () =>
        {
            await upload.RemoveAsync(A, documentId, ct);
            return true;
        });

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => HandleAsync(id, "submit", async () =>
        {
            await submit.ExecuteAsync(A, Version, dossiers.ViewerUserId(User), ct);
            return true;
        });

    private async Task<IActionResult> HandleAsync(int id, string section, Func<Task<bool>> action)
    {
        var ct = HttpContext.RequestAborted;
        if (!await LoadAsync(id, ct))
            return NotFound();
        try
        {
            if (await action())
                return RedirectToPage("Edit", null, new { id, saved = section }, section);
            Response.StatusCode = 400;
        }
        catch (FileTooLargeException)
        {
            ModelState.AddModelError(
                nameof(Upload),
                l[
                    "Tệp vượt quá dung lượng cho phép ({0} MB mỗi tệp, {1} MB mỗi hồ sơ).",
                    DossierLimits.MaxFileBytes / 1048576,
                    DossierLimits.MaxDossierBytes / 1048576
                ]
            );
            Response.StatusCode = 413;
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Hồ sơ vừa được thay đổi ở nơi khác. Vui lòng tải lại trang."]);
            Response.StatusCode = 409;
        }
        catch (DomainException ex)
        {
            var key =
                section == "documents" ? nameof(Upload)
                : ex.Code is "Items" or "Products" or "Purpose" ? ex.Code
                : "";
            if (key == "Products")
                key = nameof(ProductIds);
            ModelState.AddModelError(key, ex.Localized(l));
            Response.StatusCode = 400;
        }
        // Reload what is saved; the posted fields keep what the user typed.
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        if (section != "items")
            Fill();
        return Page();
    }

    private void Fill()
    {
        Version = A.Version;
        Purpose = A.Purpose;
        Items = A
            .Items.OrderBy(i => i.Id)
            .Select(i => new ItemInput
            {
                Description = i.Description,
                Cost = VnFormat.Vnd(i.CostVnd),
                Quantity = i.Quantity,
            })
            .ToList();
        ProductIds = A.Products.Select(p => p.ProductId).ToList();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await dossiers.ViewerAsync(User, ct);
        if (viewer.EnterpriseId is null || await access.LoadAsync(viewer, id, ct) is not { } a)
            return false;
        A = a;
        Program = await db.SupportPrograms.AsNoTracking().FirstAsync(p => p.Id == a.ProgramId, ct);
        Call = await db.SupportCalls.AsNoTracking().FirstAsync(c => c.Id == a.CallId, ct);
        Preview = await SupportAmounts.ComputeAsync(db, a, ct);
        var products = await db
            .Products.AsNoTracking()
            .Where(p => p.EnterpriseId == a.EnterpriseId)
            .OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name })
            .ToListAsync(ct);
        var recognized = await SupportRecognitions.RecognizedProductsAsync(
            db,
            products.Select(p => p.Id),
            VietnamTime.Today(time),
            ct
        );
        Products = products.Select(p => new ProductOption(p.Id, p.Name, recognized.Contains(p.Id))).ToList();
        return true;
    }
}
