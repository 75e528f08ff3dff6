using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Features.Rulebook;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Rulebook;

/// <summary>The set's name, legal basis and decision rules.</summary>
public class EditModel(RulebookQueries queries, EditCriteriaSet edit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập tên bộ tiêu chí.")]
        [StringLength(300, ErrorMessage = "Tên quá dài (tối đa 300 ký tự).")]
        [Display(Name = "Tên bộ tiêu chí")]
        public string Name { get; set; } = "";

        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
        [Display(Name = "Căn cứ pháp lý (số văn bản)")]
        public string? LegalBasis { get; set; }

        [Display(Name = "Ngày ban hành")]
        public DateOnly? LegalBasisDate { get; set; }

        [StringLength(4000, ErrorMessage = "Tối đa 4.000 ký tự.")]
        [Display(Name = "Ghi chú")]
        public string? Notes { get; set; }

        [Display(Name = "Giá trị còn cần cán bộ xác nhận")]
        public bool NeedsConfirmation { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập điểm đạt.")]
        [Display(Name = "Điểm đạt (điểm bình quân tối thiểu)")]
        public string PassMark { get; set; } = "";

        [Range(1, 1000, ErrorMessage = "Top N phải từ 1 đến 1.000.")]
        [Display(Name = "Top N")]
        public int TopN { get; set; } = 10;

        [Display(Name = "Cách phân định khi bằng điểm")]
        public TieBreak TieBreak { get; set; }

        [Display(Name = "Cách tính điểm bình quân")]
        public AveragingMethod Averaging { get; set; }

        [Range(1, 240, ErrorMessage = "Thời hạn phải từ 1 đến 240 tháng.")]
        [Display(Name = "Thời hạn công nhận (tháng)")]
        public int ValidityMonths { get; set; } = 36;

        [Required(ErrorMessage = "Vui lòng nhập chênh lệch điểm.")]
        [Display(Name = "Chênh lệch điểm cần thảo luận")]
        public string SpreadLimit { get; set; } = "10";

        [Display(Name = "Chênh lệch được so trên")]
        public DisagreementBasis Disagreement { get; set; }

        [Range(0, 100, ErrorMessage = "Tỷ lệ phải từ 0 đến 100.")]
        [Display(Name = "Tỷ lệ thành viên dự họp tối thiểu (%)")]
        public int QuorumPercent { get; set; } = 75;

        [Display(Name = "Chủ tịch Hội đồng phải dự họp")]
        public bool ChairMustAttend { get; set; }

        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await this.RedirectIfFrozenAsync(queries, l, Id, ct) is { } frozen)
            return frozen;
        if (await queries.LoadEditableAsync(Id, ct) is not { } s)
            return NotFound();
        Input = new InputModel
        {
            Name = s.Name,
            LegalBasis = s.LegalBasis,
            LegalBasisDate = s.LegalBasisDate,
            Notes = s.Notes,
            NeedsConfirmation = s.NeedsConfirmation,
            PassMark = PointsText.Format(s.Rules.PassMarkHundredths),
            TopN = s.Rules.TopN,
            TieBreak = s.Rules.TieBreak,
            Averaging = s.Rules.Averaging,
            ValidityMonths = s.Rules.ValidityMonths,
            SpreadLimit = PointsText.Format(s.Rules.SpreadLimitHundredths),
            Disagreement = s.Rules.Disagreement,
            QuorumPercent = s.Rules.QuorumPercent,
            ChairMustAttend = s.Rules.ChairMustAttend,
            Version = s.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!PointsText.TryParseHundredths(Input.PassMark, out var pass))
            ModelState.AddModelError("Input.PassMark", l["Điểm không hợp lệ (ví dụ 70 hoặc 72,5)."]);
        if (!PointsText.TryParseHundredths(Input.SpreadLimit, out var spread))
            ModelState.AddModelError("Input.SpreadLimit", l["Điểm không hợp lệ (ví dụ 70 hoặc 72,5)."]);
        if (!ModelState.IsValid)
            return Page();
        var found = await edit.ChangeAsync(
            Id,
            Input.Version,
            s =>
            {
                s.Name = Input.Name.Trim();
                s.LegalBasis = Input.LegalBasis?.Trim() ?? "";
                s.LegalBasisDate = Input.LegalBasisDate;
                s.Notes = Input.Notes?.Trim();
                s.NeedsConfirmation = Input.NeedsConfirmation;
                s.Rules.PassMarkHundredths = pass;
                s.Rules.TopN = Input.TopN;
                s.Rules.TieBreak = Input.TieBreak;
                s.Rules.Averaging = Input.Averaging;
                s.Rules.ValidityMonths = Input.ValidityMonths;
                s.Rules.SpreadLimitHundredths = spread;
                s.Rules.Disagreement = Input.Disagreement;
                s.Rules.QuorumPercent = Input.QuorumPercent;
                s.Rules.ChairMustAttend = Input.ChairMustAttend;
            },
            ct
        );
        if (!found)
            return NotFound();
        TempData["Flash"] = l["Đã lưu thay đổi."].Value;
        return Redirect($"/Secretariat/Rulebook/Details?id={Id}");
    }
}
