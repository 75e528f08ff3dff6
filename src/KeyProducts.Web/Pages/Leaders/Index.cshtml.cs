using KeyProducts.Web.Features.Program;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Leaders;

/// <summary>The leaders' dashboard: progress against the phase's targets, cumulative products with the target
/// line, funnel, sector and commune mix, shares and growth; every number links to its records.</summary>
public class IndexModel(KpiQueries queries, KpiExcelExport excel, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Phase { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Sector { get; set; }

    public KpiDashboard Data { get; private set; } = null!;

    private KpiFilter Filter => new(Phase, Year is >= 1990 and <= 2100 ? Year : null, Sector);

    public async Task OnGetAsync(CancellationToken ct) => Data = await queries.LoadAsync(Filter, ct);

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var data = await queries.LoadAsync(Filter, ct);
        var bytes = excel.Build(data, k => l[k]);
        return File(
            bytes,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"chi-so-spcncl-{data.Phase?.StartYear}-{data.Phase?.EndYear}.xlsx"
        );
    }
}
