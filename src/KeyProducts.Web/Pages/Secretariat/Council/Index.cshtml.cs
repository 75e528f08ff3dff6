using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Council;

/// <summary>Set up the council of a round: the founding decision, members, conflicts, and handing dossiers
/// over.</summary>
public class IndexModel(
    AppDbContext db,
    CouncilQueries queries,
    SetUpCouncil setUp,
    AddCouncilMember addMember,
    DeclareConflict declare,
    StartScoring startScoring,
    AssignIndicators assign,
    IStringLocalizer<SharedResource> l
) : CouncilPage(queries, l)
{
    public sealed class CouncilInput
    {
        [Required(ErrorMessage = "Nhập số quyết định.")]
        [Display(Name = "Số quyết định thành lập")]
        public string? DecisionNumber { get; set; }

        [Required(ErrorMessage = "Nhập ngày quyết định.")]
        [Display(Name = "Ngày quyết định")]
        public DateOnly? DecisionDate { get; set; }

        [Display(Name = "Hạn nộp phiếu chấm")]
        public DateOnly? ScoringDeadline { get; set; }
    }

    public sealed class MemberInput
    {
        [Required(ErrorMessage = "Nhập họ tên.")]
        [StringLength(200)]
        [Display(Name = "Họ và tên")]
        public string? FullName { get; set; }

        [StringLength(200)]
        [Display(Name = "Chức danh")]
        public string? Title { get; set; }

        [Display(Name = "Cơ quan")]
        public int? AgencyId { get; set; }

        [Display(Name = "Vai trò")]
        public CouncilRole Role { get; set; } = CouncilRole.Member;

        [MailAddress(ErrorMessage = "Email không hợp lệ.")]
        [Display(Name = "Tài khoản (email)")]
        public string? AccountEmail { get; set; }
    }

    public sealed class ConflictInput
    {
        [Required(ErrorMessage = "Chọn thành viên.")]
        [Display(Name = "Thành viên")]
        public int? MemberId { get; set; }

        [Required(ErrorMessage = "Chọn doanh nghiệp.")]
        [Display(Name = "Doanh nghiệp")]
        public int? EnterpriseId { get; set; }

        [Required(ErrorMessage = "Mô tả mối quan hệ.")]
        [StringLength(500)]
        [Display(Name = "Mối quan hệ")]
        public string? Relationship { get; set; }
    }

    public sealed record MemberRow(
        int Id,
        string FullName,
        string Title,
        string? Agency,
        CouncilRole Role,
        string? Account,
        int Indicators
    );

    public sealed record ConflictRow(
        string Member,
        string Enterprise,
        string Relationship,
        string DeclaredBy,
        DateTimeOffset At
    );

    [BindProperty]
    public CouncilInput CouncilForm { get; set; } = new();

    [BindProperty]
    public MemberInput MemberForm { get; set; } = new();

    [BindProperty]
    public ConflictInput ConflictForm { get; set; } = new();
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<ConflictRow> Conflicts { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Enterprises { get; private set; } = [];
    public int Eligible { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (Council is not null)
            CouncilForm = new CouncilInput
            {
                DecisionNumber = Council.DecisionNumber,
                DecisionDate = Council.DecisionDate,
                ScoringDeadline = Council.ScoringDeadline,
            };
        return Page();
    }

    public async Task<IActionResult> OnPostCouncilAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (!Valid(CouncilForm, nameof(CouncilForm)))
            return Page();
        if (!DocumentNumber.TryParse(CouncilForm.DecisionNumber, out _))
        {
            ModelState.AddModelError(
                "CouncilForm.DecisionNumber",
                L["Số quyết định không đúng dạng (ví dụ 4074/QĐ-UBND)."]
            );
            return Page();
        }
        return await RunAsync(
            async () =>
            {
                await setUp.ExecuteAsync(
                    Round.Id,
                    CouncilForm.DecisionNumber!,
                    CouncilForm.DecisionDate!.Value,
                    CouncilForm.ScoringDeadline,
                    HttpContext.RequestAborted
                );
                return "Đã lưu thông tin hội đồng.";
            },
            () => Task.FromResult<IActionResult>(Page())
        );
    }

    public async Task<IActionResult> OnPostMemberAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Council is null)
            return NotFound();
        if (!Valid(MemberForm, nameof(MemberForm)))
            return Page();
        return await RunAsync(
            async () =>
            {
                await addMember.ExecuteAsync(
                    Council.Id,
                    MemberForm.FullName!,
                    MemberForm.Title ?? "",
                    MemberForm.AgencyId,
                    MemberForm.Role,
                    MemberForm.AccountEmail,
                    ct
                );
                return "Đã thêm thành viên.";
            },
            () => Task.FromResult<IActionResult>(Page())
        );
    }

    public async Task<IActionResult> OnPostConflictAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Council is null)
            return NotFound();
        if (!Valid(ConflictForm, nameof(ConflictForm)))
            return Page();
        if (Council.Members.All(m => m.Id != ConflictForm.MemberId))
            return NotFound();
        return await RunAsync(
            async () =>
            {
                await declare.ExecuteAsync(
                    ConflictForm.MemberId!.Value,
                    ConflictForm.EnterpriseId!.Value,
                    ConflictForm.Relationship!,
                    ct
                );
                return "Đã ghi nhận xung đột lợi ích.";
            },
            () => Task.FromResult<IActionResult>(Page())
        );
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Council is null)
            return NotFound();
        ModelState.Clear();
        return await RunAsync(
            async () =>
            {
                if (!await db.IndicatorAssignments.AnyAsync(a => a.CouncilId == Council.Id, ct))
                    await assign.ApplyDefaultAsync(Council, await Queries.RulebookAsync(Round.CriteriaSetId, ct), ct);
                var n = await startScoring.ExecuteAsync(Round.Id, ct);
                return "Đã chuyển hồ sơ đủ điều kiện cho Hội đồng chấm điểm.";
            },
            () => Task.FromResult<IActionResult>(Page())
        );
    }

    /// <summary>Each form validates only its own fields.</summary>
    private bool Valid(object form, string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
            ModelState.Remove(key);
        // Model binding skips validating a form none of whose fields were posted; [Required] must still apply.
        if (ModelState.Count == 0)
            TryValidateModel(form, prefix);
        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadRoundAsync(ct))
            return false;
        Agencies = await db
            .Agencies.AsNoTracking()
            .Where(a => a.ValidTo == null)
            .OrderBy(a => a.Name)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString()))
            .ToListAsync(ct);
        Enterprises = await db
            .Enterprises.AsNoTracking()
            .Where(e => db.Dossiers.Any(d => d.RoundId == Round.Id && d.EnterpriseId == e.Id))
            .OrderBy(e => e.NameVi)
            .Select(e => new SelectListItem(e.NameVi, e.Id.ToString()))
            .ToListAsync(ct);
        Eligible = await db.Dossiers.CountAsync(
            d => d.RoundId == Round.Id && d.State == Core.Dossiers.DossierState.Eligible,
            ct
        );
        if (Council is null)
            return true;
        var councilId = Council.Id;
        Members = await (
            from m in db.CouncilMembers.AsNoTracking()
            where m.CouncilId == councilId
            join a in db.Agencies on m.AgencyId equals a.Id into ag
            from a in ag.DefaultIfEmpty()
            join u in db.Users on m.UserId equals u.Id into us
            from u in us.DefaultIfEmpty()
            orderby m.Role, m.Id
            select new MemberRow(
                m.Id,
                m.FullName,
                m.Title,
                a == null ? null : a.Name,
                m.Role,
                u == null ? null : u.Email,
                db.IndicatorAssignments.Count(x => x.MemberId == m.Id)
            )
        ).ToListAsync(ct);
        Conflicts = await (
            from x in db.Conflicts.AsNoTracking()
            join m in db.CouncilMembers on x.MemberId equals m.Id
            join e in db.Enterprises on x.EnterpriseId equals e.Id
            where m.CouncilId == councilId
            orderby x.DeclaredAt
            select new ConflictRow(m.FullName, e.NameVi, x.Relationship, x.DeclaredBy, x.DeclaredAt)
        ).ToListAsync(ct);
        return true;
    }
}
