using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Reference;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Admin.Reference;

/// <summary>Agencies with validity dates and a successor (several departments merged on 01/03/2025).</summary>
public class AgenciesModel(AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public List<Agency> Agencies { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập mã.")]
        [StringLength(20, ErrorMessage = "Tối đa 20 ký tự.")]
        [Display(Name = "Mã")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập tên.")]
        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        [Display(Name = "Tên cơ quan")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập tên viết tắt.")]
        [StringLength(50, ErrorMessage = "Tối đa 50 ký tự.")]
        [Display(Name = "Tên viết tắt")]
        public string ShortName { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập ngày.")]
        [Display(Name = "Hiệu lực từ")]
        public DateOnly ValidFrom { get; set; } = new(2025, 3, 1);

        [Display(Name = "Hiệu lực đến")]
        public DateOnly? ValidTo { get; set; }

        [Display(Name = "Cơ quan kế thừa")]
        public int? SuccessorId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Id is null)
            return Page();
        if (Agencies.FirstOrDefault(a => a.Id == Id) is not { } a)
            return NotFound();
        Input = new InputModel
        {
            Code = a.Code,
            Name = a.Name,
            ShortName = a.ShortName,
            ValidFrom = a.ValidFrom,
            ValidTo = a.ValidTo,
            SuccessorId = a.SuccessorId,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Input.ValidTo < Input.ValidFrom)
            ModelState.AddModelError("Input.ValidTo", l["Ngày kết thúc phải sau ngày bắt đầu."]);
        if (Agencies.Any(a => a.Code == Input.Code.Trim() && a.Id != Id))
            ModelState.AddModelError("Input.Code", l["Mã đã được dùng."]);
        if (Input.SuccessorId is { } s && (s == Id || Agencies.All(a => a.Id != s)))
            ModelState.AddModelError("Input.SuccessorId", l["Cơ quan kế thừa không hợp lệ."]);
        if (Input.SuccessorId is not null && Input.ValidTo is null)
            ModelState.AddModelError("Input.ValidTo", l["Cơ quan có cơ quan kế thừa cần có ngày hết hiệu lực."]);
        if (!ModelState.IsValid)
            return Page();
        var agency = Id is null ? new Agency() : await db.Agencies.FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (agency is null)
            return NotFound();
        agency.Code = Input.Code.Trim();
        agency.Name = Input.Name.Trim();
        agency.ShortName = Input.ShortName.Trim();
        agency.ValidFrom = Input.ValidFrom;
        agency.ValidTo = Input.ValidTo;
        agency.SuccessorId = Input.SuccessorId;
        if (Id is null)
            db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã lưu thay đổi."].Value;
        return Redirect("/Admin/Reference/Agencies");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.ValidTo != null).ThenBy(a => a.Name).ToListAsync(ct);
}
