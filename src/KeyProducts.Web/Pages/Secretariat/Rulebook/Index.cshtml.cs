using System.ComponentModel.DataAnnotations;
using KeyProducts.Web.Features.Rulebook;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Rulebook;

/// <summary>The criteria sets with their versions; create an empty draft or import one (JSON or Excel).</summary>
public class IndexModel(
    RulebookQueries queries,
    EditCriteriaSet edit,
    CriteriaSetTransfer transfer,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public const long MaxImportBytes = 2 * 1024 * 1024;

    public List<CriteriaSetRow> Sets { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Vui lòng nhập tên bộ tiêu chí.")]
    [StringLength(300, ErrorMessage = "Tên quá dài (tối đa 300 ký tự).")]
    [Display(Name = "Tên bộ tiêu chí")]
    public string? Name { get; set; }

    [BindProperty]
    [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
    [Display(Name = "Căn cứ pháp lý (số văn bản)")]
    public string? LegalBasis { get; set; }

    [BindProperty]
    [Display(Name = "Tệp bộ tiêu chí (.json hoặc .xlsx)")]
    public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Sets = await queries.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        ModelState.Remove(nameof(Upload));
        if (!ModelState.IsValid)
        {
            Sets = await queries.ListAsync(ct);
            return Page();
        }
        var set = await edit.CreateAsync(Name!, LegalBasis ?? "", ct);
        return Redirect($"/Secretariat/Rulebook/Details?id={set.Id}");
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        ModelState.Clear();
        string? error = null;
        CriteriaSetDocument? doc = null;
        if (Upload is null || Upload.Length == 0)
            error = "Vui lòng chọn tệp.";
        else if (Upload.Length > MaxImportBytes)
            error = "Tệp quá lớn (tối đa 2 MB).";
        else
        {
            await using var stream = Upload.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            doc = Upload.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
                ? CriteriaSetTransfer.FromExcel(buffer)
                : CriteriaSetTransfer.ParseJson(buffer);
            if (doc is null)
                error = "Tệp không đúng định dạng bộ tiêu chí (JSON hoặc Excel xuất từ hệ thống).";
        }
        if (error is null)
        {
            var (set, importError) = await transfer.ImportAsync(doc, ct);
            if (set is not null)
            {
                TempData["Flash"] = l["Đã nhập bộ tiêu chí thành bản nháp mới."].Value;
                return Redirect($"/Secretariat/Rulebook/Details?id={set.Id}");
            }
            error = importError;
        }
        ModelState.AddModelError(nameof(Upload), l[error!]);
        Sets = await queries.ListAsync(ct);
        return Page();
    }
}
