using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Council;

/// <summary>The progress board: who has scored what, who is late; reminders, reopening a sheet, a second
/// pass.</summary>
public class ProgressModel(
    CouncilQueries queries,
    CouncilProgress progress,
    RemindMembers remind,
    ReopenScoreSheet reopen,
    StartSecondPass secondPass,
    IStringLocalizer<SharedResource> l
) : CouncilPage(queries, l)
{
    public ProgressBoard? Board { get; private set; }

    [BindProperty]
    public int SheetId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRemindAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        return await RunAsync(
            async () =>
            {
                await remind.ExecuteAsync(Round.Id, ct);
                return "Đã gửi thư nhắc các thành viên chưa nộp phiếu.";
            },
            () => Task.FromResult<IActionResult>(Page())
        );
    }

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Board is null)
            return NotFound();
        if (Board.Cells.Values.All(c => c.SheetId != SheetId))
            return NotFound();
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), L["Cần nêu lý do mở lại phiếu chấm."]);
            return Page();
        }
        return await RunAsync(
            async () =>
            {
                await reopen.ExecuteAsync(SheetId, Reason, ct);
                return "Đã mở lại phiếu chấm.";
            },
            () => Task.FromResult<IActionResult>(Page())
        );
    }

    public async Task<IActionResult> OnPostSecondPassAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        return await RunAsync(
            async () =>
            {
                await secondPass.ExecuteAsync(Round.Id, ct);
                return "Đã mở vòng chấm lại cho các sản phẩm có chênh lệch lớn.";
            },
            () => Task.FromResult<IActionResult>(Page())
        );
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadRoundAsync(ct))
            return false;
        Board = await progress.BoardAsync(Round.Id, ct);
        return true;
    }
}
