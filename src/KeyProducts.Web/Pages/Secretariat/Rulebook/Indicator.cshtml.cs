using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Features.Reference;
using KeyProducts.Web.Features.Rulebook;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Rulebook;

/// <summary>Add or edit an indicator: maximum points, scoring guide or bands, evidence and the scoring
/// agency.</summary>
public class IndicatorModel(
    RulebookQueries queries,
    EditCriteriaSet edit,
    ReferenceLists lists,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int SetId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int GroupId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public List<ReferenceLists.Option> Agencies { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập mã.")]
        [StringLength(20, ErrorMessage = "Tối đa 20 ký tự.")]
        [Display(Name = "Mã")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập tên.")]
        [StringLength(500, ErrorMessage = "Tối đa 500 ký tự.")]
        [Display(Name = "Tên chỉ tiêu")]
        public string Name { get; set; } = "";

        [Range(0, 1000, ErrorMessage = "Thứ tự phải từ 0 đến 1.000.")]
        [Display(Name = "Thứ tự")]
        public int SortOrder { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập điểm tối đa.")]
        [Display(Name = "Điểm tối đa")]
        public string MaxPoints { get; set; } = "";

        [Display(Name = "Cách chấm")]
        public ScoringMode Mode { get; set; }

        [StringLength(4000, ErrorMessage = "Tối đa 4.000 ký tự.")]
        [Display(Name = "Hướng dẫn chấm")]
        public string? Guide { get; set; }

        [StringLength(2000, ErrorMessage = "Tối đa 2.000 ký tự.")]
        [Display(Name = "Minh chứng cần có")]
        public string? Evidence { get; set; }

        [Display(Name = "Cơ quan chấm")]
        public int? AgencyId { get; set; }

        [StringLength(4000, ErrorMessage = "Tối đa 4.000 ký tự.")]
        [Display(Name = "Các mức điểm (mỗi dòng: Mô tả mức | điểm)")]
        public string? Bands { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await this.RedirectIfFrozenAsync(queries, l, SetId, ct) is { } frozen)
            return frozen;
        if (await queries.LoadEditableAsync(SetId, ct) is not { } s || EditCriteriaSet.Group(s, GroupId) is not { } g)
            return NotFound();
        Agencies = await lists.AgenciesAsync(ct);
        if (Id is not null)
        {
            if (g.Indicators.FirstOrDefault(i => i.Id == Id) is not { } i)
                return NotFound();
            Input = new InputModel
            {
                Code = i.Code,
                Name = i.Name,
                SortOrder = i.SortOrder,
                MaxPoints = PointsText.Format(i.MaxPointsHundredths),
                Mode = i.Mode,
                Guide = i.Guide,
                Evidence = i.Evidence,
                AgencyId = i.AssignedAgencyId,
                Bands = EditCriteriaSet.FormatBands(i.Bands),
            };
        }
        else
        {
            Input.SortOrder = g.Indicators.Count + 1;
            Input.Code = $"{g.Code}.{g.Indicators.Count + 1}";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Agencies = await lists.AgenciesAsync(ct);
        if (!PointsText.TryParseHundredths(Input.MaxPoints, out var max))
            ModelState.AddModelError("Input.MaxPoints", l["Điểm không hợp lệ (ví dụ 70 hoặc 72,5)."]);
        var (bands, bad) = EditCriteriaSet.ParseBands(Input.Bands, max);
        if (bad > 0)
            ModelState.AddModelError(
                "Input.Bands",
                l["Dòng {0}: cần dạng \"Mô tả mức | điểm\" với điểm không vượt điểm tối đa.", bad]
            );
        if (Input.Mode == ScoringMode.Bands && bands.Count == 0 && bad == 0)
            ModelState.AddModelError("Input.Bands", l["Cách chấm theo mức điểm cần ít nhất một mức."]);
        if (
            Input.AgencyId is { } a
            && Agencies.All(x => x.Value != a.ToString(System.Globalization.CultureInfo.InvariantCulture))
        )
            ModelState.AddModelError("Input.AgencyId", l["Cơ quan không hợp lệ."]);
        if (!ModelState.IsValid)
            return Page();
        var missing = false;
        var found = await edit.ChangeAsync(
            SetId,
            null,
            s =>
            {
                var g = EditCriteriaSet.Group(s, GroupId);
                var i = Id is null ? new Indicator() : g?.Indicators.FirstOrDefault(x => x.Id == Id);
                if (g is null || i is null)
                {
                    missing = true;
                    return;
                }
                i.Code = Input.Code.Trim();
                i.Name = Input.Name.Trim();
                i.SortOrder = Input.SortOrder;
                i.MaxPointsHundredths = max;
                i.Mode = Input.Mode;
                i.Guide = Input.Guide?.Trim() ?? "";
                i.Evidence = Input.Evidence?.Trim() ?? "";
                i.AssignedAgencyId = Input.AgencyId;
                i.Bands.Clear();
                i.Bands.AddRange(bands);
                if (Id is null)
                    g.Indicators.Add(i);
            },
            ct
        );
        if (!found || missing)
            return NotFound();
        TempData["Flash"] = l["Đã lưu thay đổi."].Value;
        return Redirect($"/Secretariat/Rulebook/Details?id={SetId}");
    }
}
