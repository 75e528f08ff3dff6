using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Features.Support;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Support;

/// <summary>The officer's list of support applications, ranked (SPCNCL priority first), with filters and Excel export.
/// </summary>
public class IndexModel(
    AppDbContext db,
    DossierAccess access,
    SupportQueries queries,
    SupportExport export,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? ProgramId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public SupportState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool PriorityOnly { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? EnterpriseId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<SupportRow> Rows { get; private set; } = [];
    public List<(int Id, string Label)> Programs { get; private set; } = [];
    public List<int> Years { get; private set; } = [];
    public string? EnterpriseName { get; private set; }

    private SupportFilter Filter =>
        new(ProgramId, Year, State, PriorityOnly, EnterpriseId, Q?.Length > 200 ? Q[..200] : Q);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Programs = (
            await db
                .SupportPrograms.AsNoTracking()
                .OrderBy(p => p.Code)
                .Select(p => new
                {
                    p.Id,
                    p.Code,
                    p.Name,
                })
                .ToListAsync(ct)
        ).Select(p => (p.Id, $"{p.Code} — {p.Name}")).ToList();
        Years = await db
            .SupportCalls.AsNoTracking()
            .Select(c => c.Year)
            .Distinct()
            .OrderByDescending(y => y)
            .ToListAsync(ct);
        if (EnterpriseId is { } e)
            EnterpriseName = await db.Enterprises.Where(x => x.Id == e).Select(x => x.NameVi).FirstOrDefaultAsync(ct);
        Rows = await queries.ListAsync(await access.ViewerAsync(User, ct), Filter, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var bytes = await export.ExecuteAsync(await access.ViewerAsync(User, ct), Filter, s => l[s], ct);
        return File(
            bytes,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"ho-tro-{Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "tat-ca"}.xlsx"
        );
    }
}
