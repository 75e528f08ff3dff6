using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Outreach;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Outreach;

/// <summary>Industrial clusters and craft villages by commune: search, Excel import with a row-level report, the
/// shipped sample.</summary>
public class PlacesModel(AppDbContext db, ImportPlaces import, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public PlaceKind? Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<OutreachPlace> Places { get; private set; } = [];
    public IReadOnlyList<RowError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public IActionResult OnGetTemplate() =>
        File(
            OutreachWorkbook.Template(
                l["Danh mục"],
                [.. ImportPlaces.Required, .. ImportPlaces.Optional],
                ["Làng nghề", "LN-BATTRANG", "Làng gốm Bát Tràng", "Xã Bát Tràng", "Thôn Bát Tràng", "Gốm sứ"]
            ),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "mau-cum-cong-nghiep-lang-nghe.xlsx"
        );

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0 || Upload.Length > OutreachWorkbook.MaxBytes)
            return await FailAsync([new RowError("", 0, new Phrase("Chọn tệp Excel (.xlsx) không quá 5 MB."))], ct);
        await using var s = Upload.OpenReadStream();
        var outcome = await import.ImportExcelAsync(s, ct);
        if (!outcome.Succeeded)
            return await FailAsync(outcome.Errors, ct);
        TempData["Imported"] = l["Đã nhập: {0} mới, {1} cập nhật.", outcome.Added, outcome.Updated].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSampleAsync(CancellationToken ct)
    {
        var outcome = await import.ImportSampleAsync(ct);
        if (!outcome.Succeeded)
            return await FailAsync(outcome.Errors, ct);
        TempData["Imported"] = l["Đã nhập: {0} mới, {1} cập nhật.", outcome.Added, outcome.Updated].Value;
        return RedirectToPage();
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
        var q = db.OutreachPlaces.AsNoTracking();
        if (Kind is { } k)
            q = q.Where(p => p.Kind == k);
        if (SearchText.Query(Q) is { Length: > 0 } folded)
        {
            var like = SearchText.LikePattern(folded);
            q = q.Where(p => EF.Functions.Like(p.SearchText, like, "\\"));
        }
        Places = await q.OrderBy(p => p.Kind).ThenBy(p => p.CommuneName).ThenBy(p => p.Name).Take(500).ToListAsync(ct);
    }
}
