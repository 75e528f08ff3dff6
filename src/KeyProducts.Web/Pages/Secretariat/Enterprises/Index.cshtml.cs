using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Features.Enterprises;
using KeyProducts.Web.Features.Reference;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Enterprises;

/// <summary>Officers' list: search ignoring diacritics, filters by status, sector and commune, Excel export.</summary>
public class IndexModel(
    EnterpriseQueries queries,
    ReferenceLists lists,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public EnterpriseStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    /// <summary>The page number: the page itself within the counted 1,000 matches (an offset), otherwise only the
    /// number shown beside a keyset page (decision 0015).</summary>
    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    /// <summary>Keyset cursor: the id of the last row of the previous page ("next") …</summary>
    [BindProperty(SupportsGet = true)]
    public int? After { get; set; }

    /// <summary>… or of the first row of the next page ("previous").</summary>
    [BindProperty(SupportsGet = true)]
    public int? Before { get; set; }

    public bool IsFirstPage { get; private set; } = true;

    public List<EnterpriseRow> Rows { get; private set; } = [];

    /// <summary>Exact up to <see cref="EnterpriseQueries.MaxExactTotal"/>; past it, <see cref="TotalIsExact"/> is false
    /// and the page says "more than 1,000".</summary>
    public int Total { get; private set; }

    public bool TotalIsExact => Total <= EnterpriseQueries.MaxExactTotal;
    public bool HasNext { get; private set; }

    /// <summary>Last page number when the total is exact, otherwise null (the bar ends with "next").</summary>
    public int? LastPage =>
        TotalIsExact ? Math.Max(1, (Total + EnterpriseQueries.PageSize - 1) / EnterpriseQueries.PageSize) : null;
    public List<ReferenceLists.Option> Sectors { get; private set; } = [];
    public List<ReferenceLists.Option> Communes { get; private set; } = [];

    private EnterpriseFilter Filter => new(Q, Status, Sector, Commune);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Total = await queries.CountUpToAsync(Filter, ct);
        var page = await queries.PageAsync(Filter, Math.Clamp(P, 1, 100_000), After, Before, ct);
        (Rows, P, IsFirstPage, HasNext) = (page.Rows, page.Page, page.IsFirst, page.HasNext);
        Sectors = await lists.SectorsAsync(ct);
        Communes = await lists.CommunesAsync(ct);
    }

    /// <summary>The list's address with the filters kept: page <paramref name="p"/> by number, or with a cursor
    /// ("after" or "before" the row of <paramref name="id"/>) and the number to show.</summary>
    public string PageUrl(int p, string? cursor = null, int id = 0) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            "/Secretariat/Enterprises",
            new Dictionary<string, string?>
            {
                ["q"] = Q,
                ["status"] = Status?.ToString(),
                ["sector"] = Sector?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["commune"] = Commune,
                [cursor ?? "after"] = cursor is null
                    ? null
                    : id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["p"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }.Where(kv => !string.IsNullOrEmpty(kv.Value))
        );

    /// <summary>The link to page <paramref name="i"/> from this one: the neighbours by cursor, the pages within the
    /// counted matches by number, none for a far page past them.</summary>
    public string? PageHref(int i) =>
        i == P - 1 && !IsFirstPage && Rows.Count > 0 ? PageUrl(i, "before", Rows[0].Id)
        : i == P + 1 && HasNext && Rows.Count > 0 ? PageUrl(i, "after", Rows[^1].Id)
        : i <= EnterpriseQueries.MaxOffsetPage ? PageUrl(i)
        : null;

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var bytes = await queries.ExportAsync(Filter, k => l[k], ct);
        var name = $"doanh-nghiep-{Core.Common.VietnamTime.Today(time):yyyyMMdd}.xlsx";
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
