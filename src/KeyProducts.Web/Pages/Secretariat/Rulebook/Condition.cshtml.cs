using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Features.Rulebook;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Rulebook;

/// <summary>Add or edit a yes/no condition (no violation within N months, no tax arrears…), optionally limited to some
/// tracks.</summary>
public class ConditionModel(RulebookQueries queries, EditCriteriaSet edit, IStringLocalizer<SharedResource> l)
    : PageModel
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
        [StringLength(40, ErrorMessage = "Tối đa 40 ký tự.")]
        [Display(Name = "Mã")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập nội dung.")]
        [StringLength(1000, ErrorMessage = "Tối đa 1.000 ký tự.")]
        [Display(Name = "Nội dung điều kiện")]
        public string Text { get; set; } = "";

        [Display(Name = "Câu trả lời đạt là \"Có\"")]
        public bool RequiredAnswer { get; set; } = true;

        [StringLength(100, ErrorMessage = "Tối đa 100 ký tự.")]
        [RegularExpression(@"^[A-Za-z0-9, ]*$", ErrorMessage = "Nhập mã luồng cách nhau bởi dấu phẩy, ví dụ A,B.")]
        [Display(Name = "Áp dụng cho luồng (để trống: mọi luồng)")]
        public string? TrackCodes { get; set; }

        [Range(0, 1000, ErrorMessage = "Thứ tự phải từ 0 đến 1.000.")]
        [Display(Name = "Thứ tự")]
        public int SortOrder { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await this.RedirectIfFrozenAsync(queries, l, SetId, ct) is { } frozen)
            return frozen;
        if (await queries.LoadEditableAsync(SetId, ct) is not { } s)
            return NotFound();
        if (Id is not null)
        {
            if (s.Conditions.FirstOrDefault(c => c.Id == Id) is not { } c)
                return NotFound();
            Input = new InputModel
            {
                Code = c.Code,
                Text = c.Text,
                RequiredAnswer = c.RequiredAnswer,
                TrackCodes = c.TrackCodes,
                SortOrder = c.SortOrder,
            };
        }
        else
            Input.SortOrder = s.Conditions.Count + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var missing = false;
        var found = await edit.ChangeAsync(
            SetId,
            null,
            s =>
            {
                var c = Id is null ? new EligibilityCondition() : s.Conditions.FirstOrDefault(x => x.Id == Id);
                if (c is null)
                {
                    missing = true;
                    return;
                }
                c.Code = Input.Code.Trim();
                c.Text = Input.Text.Trim();
                c.RequiredAnswer = Input.RequiredAnswer;
                c.TrackCodes = (Input.TrackCodes ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
                c.SortOrder = Input.SortOrder;
                if (Id is null)
                    s.Conditions.Add(c);
            },
            ct
        );
        if (!found || missing)
            return NotFound();
        TempData["Flash"] = l["Đã lưu thay đổi."].Value;
        return Redirect($"/Secretariat/Rulebook/Details?id={SetId}");
    }
}
