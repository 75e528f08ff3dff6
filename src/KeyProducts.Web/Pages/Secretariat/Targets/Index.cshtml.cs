using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Program;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Targets;

/// <summary>Program phases, their targets and the published figures; import from JSON or Excel with a row-level
/// error report; download the shipped data and the current data.</summary>
[RequestSizeLimit(ImportProgramData.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportProgramData.MaxBytes + 64 * 1024)]
public class IndexModel(AppDbContext db, ImportProgramData import, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<Phase> Phases { get; private set; } = [];
    public List<ProgramTarget> Targets { get; private set; } = [];
    public List<Measurement> Measurements { get; private set; } = [];
    public ImportProgramData.Outcome? Outcome { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Phases = await db.Phases.AsNoTracking().OrderBy(p => p.StartYear).ToListAsync(ct);
        Targets = await db.ProgramTargets.AsNoTracking().OrderBy(t => t.Year).ThenBy(t => t.Code).ToListAsync(ct);
        Measurements = await db
            .Measurements.AsNoTracking()
            .OrderByDescending(m => m.Year)
            .ThenBy(m => m.Indicator)
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), l["Chọn tệp JSON hoặc Excel (.xlsx) để nhập."]);
            return await FailAsync(ct);
        }
        if (Upload.Length > ImportProgramData.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), l["Tệp quá lớn (tối đa 5 MB)."]);
            return await FailAsync(ct);
        }
        await using var s = Upload.OpenReadStream();
        var ext = Path.GetExtension(Upload.FileName).ToLowerInvariant();
        if (ext is not ".json" and not ".xlsx")
        {
            ModelState.AddModelError(nameof(Upload), l["Chỉ nhận tệp .json hoặc .xlsx."]);
            return await FailAsync(ct);
        }
        Outcome = ext == ".json" ? await import.ImportJsonAsync(s, ct) : await import.ImportExcelAsync(s, ct);
        return await AfterImportAsync(ct);
    }

    public async Task<IActionResult> OnPostShippedAsync(CancellationToken ct)
    {
        Outcome = await import.ImportShippedAsync(ct);
        return await AfterImportAsync(ct);
    }

    private async Task<IActionResult> AfterImportAsync(CancellationToken ct)
    {
        if (!Outcome!.Succeeded)
        {
            ModelState.AddModelError(
                nameof(Upload),
                l["Tệp có {0} lỗi; chưa có gì được lưu. Xem danh sách lỗi theo dòng.", Outcome.Errors.Count]
            );
            return await FailAsync(ct);
        }
        TempData["Flash"] = l["Đã nhập: {0} mục mới, {1} mục cập nhật.", Outcome.Added, Outcome.Updated].Value;
        return RedirectToPage();
    }

    private async Task<IActionResult> FailAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        Response.StatusCode = 400;
        return Page();
    }

    public IActionResult OnGetShipped() =>
        File(ImportProgramData.OpenShipped(), "application/json", "spcncl-program-data.json");

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return File(
            ProgramDataWorkbook.Write(Phases, Targets, Measurements),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "spcncl-chi-tieu-so-lieu.xlsx"
        );
    }
}
