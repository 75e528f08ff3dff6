using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Reference;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Admin.Reference;

/// <summary>Administrative units: current communes and wards, and former districts kept for old addresses.</summary>
public class UnitsModel(AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public List<AdministrativeUnit> Units { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập mã.")]
        [StringLength(10, ErrorMessage = "Tối đa 10 ký tự.")]
        [Display(Name = "Mã")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập tên.")]
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
        [Display(Name = "Tên đơn vị")]
        public string Name { get; set; } = "";

        [Display(Name = "Loại")]
        public UnitKind Kind { get; set; } = UnitKind.Ward;

        [Required(ErrorMessage = "Vui lòng nhập ngày.")]
        [Display(Name = "Hiệu lực từ")]
        public DateOnly ValidFrom { get; set; } = new(2025, 7, 1);

        [Display(Name = "Hiệu lực đến")]
        public DateOnly? ValidTo { get; set; }
    }

    public static string KindText(UnitKind k) =>
        k switch
        {
            UnitKind.Ward => "Phường",
            UnitKind.Commune => "Xã",
            UnitKind.Township => "Thị trấn",
            UnitKind.UrbanDistrict => "Quận",
            UnitKind.RuralDistrict => "Huyện",
            _ => "Thị xã",
        };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Id is null)
            return Page();
        if (await db.AdministrativeUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == Id, ct) is not { } u)
            return NotFound();
        Input = new InputModel
        {
            Code = u.Code,
            Name = u.Name,
            Kind = u.Kind,
            ValidFrom = u.ValidFrom,
            ValidTo = u.ValidTo,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.ValidTo < Input.ValidFrom)
            ModelState.AddModelError("Input.ValidTo", l["Ngày kết thúc phải sau ngày bắt đầu."]);
        if (await db.AdministrativeUnits.AnyAsync(u => u.Code == Input.Code.Trim() && u.Id != Id, ct))
            ModelState.AddModelError("Input.Code", l["Mã đã được dùng."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var unit = Id is null
            ? new AdministrativeUnit()
            : await db.AdministrativeUnits.FirstOrDefaultAsync(u => u.Id == Id, ct);
        if (unit is null)
            return NotFound();
        unit.Code = Input.Code.Trim();
        unit.Name = Input.Name.Trim();
        unit.Kind = Input.Kind;
        unit.Level = Input.Kind is UnitKind.Ward or UnitKind.Commune or UnitKind.Township
            ? UnitLevel.Commune
            : UnitLevel.District;
        unit.ValidFrom = Input.ValidFrom;
        unit.ValidTo = Input.ValidTo;
        unit.SearchName = SearchText.Fold(unit.Name);
        if (Id is null)
            db.AdministrativeUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã lưu thay đổi."].Value;
        return Redirect("/Admin/Reference/Units");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var q = db.AdministrativeUnits.AsNoTracking();
        var folded = SearchText.Query(Q);
        if (folded.Length > 0)
        {
            var pattern = SearchText.LikePattern(folded);
            q = q.Where(u => EF.Functions.Like(u.SearchName, pattern, "\\") || u.Code == Q);
        }
        Units = await q.OrderBy(u => u.Level).ThenBy(u => u.Name).ToListAsync(ct);
    }
}
