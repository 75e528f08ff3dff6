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

    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

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
        P = Math.Clamp(P, 1, 100_000);
        Total = await queries.CountUpToAsync(Filter, ct);
        Rows = await queries
            .Rows(Filter)
            .Skip((P - 1) * EnterpriseQueries.PageSize)
            .Take(EnterpriseQueries.PageSize + 1)
            .ToListAsync(ct);
        HasNext = Rows.Count > EnterpriseQueries.PageSize;
        if (HasNext)
            Rows.RemoveAt(Rows.Count - 1);
        Sectors = await lists.SectorsAsync(ct);
        Communes = await lists.CommunesAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var bytes = await queries.ExportAsync(Filter, k => l[k], ct);
        var name = $"doanh-nghiep-{Core.Common.VietnamTime.Today(time):yyyyMMdd}.xlsx";
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
