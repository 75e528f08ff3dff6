using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Features.Rulebook;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Rulebook;

/// <summary>Add or edit a criteria group, with its optional minimum (points or percent of its maximum).</summary>
public class GroupModel(RulebookQueries queries, EditCriteriaSet edit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int SetId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập mã.")]
        [StringLength(20, ErrorMessage = "Tối đa 20 ký tự.")]
        [Display(Name = "Mã")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập tên.")]
        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        [Display(Name = "Tên nhóm tiêu chí")]
        public string Name { get; set; } = "";

        [Range(0, 1000, ErrorMessage = "Thứ tự phải từ 0 đến 1.000.")]
        [Display(Name = "Thứ tự")]
        public int SortOrder { get; set; }

        [Display(Name = "Điểm tối thiểu của nhóm (để trống nếu không có)")]
        public string? MinPoints { get; set; }

        [Range(0, 100, ErrorMessage = "Tỷ lệ phải từ 0 đến 100.")]
        [Display(Name = "Hoặc tỷ lệ tối thiểu (% điểm tối đa của nhóm)")]
        public int? MinPercent { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await this.RedirectIfFrozenAsync(queries, l, SetId, ct) is { } frozen)
            return frozen;
        if (await queries.LoadEditableAsync(SetId, ct) is not { } s)
            return NotFound();
        if (Id is not null)
        {
            if (EditCriteriaSet.Group(s, Id) is not { } g)
                return NotFound();
            Input = new InputModel
            {
                Code = g.Code,
                Name = g.Name,
                SortOrder = g.SortOrder,
                MinPercent = g.MinPercent,
                MinPoints = g.MinPointsHundredths is { } m ? PointsText.Format(m) : null,
            };
        }
        else
            Input.SortOrder = s.Groups.Count + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        long? min = null;
        if (!string.IsNullOrWhiteSpace(Input.MinPoints))
        {
            if (PointsText.TryParseHundredths(Input.MinPoints, out var m))
                min = m;
            else
                ModelState.AddModelError("Input.MinPoints", l["Điểm không hợp lệ (ví dụ 70 hoặc 72,5)."]);
        }
        if (min is not null && Input.MinPercent is not null)
            ModelState.AddModelError(
                "Input.MinPercent",
                l["Chỉ nhập điểm tối thiểu hoặc tỷ lệ tối thiểu, không nhập cả hai."]
            );
        if (!ModelState.IsValid)
            return Page();
        var missing = false;
        var found = await edit.ChangeAsync(
            SetId,
            null,
            s =>
            {
                var g = Id is null ? new CriteriaGroup() : EditCriteriaSet.Group(s, Id);
                if (g is null)
                {
                    missing = true;
                    return;
                }
                g.Code = Input.Code.Trim();
                g.Name = Input.Name.Trim();
                g.SortOrder = Input.SortOrder;
                g.MinPointsHundredths = min;
                g.MinPercent = Input.MinPercent;
                if (Id is null)
                    s.Groups.Add(g);
            },
            ct
        );
        if (!found || missing)
            return NotFound();
        TempData["Flash"] = l["Đã lưu thay đổi."].Value;
        return Redirect($"/Secretariat/Rulebook/Details?id={SetId}");
    }
}
