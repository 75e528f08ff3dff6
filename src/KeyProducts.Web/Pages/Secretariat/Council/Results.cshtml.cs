using KeyProducts.Core.Council;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Council;

/// <summary>Computed results with their statistics, the meeting's attendance and quorum, confirmation and publication
/// for comment.</summary>
public class ResultsModel(
    AppDbContext db,
    CouncilQueries queries,
    RecordAttendance attendance,
    ConfirmResults confirm,
    PublishResultsForComment publish,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : CouncilPage(queries, l)
{
    public RoundResultsView? View { get; private set; }
    public QuorumCheck? Quorum { get; private set; }
    public IReadOnlyList<(CouncilMember Member, bool Present)> Attendance { get; private set; } = [];
    public Dictionary<int, string> MemberNames { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Normalized { get; set; }

    [BindProperty]
    public List<int> Present { get; set; } = [];

    [BindProperty]
    public DateOnly? CommentOpens { get; set; }

    [BindProperty]
    public DateOnly? CommentCloses { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        var today = Core.Common.VietnamTime.Today(time);
        // The comment window starts when the list is published; about two weeks is the observed practice (program.md
        // §3.2).
        CommentOpens = today;
        CommentCloses = today.AddDays(14);
        return Page();
    }

    public async Task<IActionResult> OnPostAttendanceAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Council is null)
            return NotFound();
        return await RunAsync(
            async () =>
            {
                await attendance.ExecuteAsync(Council.Id, Present.ToHashSet(), ct);
                return "Đã ghi điểm danh.";
            },
            () => Task.FromResult<IActionResult>(Page())
        );
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        return await RunAsync(
            async () =>
            {
                await confirm.ExecuteAsync(Round.Id, ct);
                return "Đã xác nhận kết quả chấm điểm.";
            },
            () => Task.FromResult<IActionResult>(Page())
        );
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (CommentOpens is null || CommentCloses is null)
        {
            ModelState.AddModelError(nameof(CommentOpens), L["Nhập thời gian lấy ý kiến."]);
            return Page();
        }
        return await RunAsync(
            async () =>
            {
                await publish.ExecuteAsync(Round.Id, CommentOpens.Value, CommentCloses.Value, ct);
                return "Đã công bố danh sách để lấy ý kiến.";
            },
            () => Task.FromResult<IActionResult>(Page())
        );
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadRoundAsync(ct))
            return false;
        if (Council is null)
            return true;
        View = await Queries.ResultsAsync(Round, ct);
        Quorum = await attendance.QuorumAsync(Council.Id, View.Rulebook.Rules, ct);
        var present = await db
            .Attendance.AsNoTracking()
            .Where(a => a.CouncilId == Council.Id && a.Present)
            .Select(a => a.MemberId)
            .ToListAsync(ct);
        Attendance = Council
            .Members.OrderBy(m => m.Role)
            .ThenBy(m => m.Id)
            .Select(m => (m, present.Contains(m.Id)))
            .ToList();
        MemberNames = Council.Members.ToDictionary(m => m.Id, m => m.FullName);
        return true;
    }
}
