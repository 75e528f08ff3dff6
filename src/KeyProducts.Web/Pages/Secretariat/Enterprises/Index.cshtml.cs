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
    public int Total { get; private set; }
    public List<ReferenceLists.Option> Sectors { get; private set; } = [];
    public List<ReferenceLists.Option> Communes { get; private set; } = [];

    private EnterpriseFilter Filter => new(Q, Status, Sector, Commune);

    public async Task OnGetAsync(CancellationToken ct)
    {
        P = Math.Max(1, P);
        var q = queries.Rows(Filter);
        Total = await q.CountAsync(ct);
        Rows = await q.Skip((P - 1) * EnterpriseQueries.PageSize).Take(EnterpriseQueries.PageSize).ToListAsync(ct);
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
