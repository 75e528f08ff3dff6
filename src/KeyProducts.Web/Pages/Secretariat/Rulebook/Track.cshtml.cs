using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Features.Rulebook;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Rulebook;

/// <summary>Add or edit an eligibility track and its gates; amounts accept Vietnamese formats
/// ("100.000.000.000").</summary>
public class TrackModel(RulebookQueries queries, EditCriteriaSet edit, IStringLocalizer<SharedResource> l) : PageModel
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
        [Display(Name = "Tên luồng")]
        public string Name { get; set; } = "";

        [Display(Name = "Loại")]
        public TrackKind Kind { get; set; }

        [Display(Name = "Doanh thu tối thiểu (đồng/năm)")]
        public string? MinRevenue { get; set; }

        [Display(Name = "Kim ngạch xuất khẩu tối thiểu (USD/năm)")]
        public string? MinExport { get; set; }

        [Display(Name = "Sản phẩm phải thuộc Danh mục công nghệ cao")]
        public bool RequiresHighTechListing { get; set; }

        [Display(Name = "Cần báo cáo tuân thủ pháp luật")]
        public bool RequiresComplianceReport { get; set; }

        [Display(Name = "Cán bộ đánh giá định tính")]
        public bool OfficerDecides { get; set; }

        [StringLength(2000, ErrorMessage = "Tối đa 2.000 ký tự.")]
        [Display(Name = "Mô tả")]
        public string? Description { get; set; }

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
            if (s.Tracks.FirstOrDefault(t => t.Id == Id) is not { } t)
                return NotFound();
            Input = new InputModel
            {
                Code = t.Code,
                Name = t.Name,
                Kind = t.Kind,
                MinRevenue = t.MinRevenueVnd is { } r ? VnFormat.Vnd(r) : null,
                MinExport = t.MinExportUsdCents is { } e ? VnFormat.Usd(e) : null,
                RequiresHighTechListing = t.RequiresHighTechListing,
                RequiresComplianceReport = t.RequiresComplianceReport,
                OfficerDecides = t.OfficerDecides,
                Description = t.Description,
                SortOrder = t.SortOrder,
            };
        }
        else
            Input.SortOrder = s.Tracks.Count + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        long? revenue = null,
            export = null;
        if (!string.IsNullOrWhiteSpace(Input.MinRevenue))
        {
            if (Money.TryParseVnd(Input.MinRevenue, out var r))
                revenue = r;
            else
                ModelState.AddModelError(
                    "Input.MinRevenue",
                    l["Số tiền không hợp lệ. Nhập số đồng, ví dụ 100.000.000.000."]
                );
        }
        if (!string.IsNullOrWhiteSpace(Input.MinExport))
        {
            if (Money.TryParseUsdCents(Input.MinExport, out var e))
                export = e;
            else
                ModelState.AddModelError("Input.MinExport", l["Số tiền không hợp lệ. Nhập số USD, ví dụ 1.000.000."]);
        }
        if (!ModelState.IsValid)
            return Page();
        var missing = false;
        var found = await edit.ChangeAsync(
            SetId,
            null,
            s =>
            {
                var t = Id is null ? new EligibilityTrack() : s.Tracks.FirstOrDefault(x => x.Id == Id);
                if (t is null)
                {
                    missing = true;
                    return;
                }
                t.Code = Input.Code.Trim();
                t.Name = Input.Name.Trim();
                t.Kind = Input.Kind;
                t.MinRevenueVnd = revenue;
                t.MinExportUsdCents = export;
                t.RequiresHighTechListing = Input.RequiresHighTechListing;
                t.RequiresComplianceReport = Input.RequiresComplianceReport;
                t.OfficerDecides = Input.OfficerDecides;
                t.Description = Input.Description?.Trim() ?? "";
                t.SortOrder = Input.SortOrder;
                if (Id is null)
                    s.Tracks.Add(t);
            },
            ct
        );
        if (!found || missing)
            return NotFound();
        TempData["Flash"] = l["Đã lưu thay đổi."].Value;
        return Redirect($"/Secretariat/Rulebook/Details?id={SetId}");
    }
}
