using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Reference;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Reference;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Admin.Reference;

/// <summary>The high-tech product list; the full list is imported from Excel.</summary>
public class HighTechModel(AppDbContext db, ImportHighTechList import, IStringLocalizer<SharedResource> l) : PageModel
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public List<HighTechProduct> Items { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Vui lòng nhập số quyết định ban hành danh mục.")]
    [StringLength(100, ErrorMessage = "Tối đa 100 ký tự.")]
    [Display(Name = "Quyết định ban hành danh mục")]
    public string ListDecision { get; set; } = "38/2020/QĐ-TTg";

    [BindProperty]
    [Display(Name = "Tệp Excel (.xlsx): cột A mã, cột B tên, dòng 1 là tiêu đề")]
    public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
            ModelState.AddModelError(nameof(Upload), l["Vui lòng chọn tệp."]);
        else if (Upload.Length > MaxBytes)
            ModelState.AddModelError(nameof(Upload), l["Tệp quá lớn (tối đa 5 MB)."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        await using var stream = Upload!.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var outcome = await import.RunAsync(ListDecision, buffer, ct);
        if (outcome.Error is not null)
        {
            ModelState.AddModelError(nameof(Upload), l[outcome.Error]);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = l["Đã nhập danh mục: thêm {0}, cập nhật {1}.", outcome.Added, outcome.Updated].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Items = await db
            .HighTechProducts.AsNoTracking()
            .OrderBy(h => h.ListDecision)
            .ThenBy(h => h.Code)
            .ToListAsync(ct);
}
