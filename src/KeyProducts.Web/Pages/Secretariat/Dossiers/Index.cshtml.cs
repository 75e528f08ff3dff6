using System.Globalization;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Dossiers;

/// <summary>The screening queue with filters, and the Excel export of a round.</summary>
public class IndexModel(
    AppDbContext db,
    DossierAccess access,
    DossierQueries queries,
    DossierExport export,
    IStringLocalizer<SharedResource> l
) : PageModel, Shared.IKeysetPages
{
    [BindProperty(SupportsGet = true)]
    public int? RoundId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Track { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? SectorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DossierState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MinAgeDays { get; set; }

    /// <summary>The page number: the page itself within the counted 1,000 matches (an offset), otherwise only the
    /// number shown beside a keyset page (decision 0016).</summary>
    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    /// <summary>Keyset cursor: the id of the last row of the previous page ("next") …</summary>
    [BindProperty(SupportsGet = true)]
    public int? After { get; set; }

    /// <summary>… or of the first row of the next page ("previous").</summary>
    [BindProperty(SupportsGet = true)]
    public int? Before { get; set; }

    public IReadOnlyList<DossierRow> Rows { get; private set; } = [];

    /// <summary>Exact up to <see cref="DossierPaging.MaxExactTotal"/>; past it the page says "more than
    /// 1,000".</summary>
    public int Total { get; private set; }

    public bool TotalIsExact => Total <= DossierPaging.MaxExactTotal;
    public bool IsFirstPage { get; private set; } = true;
    public bool HasNext { get; private set; }

    /// <summary>Last page number when the total is exact, otherwise null (the bar ends with "next").</summary>
    public int? LastPage =>
        TotalIsExact ? Math.Max(1, (Total + DossierPaging.PageSize - 1) / DossierPaging.PageSize) : null;
    public List<Round> Rounds { get; private set; } = [];
    public List<(int Id, string Name)> Sectors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(ct);
        RoundId ??= Rounds.FirstOrDefault(r => r.Status == RoundStatus.Published)?.Id ?? Rounds.FirstOrDefault()?.Id;
        Sectors = (
            await db
                .Sectors.AsNoTracking()
                .OrderBy(s => s.SortOrder)
                .Select(s => new { s.Id, s.NameVi })
                .ToListAsync(ct)
        )
            .Select(s => (s.Id, s.NameVi))
            .ToList();
        var round = Rounds.FirstOrDefault(r => r.Id == RoundId);
        if (round is null)
            return;
        var viewer = await access.ViewerAsync(User, ct);
        var filter = new QueueFilter(round.Id, Track, SectorId, State, MinAgeDays);
        Total = await queries.QueueCountUpToAsync(viewer, round.Id, filter, ct);
        var page = await queries.QueuePageAsync(viewer, round.Id, round.Year, filter, P, After, Before, ct);
        (Rows, P, IsFirstPage, HasNext) = (page.Rows, page.Page, page.IsFirst, page.HasNext);
    }

    /// <summary>The queue's address with the filters kept: page <paramref name="p"/> by number, or with a cursor
    /// ("after" or "before" the row of <paramref name="id"/>) and the number to show.</summary>
    public string PageUrl(int p, string? cursor = null, int id = 0) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            "/Secretariat/Dossiers",
            new Dictionary<string, string?>
            {
                ["RoundId"] = RoundId?.ToString(CultureInfo.InvariantCulture),
                ["Track"] = Track,
                ["SectorId"] = SectorId?.ToString(CultureInfo.InvariantCulture),
                ["State"] = State?.ToString(),
                ["MinAgeDays"] = MinAgeDays?.ToString(CultureInfo.InvariantCulture),
                [cursor ?? "after"] = cursor is null ? null : id.ToString(CultureInfo.InvariantCulture),
                ["p"] = p.ToString(CultureInfo.InvariantCulture),
            }.Where(kv => !string.IsNullOrEmpty(kv.Value))
        );

    /// <summary>The link to page <paramref name="i"/> from this one: the neighbours by cursor, the pages within the
    /// counted matches by number, none for a far page past them.</summary>
    public string? PageHref(int i) =>
        i == P - 1 && !IsFirstPage && Rows.Count > 0 ? PageUrl(i, "before", Rows[0].Id)
        : i == P + 1 && HasNext && Rows.Count > 0 ? PageUrl(i, "after", Rows[^1].Id)
        : i <= DossierPaging.MaxOffsetPage ? PageUrl(i)
        : null;

    public async Task<IActionResult> OnGetExportAsync(int roundId, CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(User, ct);
        var year = await db.Rounds.Where(r => r.Id == roundId).Select(r => (int?)r.Year).FirstOrDefaultAsync(ct);
        if (year is null)
            return NotFound();
        var bytes = await export.ExecuteAsync(viewer, roundId, s => l[s], ct);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"ho-so-{year}.xlsx");
    }
}
