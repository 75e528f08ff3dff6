using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Reference;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Admin.Reference;

/// <summary>Sectors of the program, each valid for a period (legal regime).</summary>
public class SectorsModel(AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public List<Sector> Sectors { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập mã.")]
        [StringLength(20, ErrorMessage = "Tối đa 20 ký tự.")]
        [Display(Name = "Mã")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập tên.")]
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
        [Display(Name = "Tên ngành")]
        public string NameVi { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập tên.")]
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
        [Display(Name = "Tên tiếng Anh")]
        public string NameEn { get; set; } = "";

        [Range(2000, 2100, ErrorMessage = "Năm không hợp lệ.")]
        [Display(Name = "Áp dụng từ năm")]
        public int ValidFromYear { get; set; } = 2026;

        [Range(2000, 2100, ErrorMessage = "Năm không hợp lệ.")]
        [Display(Name = "Áp dụng đến năm")]
        public int? ValidToYear { get; set; }

        [Range(0, 1000, ErrorMessage = "Thứ tự phải từ 0 đến 1.000.")]
        [Display(Name = "Thứ tự")]
        public int SortOrder { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Id is null)
            return Page();
        if (Sectors.FirstOrDefault(s => s.Id == Id) is not { } s)
            return NotFound();
        Input = new InputModel
        {
            Code = s.Code,
            NameVi = s.NameVi,
            NameEn = s.NameEn,
            ValidFromYear = s.ValidFromYear,
            ValidToYear = s.ValidToYear,
            SortOrder = s.SortOrder,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Input.ValidToYear < Input.ValidFromYear)
            ModelState.AddModelError("Input.ValidToYear", l["Năm kết thúc phải sau năm bắt đầu."]);
        if (Sectors.Any(s => s.Code == Input.Code.Trim() && s.Id != Id))
            ModelState.AddModelError("Input.Code", l["Mã đã được dùng."]);
        if (!ModelState.IsValid)
            return Page();
        var sector = Id is null ? new Sector() : await db.Sectors.FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (sector is null)
            return NotFound();
        sector.Code = Input.Code.Trim();
        sector.NameVi = Input.NameVi.Trim();
        sector.NameEn = Input.NameEn.Trim();
        sector.ValidFromYear = Input.ValidFromYear;
        sector.ValidToYear = Input.ValidToYear;
        sector.SortOrder = Input.SortOrder;
        if (Id is null)
            db.Sectors.Add(sector);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã lưu thay đổi."].Value;
        return Redirect("/Admin/Reference/Sectors");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Sectors = await db
            .Sectors.AsNoTracking()
            .OrderBy(s => s.ValidToYear != null)
            .ThenBy(s => s.SortOrder)
            .ToListAsync(ct);
}
