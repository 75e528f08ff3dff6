using System.Globalization;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Features.Dossiers;
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
) : CouncilPage(queries, l), Shared.IKeysetPages
{
    public ProgressBoard? Board { get; private set; }

    /// <summary>The page number: the page itself within the first 1,000 dossiers, otherwise the number shown beside a
    /// keyset page (decision 0016).</summary>
    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    /// <summary>Keyset cursor: the id of the last dossier of the previous page ("next") …</summary>
    [BindProperty(SupportsGet = true)]
    public int? After { get; set; }

    /// <summary>… or of the first dossier of the next page ("previous").</summary>
    [BindProperty(SupportsGet = true)]
    public int? Before { get; set; }

    public bool IsFirstPage => Board?.Page.IsFirst ?? true;
    public bool HasNext => Board?.Page.HasNext ?? false;

    /// <summary>Last page number when the count of the council's dossiers is exact, otherwise null.</summary>
    public int? LastPage =>
        Board is null || Board.Total > DossierPaging.MaxExactTotal
            ? null
            : Math.Max(1, (Board.Total + DossierPaging.PageSize - 1) / DossierPaging.PageSize);

    /// <summary>The board's address for the round: page <paramref name="p"/> by number, or with a cursor.</summary>
    public string PageUrl(int p, string? cursor = null, int id = 0) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            "/Secretariat/Council/Progress",
            new Dictionary<string, string?>
            {
                ["roundId"] = RoundId?.ToString(CultureInfo.InvariantCulture),
                [cursor ?? "after"] = cursor is null ? null : id.ToString(CultureInfo.InvariantCulture),
                ["p"] = p.ToString(CultureInfo.InvariantCulture),
            }.Where(kv => !string.IsNullOrEmpty(kv.Value))
        );

    /// <summary>The link to page <paramref name="i"/>: the neighbours by cursor, the first 21 by number.</summary>
    public string? PageHref(int i) =>
        Board?.Dossiers is not { Count: > 0 } rows ? null
        : i == P - 1 && !IsFirstPage ? PageUrl(i, "before", rows[0].Id)
        : i == P + 1 && HasNext ? PageUrl(i, "after", rows[^1].Id)
        : i <= DossierPaging.MaxOffsetPage ? PageUrl(i)
        : null;

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
        // Any sheet the board shows, on whichever page (not only the dossiers of the page posted from).
        if (!await progress.IsOnBoardAsync(Round.Id, SheetId, ct))
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
        Board = await progress.BoardAsync(Round.Id, ct, P, After, Before);
        if (Board is not null)
            P = Board.Page.Page;
        return true;
    }
}
